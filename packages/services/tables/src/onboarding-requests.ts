import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { foreignKey, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * The idempotency record of an onboarding: which organisation a key created, and a hash of the
 * input it came with. It belongs to the onboarding organisation (the parent acting), so the key
 * space is per tenant and concurrent retries with one key meet on its unique constraint. The key
 * is claimed before the organisation is written, so `organisation_id` has no foreign key.
 */
export const onboardingRequests = pgTable.withRLS(
  'onboarding_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'onboarding_requests_pkey', columns: [t.tenantId, t.id] }),
    unique('onboarding_requests_tenant_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'onboarding_requests_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    ...tenantPolicies('onboarding_requests', t.tenantId),
  ],
);
