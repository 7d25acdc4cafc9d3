import * as tables from '@ssp/billing-tables';
import { fiscalYearStarting, type PlatformTransaction } from '@ssp/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { savingsReconciliation } from '../reconciliation/savings-reconciliation.ts';
import { loadLedgerFigures } from './ledger-figures.ts';
import { type LedgerEntryRequest, recordLedgerEntry } from './record-ledger-entry.ts';

// The figures kept beside the ledger (savings_ledger_figures) against the ledger's own rule read
// from its entries: after every recording, on the seeded Lancashire opportunities, each case
// rolled back. The reconciliation as it stands reads the kept figures; as of an instant, the entries.

let db: TestDatabase;
let opportunityIds: string[];
beforeAll(async () => {
  db = await openTestDatabase();
  const rows = await db.asOwner<{ id: string }>(
    `select id from savings_opportunities where tenant_id = $1 and status in ('accepted', 'delivered')
      order by proposed_at, id limit 3`,
    [LANCASHIRE],
  );
  opportunityIds = rows.map((row) => row.id);
});
afterAll(() => db?.close());

const LANCASHIRE = seedOrganisationId('lancashire-county-council');
const PARTNER = seedOrganisationId('bt-lancashire-services');
const partner = unitTestCaller('bt-lancashire-services', ['finance'], { visibleTenantCount: 2 });

const inRollback = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [PARTNER, LANCASHIRE], work);

/** The kept figures and the ledger's rule, each as comparable lines, sorted. */
async function bothWays(tx: PlatformTransaction): Promise<{ kept: string[]; ledger: string[] }> {
  const line = (f: {
    opportunityId: string;
    fiscalYear: number;
    entryId: string;
    amountPence: bigint;
    basis: string;
  }) => `${f.opportunityId} ${f.fiscalYear} ${f.entryId} ${f.amountPence} ${f.basis}`;
  const kept = await tx
    .select()
    .from(tables.savingsLedgerFigures)
    .where(eq(tables.savingsLedgerFigures.tenantId, LANCASHIRE));
  const ledger = await loadLedgerFigures(tx, { organisationId: LANCASHIRE });
  return { kept: kept.map(line).sort(), ledger: ledger.map(line).sort() };
}

let keys = 0;
const nextKey = () => {
  keys += 1;
  return `kept-figures-${keys}`;
};
const request = (overrides: Partial<LedgerEntryRequest>): LedgerEntryRequest => ({
  kind: 'estimate',
  opportunityId: opportunityIds[0] ?? null,
  fiscalYear: '2020/21',
  amount: '100.00',
  reversesEntryId: null,
  reason: null,
  idempotencyKey: nextKey(),
  ...overrides,
});

/** A reversal of `entryId`: a reversal names only the entry it withdraws, and why. */
const reversal = (entryId: string, reason: string): LedgerEntryRequest =>
  request({ kind: 'reversal', opportunityId: null, fiscalYear: null, amount: null, reversesEntryId: entryId, reason });

describe('the figures kept beside the savings ledger', () => {
  it('start as the seeded ledger says', async () => {
    const { kept, ledger } = await inRollback(bothWays);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(ledger);
  });

  it('follow every recording: a new figure, a restatement, a reversal back to the one before, the last reversal', async () => {
    const seen = await inRollback(async (tx) => {
      const steps: { kept: string[]; ledger: string[]; figures: number }[] = [];
      const step = async () => {
        const both = await bothWays(tx);
        const figures = (await loadLedgerFigures(tx, { organisationId: LANCASHIRE, fiscalYears: [2020] })).length;
        steps.push({ ...both, figures });
      };
      const estimate = await recordLedgerEntry(tx, partner, request({ amount: '1000.00' }));
      await step();
      const restated = await recordLedgerEntry(
        tx,
        partner,
        request({ kind: 'restatement', amount: '1250.50', reason: 'Invoice received' }),
      );
      await step();
      // Withdrawing the restatement brings the estimate back as the figure.
      await recordLedgerEntry(tx, partner, reversal(restated.entry.id, 'Wrong invoice'));
      await step();
      // Withdrawing the estimate too leaves the year without a figure: its kept row goes.
      await recordLedgerEntry(tx, partner, reversal(estimate.entry.id, 'Not delivered'));
      await step();
      return { steps, estimate: estimate.entry.id };
    });
    for (const { kept, ledger } of seen.steps) expect(kept).toEqual(ledger);
    expect(seen.steps.map((s) => s.figures)).toEqual([1, 1, 1, 0]);
    expect(seen.steps[2]!.kept.some((line) => line.includes(seen.estimate))).toBe(true);
  });

  it('agree with the ledger after a long mixed run of recordings on several opportunities and years', async () => {
    const { kept, ledger, recorded } = await inRollback(async (tx) => {
      // A fixed pseudo-random run (a linear congruential generator), so a failure repeats.
      let state = 20_261_202;
      const next = (n: number) => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return state % n;
      };
      const live: { id: string; opportunityId: string; year: number }[] = [];
      let recorded = 0;
      for (let i = 0; i < 60; i += 1) {
        const opportunityId = opportunityIds[next(opportunityIds.length)]!;
        const year = 2019 + next(3);
        const reversible = live.filter((e) => e.opportunityId === opportunityId && e.year === year);
        const choice = next(4);
        try {
          if (choice === 0 && reversible.length > 0) {
            const target = reversible[next(reversible.length)]!;
            await tx.transaction((savepoint) => recordLedgerEntry(savepoint, partner, reversal(target.id, 'Run')));
            live.splice(live.indexOf(target), 1);
          } else {
            const kind = choice === 1 ? 'restatement' : choice === 2 ? 'actual' : 'estimate';
            const { entry } = await tx.transaction((savepoint) =>
              recordLedgerEntry(savepoint, partner, {
                ...request({
                  kind,
                  opportunityId,
                  fiscalYear: `${year}/${(year + 1) % 100}`,
                  amount: `${100 + next(900)}.${next(100)}`,
                }),
                reason: kind === 'restatement' ? 'Run' : null,
              }),
            );
            live.push({ id: entry.id, opportunityId, year });
          }
          recorded += 1;
        } catch {
          // The ledger's own refusals (a settled year, nothing to restate) change nothing: each
          // recording ran in a savepoint, rolled back with it.
        }
      }
      return { ...(await bothWays(tx)), recorded };
    });
    expect(recorded).toBeGreaterThan(20);
    expect(kept).toEqual(ledger);
  });

  it('give the reconciliation as it stands the answer the ledger read at this instant gives', async () => {
    const { standing, atNow } = await inRollback(async (tx) => {
      // 2018/19 holds the seed's estimates: another estimate becomes a line's figure.
      await recordLedgerEntry(tx, partner, request({ fiscalYear: '2018/19', amount: '777.77' }));
      const year = fiscalYearStarting(2018);
      const standing = await savingsReconciliation(tx, LANCASHIRE, year);
      const atNow = await savingsReconciliation(tx, LANCASHIRE, year, new Date(Date.now() + 1_000));
      return { standing, atNow };
    });
    const { asOf: _a, ...standingRest } = standing;
    const { asOf: _b, ...atNowRest } = atNow;
    expect(standingRest).toEqual(atNowRest);
    expect(standing.lines.length).toBeGreaterThan(0);
  });
});
