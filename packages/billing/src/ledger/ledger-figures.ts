import * as tables from '@ssp/billing-tables';
import { type PlatformTransaction, queryRows } from '@ssp/core';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';

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

/** Rows a statement may carry: the kept figures are written a thousand at a time. */
const FIGURES_PER_INSERT = 1_000;

type LedgerEntry = typeof tables.savingsLedgerEntries.$inferSelect;

/**
 * Keeps the figure of the entry's opportunity and year (`savings_ledger_figures`) as the ledger's
 * rule has it once the entry is appended, in the transaction that appended it. `recordLedgerEntry`
 * runs it under the opportunity's lock, so two recordings for one opportunity never interleave.
 * The figure is the latest entry (by `recorded_at`, then id) that no reversal withdraws, so:
 * - a new figure entry replaces the kept one if it is later by that order (one statement);
 * - a reversal of another entry than the kept one changes nothing (one statement finds it is not);
 * - a reversal of the kept one leaves the entry before it, read again from the ledger.
 */
export async function keepLedgerFigure(tx: PlatformTransaction, entry: LedgerEntry): Promise<void> {
  const kept = tables.savingsLedgerFigures;
  const scope = {
    organisationId: entry.tenantId,
    opportunityIds: [entry.opportunityId],
    fiscalYears: [entry.fiscalYear],
  };
  if (entry.kind === 'reversal') {
    const withdrawn = await tx
      .delete(kept)
      .where(
        and(
          eq(kept.tenantId, entry.tenantId),
          eq(kept.fiscalYear, entry.fiscalYear),
          eq(kept.opportunityId, entry.opportunityId),
          eq(kept.entryId, entry.reversesEntryId ?? entry.id),
        ),
      )
      .returning({ entryId: kept.entryId });
    if (withdrawn.length > 0) await refreshLedgerFigures(tx, scope);
    return;
  }
  if (entry.basis === null) throw new Error('A figure entry states its basis');
  await tx
    .insert(kept)
    .values({
      tenantId: entry.tenantId,
      opportunityId: entry.opportunityId,
      fiscalYear: entry.fiscalYear,
      entryId: entry.id,
      amountPence: entry.amountPence,
      basis: entry.basis,
      recordedAt: entry.recordedAt,
    })
    .onConflictDoUpdate({
      target: [kept.tenantId, kept.fiscalYear, kept.opportunityId],
      set: {
        entryId: sql`excluded.entry_id`,
        amountPence: sql`excluded.amount_pence`,
        basis: sql`excluded.basis`,
        recordedAt: sql`excluded.recorded_at`,
      },
      setWhere: sql`(excluded.recorded_at, excluded.entry_id) > (${kept.recordedAt}, ${kept.entryId})`,
    });
}

/**
 * Brings the kept figures (`savings_ledger_figures`) of one organisation back to what its ledger
 * says now, for the opportunities and years given (every one when omitted): the figures read by
 * the ledger's own rule (`ledgerFiguresQuery`), the rows in scope replaced by them. For entries
 * written in bulk beside `recordLedgerEntry` (the seeds), after them, in their transaction. The
 * figures are written as values: an INSERT ... SELECT into a tenant table under row-level
 * security is what Citus turns into a COPY, which row-level security refuses.
 */
export async function refreshLedgerFigures(
  tx: PlatformTransaction,
  scope: Omit<LedgerFigureFilter, 'asOf'>,
): Promise<void> {
  const figures = await loadLedgerFigures(tx, scope);
  const kept = tables.savingsLedgerFigures;
  await tx
    .delete(kept)
    .where(
      and(
        eq(kept.tenantId, scope.organisationId),
        scope.fiscalYears ? inArray(kept.fiscalYear, [...scope.fiscalYears]) : undefined,
        scope.opportunityIds ? inArray(kept.opportunityId, [...scope.opportunityIds]) : undefined,
      ),
    );
  for (let from = 0; from < figures.length; from += FIGURES_PER_INSERT) {
    await tx.insert(kept).values(
      figures.slice(from, from + FIGURES_PER_INSERT).map((figure) => ({
        tenantId: scope.organisationId,
        opportunityId: figure.opportunityId,
        fiscalYear: figure.fiscalYear,
        entryId: figure.entryId,
        amountPence: figure.amountPence,
        basis: figure.basis,
        recordedAt: figure.recordedAt,
      })),
    );
  }
}
/**
 * The kept figures of one organisation's year as `ledgerFiguresQuery`'s columns, for a statement
 * that reads the ledger as it stands now (the reconciliation joins them to the opportunities).
 */
export function keptLedgerFiguresQuery(organisationId: string, fiscalYear: number): SQL {
  return sql`select k.opportunity_id, k.fiscal_year, k.amount_pence::text as amount_pence, k.basis::text as basis,
                    k.entry_id as id, k.recorded_at
               from savings_ledger_figures k
              where k.tenant_id = ${organisationId} and k.fiscal_year = ${fiscalYear}`;
}
