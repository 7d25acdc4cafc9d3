import { tenantPolicies } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { membershipRole, membershipStatus } from './organisation-enums.ts';
import { organisations } from './organisations.ts';

/**
 * A person acting for one organisation with roles. The person is known by the issuer and subject
 * of their tokens (our own issuer, or the organisation's own identity provider).
 */
export const memberships = pgTable.withRLS(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    roles: membershipRole('roles').array().notNull().default(sql`'{}'`),
    status: membershipStatus('status').notNull().default('invited'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.tenantId, t.id] }),
    unique('memberships_tenant_subject_key').on(t.tenantId, t.issuer, t.subject),
    foreignKey({ name: 'memberships_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('memberships_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    ...tenantPolicies('memberships', t.tenantId),
  ],
);
