import { tenantPolicies } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * An explicit grant that lets the members of one organisation (the tenant holding the row, the
 * grantee) act for another, typically a county council for the schools beneath it. Delegation
 * down the hierarchy is never implied by `parent_id`: without a row here the parent sees nothing.
 * The runtime role may only read these rows; granting goes through the platform path.
 */
export const delegations = pgTable.withRLS(
  'delegations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    delegatedOrganisationId: uuid('delegated_organisation_id').notNull(),
    reason: text('reason').notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'delegations_pkey', columns: [t.tenantId, t.id] }),
    unique('delegations_tenant_delegated_key').on(t.tenantId, t.delegatedOrganisationId),
    foreignKey({ name: 'delegations_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    foreignKey({
      name: 'delegations_delegated_organisation_fk',
      columns: [t.delegatedOrganisationId],
      foreignColumns: [organisations.id],
    }),
    index('delegations_tenant_idx').on(t.tenantId, t.delegatedOrganisationId),
    // A tenant transaction may record a delegation only over an organisation already in its
    // context (onboarding puts the new organisation there), so it can never widen its view.
    ...tenantPolicies('delegations', t.tenantId, sql`app.in_tenant_context(${t.delegatedOrganisationId})`),
  ],
);
