import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { bigint, foreignKey, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ledgerBasis } from './billing-enums.ts';
import { savingsLedgerEntries } from './savings-ledger.ts';
import { savingsOpportunities } from './savings-opportunities.ts';

/**
 * The ledger's figure for each opportunity and fiscal year as the ledger stands now: a copy of
 * the entry the figure comes from (its latest entry that no reversal withdraws). The ledger stays
 * the record; this is kept from it in the transaction that appends each entry, by the ledger's own
 * rule (`refreshLedgerFigures`), so that finance's reconciliation of a year reads one row per
 * opportunity instead of every entry of the year. The ledger as it stood on a past date is still
 * read from the entries themselves. No row when every entry of the year has been reversed.
 */
export const savingsLedgerFigures = pgTable.withRLS(
  'savings_ledger_figures',
  {
    tenantId: uuid('tenant_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    /** The fiscal year (its start year: 2017 is 2017/18). */
    fiscalYear: smallint('fiscal_year').notNull(),
    /** The entry the figure comes from. */
    entryId: uuid('entry_id').notNull(),
    amountPence: bigint('amount_pence', { mode: 'bigint' }).notNull(),
    basis: ledgerBasis('basis').notNull(),
    /** When that entry was recorded. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'savings_ledger_figures_pkey', columns: [t.tenantId, t.fiscalYear, t.opportunityId] }),
    foreignKey({
      name: 'savings_ledger_figures_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [organisations.id],
    }),
    foreignKey({
      name: 'savings_ledger_figures_opportunity_fk',
      columns: [t.tenantId, t.opportunityId],
      foreignColumns: [savingsOpportunities.tenantId, savingsOpportunities.id],
    }),
    foreignKey({
      name: 'savings_ledger_figures_entry_fk',
      columns: [t.tenantId, t.entryId],
      foreignColumns: [savingsLedgerEntries.tenantId, savingsLedgerEntries.id],
    }),
    ...tenantPolicies('savings_ledger_figures', t.tenantId),
  ],
);
