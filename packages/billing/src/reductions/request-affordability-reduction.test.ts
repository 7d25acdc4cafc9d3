import * as tables from '@ssp/billing-tables';
import { money, type PlatformTransaction, parseFiscalYear, setTenantContext } from '@ssp/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { setAffordabilityCharge } from '../charges/set-affordability-charge.ts';
import { requestAffordabilityReduction } from './request-affordability-reduction.ts';

// A reduction request against the charges it must stay within. The seed gives Lancashire £3m of
// reductions in force from 2017/18 (£1m from 2015/16, £2m from 2017/18) and no charge; each case
// sets charges as BT Lancashire Services' finance (delegated over Lancashire) and asks as
// Lancashire's finance, in one transaction narrowed to each caller's context in turn, rolled back.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const LANCASHIRE = seedOrganisationId('lancashire-county-council');
const PARTNER = seedOrganisationId('bt-lancashire-services');
const customer = unitTestCaller('lancashire-county-council', ['finance']);
const partner = unitTestCaller('bt-lancashire-services', ['finance'], { visibleTenantCount: 2 });
const pounds = (amount: string) => money.parseMoney(amount);

/** Charges set by the partner for each year, then the context the customer's request runs in. */
async function withCharges(tx: PlatformTransaction, charges: Record<string, string>) {
  await setTenantContext(tx, [PARTNER, LANCASHIRE]);
  for (const [year, annual] of Object.entries(charges)) {
    await setAffordabilityCharge(tx, partner, {
      organisationId: LANCASHIRE,
      fiscalYear: parseFiscalYear(year),
      contractSchedule: 'Schedule 11',
      annual: pounds(annual),
      paymentProfile: 'monthly',
    });
  }
  await setTenantContext(tx, [LANCASHIRE]);
}

const ask = (amount: string, fromFiscalYear: string, idempotencyKey = `reduce-${amount}-${fromFiscalYear}`) => ({
  organisationId: LANCASHIRE,
  amount: pounds(amount),
  fromFiscalYear: parseFiscalYear(fromFiscalYear),
  reason: 'Budget pressure',
  idempotencyKey,
});

const inRollback = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [LANCASHIRE], work);

describe('requestAffordabilityReduction', () => {
  it('takes a reduction that brings the tightest later charge exactly to the reductions in force', async () => {
    // 2020/21's charge is the tightest: £3m in force plus £200,000.00 is exactly £3,200,000.00.
    const { reduction, replayed } = await inRollback(async (tx) => {
      await withCharges(tx, { '2019/20': '3500000.00', '2020/21': '3200000.00' });
      return requestAffordabilityReduction(tx, customer, ask('200000.00', '2019/20'));
    });
    expect(replayed).toBe(false);
    expect(reduction).toMatchObject({ tenantId: LANCASHIRE, amountPence: 20_000_000n, fromFiscalYear: 2019 });
  });

  it('refuses one penny more than any later year’s charge can cover, naming that year, writing nothing', async () => {
    const left = await inRollback(async (tx) => {
      await withCharges(tx, { '2019/20': '3500000.00', '2020/21': '3200000.00' });
      await expect(requestAffordabilityReduction(tx, customer, ask('200000.01', '2019/20'))).rejects.toMatchObject({
        code: 'REDUCTION_EXCEEDS_CHARGE',
        field: 'input.amount',
        message: expect.stringContaining('2020/21'),
      });
      return tx.select().from(tables.reductionRequests).where(eq(tables.reductionRequests.tenantId, LANCASHIRE));
    });
    expect(left).toHaveLength(2);
  });

  it('counts only the reductions in force in each charge year', async () => {
    // A charge of £1,000,000.50 in 2016/17 holds only the £1m from 2015/16: 50p more fits, 51p does not.
    await inRollback(async (tx) => {
      await withCharges(tx, { '2016/17': '1000000.50' });
      await expect(requestAffordabilityReduction(tx, customer, ask('0.51', '2016/17'))).rejects.toMatchObject({
        code: 'REDUCTION_EXCEEDS_CHARGE',
      });
      const { reduction } = await requestAffordabilityReduction(tx, customer, ask('0.50', '2016/17'));
      expect(reduction.amountPence).toBe(50n);
    });
  });

  it('replays a retry with the same key and body, stores one request, and refuses the key with another body', async () => {
    await inRollback(async (tx) => {
      await withCharges(tx, { '2019/20': '3500000.00' });
      const first = await requestAffordabilityReduction(tx, customer, ask('1000.00', '2019/20', 'reduce-once'));
      const retry = await requestAffordabilityReduction(tx, customer, ask('1000.00', '2019/20', 'reduce-once'));
      expect(retry).toEqual({ reduction: first.reduction, replayed: true });
      await expect(
        requestAffordabilityReduction(tx, customer, ask('1000.01', '2019/20', 'reduce-once')),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      const stored = await tx
        .select({ id: tables.reductionRequests.id })
        .from(tables.reductionRequests)
        .where(eq(tables.reductionRequests.idempotencyKey, 'reduce-once'));
      expect(stored).toEqual([{ id: first.reduction.id }]);
    });
  });

  it('is the customer’s own decision: the serving partner is refused', async () => {
    await expect(
      inRollback(async (tx) => {
        await withCharges(tx, { '2019/20': '3500000.00' });
        await setTenantContext(tx, [PARTNER, LANCASHIRE]);
        return requestAffordabilityReduction(tx, partner, ask('1.00', '2019/20'));
      }),
    ).rejects.toMatchObject({ code: 'CUSTOMER_DECISION_ONLY' });
  });

  it('refuses nothing or less as a reduction', async () => {
    await expect(
      inRollback((tx) => requestAffordabilityReduction(tx, customer, ask('0.00', '2019/20'))),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.amount' });
  });
});
