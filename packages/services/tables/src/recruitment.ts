import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A DBS check: the KPI counts working days from complete information to processing. */
export const dbsChecks = pgTable.withRLS(
  'dbs_checks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The applicant or post, as the customer refers to it (no personal data needed here). */
    reference: text('reference').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    informationCompleteAt: timestamp('information_complete_at', { withTimezone: true }),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'dbs_checks_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dbs_checks_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('dbs_checks_tenant_complete_idx').on(t.tenantId, t.informationCompleteAt),
    ...tenantPolicies('dbs_checks', t.tenantId),
  ],
);

/** A contract letter: the change made in the HR system, and when the letter was issued. */
export const contractLetters = pgTable.withRLS(
  'contract_letters',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    systemChangeDate: date('system_change_date', { mode: 'string' }).notNull(),
    issuedDate: date('issued_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'contract_letters_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contract_letters_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('contract_letters_tenant_change_idx').on(t.tenantId, t.systemChangeDate),
    ...tenantPolicies('contract_letters', t.tenantId),
  ],
);
