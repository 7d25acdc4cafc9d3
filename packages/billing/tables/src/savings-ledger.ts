import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerBasis, ledgerEntryKind } from './billing-enums.ts';
import { savingsOpportunities } from './savings-opportunities.ts';

/**
 * The savings ledger: what each opportunity saved in each fiscal year, append-only. The figure
 * for an opportunity and year is its latest entry that has not been reversed; a correction is a
 * new entry (a restatement or a reversal, each with its reason), never an update, and triggers
 * refuse UPDATE, DELETE and TRUNCATE for everyone. `recorded_at` is when the entry was made, so
 * the ledger can be read as it stood on any past date.
 */
export const savingsLedgerEntries = pgTable.withRLS(
  'savings_ledger_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    opportunityId: uuid('opportunity_id').notNull(),
    /** The fiscal year the saving belongs to (its start year: 2017 is 2017/18). */
    fiscalYear: smallint('fiscal_year').notNull(),
    kind: ledgerEntryKind('kind').notNull(),
    /**
     * Estimates, actuals and restatements: the year's figure (zero or more). Reversals: minus the
     * amount of the entry they withdraw, so the trail reads as money moving.
     */
    amountPence: bigint('amount_pence', { mode: 'bigint' }).notNull(),
    /** Whether the figure this entry states is estimated or actual (null on a reversal). */
    basis: ledgerBasis('basis'),
    /** The entry a reversal withdraws. */
    reversesEntryId: uuid('reverses_entry_id'),
    /** Why: required on restatements and reversals. */
    reason: text('reason'),
    recordedBy: text('recorded_by').notNull(),
    /** The organisation the recorder acted for. */
    recordedByOrganisationId: uuid('recorded_by_organisation_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'savings_ledger_entries_pkey', columns: [t.tenantId, t.id] }),
    unique('savings_ledger_entries_tenant_key').on(t.tenantId, t.idempotencyKey),
    // An entry is reversed at most once.
    unique('savings_ledger_entries_reverses_key').on(t.tenantId, t.reversesEntryId),
    foreignKey({
      name: 'savings_ledger_entries_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [organisations.id],
    }),
    foreignKey({
      name: 'savings_ledger_entries_opportunity_fk',
      columns: [t.tenantId, t.opportunityId],
      foreignColumns: [savingsOpportunities.tenantId, savingsOpportunities.id],
    }),
    foreignKey({
      name: 'savings_ledger_entries_reverses_fk',
      columns: [t.tenantId, t.reversesEntryId],
      foreignColumns: [t.tenantId, t.id],
    }),
    // Reconciliation reads a year's entries of one organisation, in the order they were recorded.
    index('savings_ledger_entries_tenant_year_idx').on(t.tenantId, t.fiscalYear, t.opportunityId, t.recordedAt),
    check('savings_ledger_entries_fiscal_year_check', sql`${t.fiscalYear} between 1900 and 2998`),
    check(
      'savings_ledger_entries_shape_check',
      sql`case ${t.kind}
        when 'reversal' then ${t.reversesEntryId} is not null and ${t.basis} is null and ${t.reason} is not null
        when 'restatement' then ${t.reversesEntryId} is null and ${t.basis} is not null and ${t.reason} is not null and ${t.amountPence} >= 0
        when 'actual' then ${t.reversesEntryId} is null and ${t.basis} = 'actual' and ${t.amountPence} >= 0
        else ${t.reversesEntryId} is null and ${t.basis} = 'estimated' and ${t.amountPence} >= 0
      end`,
    ),
    ...tenantPolicies('savings_ledger_entries', t.tenantId),
  ],
);
