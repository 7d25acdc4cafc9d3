import { runtimeRole, tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partnershipMemberWritePolicies } from './partnership-policies.ts';

/**
 * A receipt for every read of a member's shared rows by another member, kept by the partnership
 * so that the member whose people were read can see who read what, and when (the reader's own
 * audit trail holds the same read). Append-only. The reader writes it; the member read, and the
 * partnership, read it.
 */
export const sharedReadReceipts = pgTable.withRLS(
  'shared_read_receipts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    readerOrganisationId: uuid('reader_organisation_id').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
    /** What was read, e.g. `shared_directory` or `rota`. */
    what: text('what').notNull(),
    /** The ids of the rows read (people, shifts, loans). */
    rowIds: uuid('row_ids').array().notNull(),
    requestId: text('request_id').notNull(),
    actorSubject: text('actor_subject').notNull(),
  },
  (t) => [
    primaryKey({ name: 'shared_read_receipts_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'shared_read_receipts_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    // A member reads the reads of its own rows, newest first.
    index('shared_read_receipts_member_idx').on(t.tenantId, t.memberOrganisationId, t.readAt, t.id),
    ...tenantPolicies('shared_read_receipts', t.tenantId),
    pgPolicy('shared_read_receipts_member_read', {
      as: 'permissive',
      for: 'select',
      to: runtimeRole,
      using: sql`${t.tenantId} = any (app.current_partnership_ids()) and ${t.memberOrganisationId} = any (app.current_tenant_ids())`,
    }),
    ...partnershipMemberWritePolicies('shared_read_receipts', t.tenantId, t.readerOrganisationId, ['insert'], 'reader'),
  ],
);
