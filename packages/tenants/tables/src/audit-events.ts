import { tenantPolicies } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * The audit trail: every administrative change, append-only. A row belongs to the organisation
 * the change was made for (its tenant), so that organisation's admins can read it. The runtime
 * role may only insert and read; triggers refuse UPDATE, DELETE and TRUNCATE for everyone.
 */
export const auditEvents = pgTable.withRLS(
  'audit_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    /** The request that made the change (the `x-request-id` the API answered with). */
    requestId: text('request_id').notNull(),
    /** Who: the token's subject (a person, `client:<id>`, or a system process such as the seed loader). */
    actorSubject: text('actor_subject').notNull(),
    /** For which organisation the actor was acting (not always the tenant the change touched). */
    actorOrganisationId: uuid('actor_organisation_id'),
    /** What, as `<thing>.<verb>`, e.g. `delegation.granted`. */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'audit_events_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    // Read newest first: a backward scan of this ascending index serves `order by occurred_at desc, id desc`.
    index('audit_events_tenant_occurred_idx').on(t.tenantId, t.occurredAt, t.id),
    ...tenantPolicies('audit_events', t.tenantId),
  ],
);
