import { type PlatformTransaction, queryRows } from '@ssp/core';
import { type SQL, sql } from 'drizzle-orm';

/** What the ledger says an opportunity saved in a fiscal year, and on what basis. */
export interface LedgerFigure {
  opportunityId: string;
  /** The fiscal year's start year (2017 is 2017/18). */
  fiscalYear: number;
  amountPence: bigint;
  basis: 'estimated' | 'actual';
  /** The entry the figure comes from. */
  entryId: string;
  recordedAt: Date;
}

export interface LedgerFigureFilter {
  organisationId: string;
  /** Only these fiscal years (start years); all when omitted. */
  fiscalYears?: readonly number[];
  /** Only these opportunities; all when omitted. */
  opportunityIds?: readonly string[];
  /** The ledger as it stood at this instant: entries recorded later are not seen. Now when omitted. */
  asOf?: Date;
}

/** A row of `ledgerFiguresQuery`: the columns of the entry a figure comes from. */
export interface LedgerFigureRow extends Record<string, unknown> {
  opportunity_id: string;
  fiscal_year: number;
  /** Text: a bigint does not fit a JavaScript number. */
  amount_pence: string;
  basis: 'estimated' | 'actual';
  id: string;
  recorded_at: Date | string;
}

/**
 * The statement behind `loadLedgerFigures`, for a caller that reads the figures inside a larger
 * statement of its own (the reconciliation joins them to the opportunities): the latest entry per
 * opportunity and year that no reversal withdraws, both as recorded by `asOf`.
 */
export function ledgerFiguresQuery(filter: LedgerFigureFilter): SQL {
  const asOf = filter.asOf?.toISOString() ?? null;
  const years = (alias: SQL) =>
    filter.fiscalYears
      ? sql`and ${alias}.fiscal_year = any (${`{${filter.fiscalYears.join(',')}}`}::smallint[])`
      : sql``;
  const opportunities = (alias: SQL) =>
    filter.opportunityIds
      ? sql`and ${alias}.opportunity_id = any (${`{${filter.opportunityIds.join(',')}}`}::uuid[])`
      : sql``;
  // A reversal is recorded in the year and against the opportunity of the entry it withdraws
  // (recordLedgerEntry copies both), so the same filter finds it: the reversals are a hash of the
  // year's few reversal rows, and the entries come from the (tenant_id, fiscal_year, ...) index.
  // Reading every reversal of the tenant instead hashed the whole ledger (10,000 rows for a
  // 1,000-row year); reading the year once into a CTE and scanning it twice cost a third more.
  // The basis as text: turned into JSON (the reconciliation does), an enum costs a catalogue
  // lookup per value.
  return sql`select distinct on (e.opportunity_id, e.fiscal_year)
               e.opportunity_id, e.fiscal_year, e.amount_pence::text as amount_pence, e.basis::text as basis, e.id, e.recorded_at
          from savings_ledger_entries e
         where e.tenant_id = ${filter.organisationId}
           and e.kind <> 'reversal'
           and (${asOf}::timestamptz is null or e.recorded_at <= ${asOf}::timestamptz)
           ${years(sql`e`)}
           ${opportunities(sql`e`)}
           and not exists (
             select 1 from savings_ledger_entries r
              where r.tenant_id = ${filter.organisationId}
                and r.kind = 'reversal'
                and r.reverses_entry_id = e.id
                and (${asOf}::timestamptz is null or r.recorded_at <= ${asOf}::timestamptz)
                ${years(sql`r`)}
                ${opportunities(sql`r`)})
         order by e.opportunity_id, e.fiscal_year, e.recorded_at desc, e.id desc`;
}

/** A figure from a row of `ledgerFiguresQuery` (or the same columns read as JSON). */
export function ledgerFigureOf(row: LedgerFigureRow): LedgerFigure {
  return {
    opportunityId: row.opportunity_id,
    fiscalYear: Number(row.fiscal_year),
    amountPence: BigInt(row.amount_pence),
    basis: row.basis,
    entryId: row.id,
    recordedAt: new Date(row.recorded_at),
  };
}

/**
 * The ledger's figure for each opportunity and fiscal year: the latest entry (estimate, actual or
 * restatement) not withdrawn by a reversal, both as recorded by `asOf`. One statement, whatever
 * the number of entries.
 */
export async function loadLedgerFigures(tx: PlatformTransaction, filter: LedgerFigureFilter): Promise<LedgerFigure[]> {
  const rows = await queryRows<LedgerFigureRow>(tx, ledgerFiguresQuery(filter));
  return rows.map(ledgerFigureOf);
}
