import { type PlatformTransaction, parseFiscalYear } from '@ssp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { recordLedgerEntry } from '../ledger/record-ledger-entry.ts';
import { ratio, savingsReconciliation } from './savings-reconciliation.ts';

// The reconciliation's arithmetic on a year the seed leaves empty (2020/21): Lancashire's £3m of
// reductions is in force; the figures recorded here are chosen so that every total is checked to
// the penny and the coverage ratio lands exactly on a rounding boundary. Rolled back each time.

let db: TestDatabase;
const opportunity = new Map<string, string>();
beforeAll(async () => {
  db = await openTestDatabase();
  for (const row of await db.asOwner<{ id: string; title: string }>(
    'select id, title from savings_opportunities where tenant_id = $1',
    [LANCASHIRE],
  )) {
    opportunity.set(row.title, row.id);
  }
});
afterAll(() => db?.close());

const LANCASHIRE = seedOrganisationId('lancashire-county-council');
const PARTNER = seedOrganisationId('bt-lancashire-services');
const partner = unitTestCaller('bt-lancashire-services', ['finance'], { visibleTenantCount: 2 });
const SCHEDULE_11 = 'Return of Schedule 11 affordability';
const FIREWALLS = 'Licence reduction - Enhanced Firewalls project';
const TELEPHONY = 'Mobile telephony';
// The one seeded line against another budget than the charge.
const OTHER_BUDGET = 'Savings delivered by BT Lancashire Services against';
const YEAR = parseFiscalYear('2020/21');

async function record(
  tx: PlatformTransaction,
  title: string,
  kind: 'estimate' | 'actual',
  amount: string,
  fiscalYear = '2020/21',
) {
  const opportunityId = [...opportunity].find(([seeded]) => seeded.startsWith(title))?.[1];
  if (!opportunityId) throw new Error(`No seeded opportunity "${title}..."`);
  await recordLedgerEntry(tx, partner, {
    kind,
    opportunityId,
    fiscalYear,
    amount,
    reversesEntryId: null,
    reason: null,
    idempotencyKey: `${title}:${kind}:${fiscalYear}`,
  });
}

const inRollback = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [PARTNER, LANCASHIRE], work);

describe('savingsReconciliation', () => {
  it('adds actuals and estimates apart, against the charge and elsewhere, to the penny', async () => {
    const r = await inRollback(async (tx) => {
      await record(tx, SCHEDULE_11, 'actual', '1234564.99');
      await record(tx, FIREWALLS, 'estimate', '0.01');
      // Another year's figure counts for nothing here.
      await record(tx, TELEPHONY, 'actual', '777.77', '2021/22');
      await record(tx, OTHER_BUDGET, 'estimate', '99.99');
      return savingsReconciliation(tx, LANCASHIRE, YEAR);
    });
    expect(r.reductionRequested.pence).toBe(300_000_000n);
    expect([r.againstCharge.actual.pence, r.againstCharge.estimated.pence, r.againstCharge.total.pence]).toEqual([
      123_456_499n,
      1n,
      123_456_500n,
    ]);
    expect([r.otherBudgetsTotal.estimated.pence, r.otherBudgetsTotal.total.pence]).toEqual([9_999n, 9_999n]);
    expect(r.otherBudgets.map((budget) => budget.total.pence)).toEqual([9_999n]);
    expect(r.allSavings.total.pence).toBe(r.againstCharge.total.pence + r.otherBudgetsTotal.total.pence);
    // Every line's amount adds up to the whole; lines with no figure this year show zero.
    expect(r.lines.reduce((total, line) => total + line.amount.pence, 0n)).toBe(r.allSavings.total.pence);
    expect(r.lines.find((line) => line.opportunity.title.startsWith(TELEPHONY))?.figure).toBeNull();
    expect(r.balance.pence).toBe(123_456_500n - 300_000_000n);
    expect(r.shortfall.pence).toBe(176_543_500n);
    expect(r.surplus.pence).toBe(0n);
    // 123,456,500 / 300,000,000 = 0.411521666...: four places.
    expect(r.coverageRatio).toBe('0.4115');
    expect(r.categories.reduce((total, category) => total + category.againstCharge.pence, 0n)).toBe(
      r.againstCharge.total.pence,
    );
  });

  it('turns a surplus the other way, with a ratio over one rounded half up', async () => {
    const r = await inRollback(async (tx) => {
      // £3,000,001.50 against £3m: a ratio of exactly 1.0000005, which rounds to 1.0000, and a surplus of £1.50.
      await record(tx, SCHEDULE_11, 'actual', '3000001.50');
      return savingsReconciliation(tx, LANCASHIRE, YEAR);
    });
    expect(r.balance.pence).toBe(150n);
    expect(r.surplus.pence).toBe(150n);
    expect(r.shortfall.pence).toBe(0n);
    expect(r.coverageRatio).toBe('1.0000');
  });

  it('rounds the ratio to four places, half up, in whole-number arithmetic', () => {
    expect(ratio(41_155n, 100_000n)).toBe('0.4116');
    expect(ratio(41_154n, 100_000n)).toBe('0.4115');
    expect(ratio(2n, 3n)).toBe('0.6667');
    expect(ratio(0n, 3n)).toBe('0.0000');
    expect(ratio(30_000_000_000_001_500n, 30_000_000_000_000_000n)).toBe('1.0000');
    expect(ratio(123_465_000n, 300_000_000n)).toBe('0.4116');
  });
});
