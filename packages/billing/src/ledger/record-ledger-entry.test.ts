import * as tables from '@ssp/billing-tables';
import type { PlatformTransaction } from '@ssp/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { type LedgerEntryRequest, recordLedgerEntry } from './record-ledger-entry.ts';

// recordLedgerEntry as BT Lancashire Services' finance (delegated over Lancashire) records it, on
// the seeded opportunities; 2020/21 has no figures in the seed. Each case rolled back.

let db: TestDatabase;
let opportunityId: string;
let proposedId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  const [delivered] = await db.asOwner<{ id: string }>(
    `select id from savings_opportunities where tenant_id = $1 and title = 'Return of Schedule 11 affordability'`,
    [LANCASHIRE],
  );
  opportunityId = delivered!.id;
  // An opportunity still only proposed: nothing may be recorded against it.
  const [proposed] = await db.asOwner<{ id: string }>(
    `insert into savings_opportunities (tenant_id, title, category, cashable, recurrence, counts_against,
       proposed_by, proposed_by_organisation_id, idempotency_key, input_hash)
     values ($1, 'Not yet accepted', 'supplier_change', true, 'recurring', 'affordability_charge',
       'unit-test', $2, 'unit-proposed', 'unit') returning id`,
    [LANCASHIRE, PARTNER],
  );
  proposedId = proposed!.id;
});
afterAll(() => db?.close());

const LANCASHIRE = seedOrganisationId('lancashire-county-council');
const PARTNER = seedOrganisationId('bt-lancashire-services');
const partner = unitTestCaller('bt-lancashire-services', ['finance'], { visibleTenantCount: 2 });

const entry = (overrides: Partial<LedgerEntryRequest> = {}): LedgerEntryRequest => ({
  kind: 'estimate',
  opportunityId,
  fiscalYear: '2020/21',
  amount: '1000.00',
  reversesEntryId: null,
  reason: null,
  idempotencyKey: 'ledger-unit-1',
  ...overrides,
});

const inRollback = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [PARTNER, LANCASHIRE], work);

const entriesOf = (tx: PlatformTransaction, year: number) =>
  tx
    .select()
    .from(tables.savingsLedgerEntries)
    .where(
      and(
        eq(tables.savingsLedgerEntries.tenantId, LANCASHIRE),
        eq(tables.savingsLedgerEntries.opportunityId, opportunityId),
        eq(tables.savingsLedgerEntries.fiscalYear, year),
      ),
    );

describe('recordLedgerEntry', () => {
  it('replays a retry with the same key and body: the first entry, once in the ledger', async () => {
    const { first, retry, rows } = await inRollback(async (tx) => {
      const first = await recordLedgerEntry(tx, partner, entry());
      const retry = await recordLedgerEntry(tx, partner, entry());
      return { first, retry, rows: await entriesOf(tx, 2020) };
    });
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ entry: first.entry, replayed: true });
    expect(rows.map((row) => [row.kind, row.amountPence, row.basis])).toEqual([['estimate', 100_000n, 'estimated']]);
  });

  it.each([
    ['another amount', { amount: '1000.01' }],
    ['another year', { fiscalYear: '2021/22' }],
    ['another kind', { kind: 'actual' as const }],
    ['a reason added', { reason: 'Now with a reason' }],
  ])('refuses the same key with %s as IDEMPOTENCY_KEY_REUSED, adding nothing', async (_case, changed) => {
    const rows = await inRollback(async (tx) => {
      await recordLedgerEntry(tx, partner, entry());
      await expect(recordLedgerEntry(tx, partner, entry(changed))).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      return [...(await entriesOf(tx, 2020)), ...(await entriesOf(tx, 2021))];
    });
    expect(rows).toHaveLength(1);
  });

  it('settles a year with an actual: a later estimate or actual is refused, a restatement keeps the basis', async () => {
    await inRollback(async (tx) => {
      await recordLedgerEntry(tx, partner, entry({ kind: 'estimate', idempotencyKey: 'ledger-unit-a' }));
      await recordLedgerEntry(
        tx,
        partner,
        entry({ kind: 'actual', amount: '900.00', idempotencyKey: 'ledger-unit-b' }),
      );
      await expect(
        recordLedgerEntry(tx, partner, entry({ kind: 'estimate', idempotencyKey: 'ledger-unit-c' })),
      ).rejects.toMatchObject({ code: 'LEDGER_YEAR_SETTLED' });
      await expect(
        recordLedgerEntry(tx, partner, entry({ kind: 'actual', idempotencyKey: 'ledger-unit-d' })),
      ).rejects.toMatchObject({ code: 'LEDGER_YEAR_SETTLED' });
      const restated = await recordLedgerEntry(
        tx,
        partner,
        entry({ kind: 'restatement', amount: '950.00', reason: 'Invoice corrected', idempotencyKey: 'ledger-unit-e' }),
      );
      expect(restated.entry).toMatchObject({ kind: 'restatement', basis: 'actual', amountPence: 95_000n });
    });
  });

  it('restates only a figure that exists, and reverses an entry once, recording minus its amount', async () => {
    await inRollback(async (tx) => {
      await expect(
        recordLedgerEntry(
          tx,
          partner,
          entry({ kind: 'restatement', reason: 'Nothing yet', idempotencyKey: 'ledger-unit-r' }),
        ),
      ).rejects.toMatchObject({ code: 'LEDGER_NOTHING_TO_RESTATE' });
      const { entry: estimate } = await recordLedgerEntry(tx, partner, entry({ amount: '123.45' }));
      const reversal = entry({
        kind: 'reversal',
        opportunityId: null,
        fiscalYear: null,
        amount: null,
        reversesEntryId: estimate.id,
        reason: 'Recorded against the wrong line',
        idempotencyKey: 'ledger-unit-rev-1',
      });
      const { entry: reversed } = await recordLedgerEntry(tx, partner, reversal);
      expect(reversed).toMatchObject({ kind: 'reversal', amountPence: -12_345n, reversesEntryId: estimate.id });
      await expect(
        recordLedgerEntry(tx, partner, { ...reversal, idempotencyKey: 'ledger-unit-rev-2' }),
      ).rejects.toMatchObject({
        code: 'LEDGER_ENTRY_ALREADY_REVERSED',
      });
    });
  });

  it('records nothing against an opportunity not accepted', async () => {
    await expect(
      inRollback((tx) => recordLedgerEntry(tx, partner, entry({ opportunityId: proposedId }))),
    ).rejects.toMatchObject({ code: 'OPPORTUNITY_NOT_ACCEPTED' });
  });
});
