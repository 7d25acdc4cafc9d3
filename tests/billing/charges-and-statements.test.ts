import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveOk, raise } from '../services/support/request-fixtures.ts';
import {
  creditMutation,
  requestReductionMutation,
  setChargeMutation,
  statementQuery,
} from '../support/queries/billing-operation-queries.ts';
import {
  affordabilityChargeIdsOnlyQuery,
  affordabilityChargeIdsQuery,
} from '../support/queries/billing-read-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { globalId, newKey, payloadOf, queryErrorOf } from './support/billing-operations.ts';

// Affordability charges and their instalments, reduction requests, and monthly statements, for
// two customers of BT Lancashire Services: South Ribble (charges and statements, no reductions)
// and West Lancashire (reductions, which carry into every later year). Each test uses its own
// fiscal years so the order they run in does not matter.

let api: TestApp;
let partner: string;
let customer: string;
let customerId: string;
let reducer: string;
let reducerId: string;
beforeAll(async () => {
  api = await startTestApp();
  partner = await api.tokenFor('bt-lancashire-services', ['finance'], 'finance@bt.example');
  customer = await api.tokenFor('south-ribble-borough-council', ['finance'], 'finance@southribble.example');
  customerId = organisationGlobalId(api.organisationId('south-ribble-borough-council'));
  reducer = await api.tokenFor('west-lancashire-borough-council', ['finance'], 'finance@westlancs.example');
  reducerId = organisationGlobalId(api.organisationId('west-lancashire-borough-council'));
});
afterAll(() => api?.close());

const pounds = (amount: string) => ({ amount, currency: 'GBP' });
const setCharge = (input: Record<string, unknown>, token = partner) =>
  payloadOf(
    api,
    setChargeMutation({
      organisationId: customerId,
      contractSchedule: 'Schedule 11',
      paymentProfile: 'MONTHLY',
      ...input,
    }),
    token,
  );
const requestReduction = (input: Record<string, unknown>, token = reducer) =>
  payloadOf(
    api,
    requestReductionMutation({ idempotencyKey: newKey('reduce'), reason: 'Budget pressure', ...input }),
    token,
  );

/** Adds up decimal-string amounts exactly, in pence. */
const totalPence = (amounts: { amount: string }[]) =>
  amounts.reduce((sum, { amount }) => sum + BigInt(amount.replace('.', '')), 0n);

async function chargeRows(fiscalYear: number) {
  return api.db.database.inPlatformTransaction({ actor: 'test', reason: 'read charges' }, (tx) =>
    tx.query.affordabilityCharges.findMany({
      where: { tenantId: api.organisationId('south-ribble-borough-council'), fiscalYear },
    }),
  );
}

describe('affordability charges', () => {
  it('£1,000,000.01 in twelve monthly instalments adds up exactly: five of £83,333.34, then seven of £83,333.33', async () => {
    const set = await setCharge({ fiscalYear: '2030/31', annualAmount: '1000000.01' });
    expect(set.__typename).toBe('SetAffordabilityChargePayload');
    const { instalments, netCharge } = set.affordabilityCharge;
    expect(netCharge).toEqual(pounds('1000000.01'));
    expect(instalments.map((i: { dueMonth: string }) => i.dueMonth)).toEqual([
      '2030-04',
      '2030-05',
      '2030-06',
      '2030-07',
      '2030-08',
      '2030-09',
      '2030-10',
      '2030-11',
      '2030-12',
      '2031-01',
      '2031-02',
      '2031-03',
    ]);
    expect(instalments.map((i: { amount: { amount: string } }) => i.amount.amount)).toEqual([
      ...Array(5).fill('83333.34'),
      ...Array(7).fill('83333.33'),
    ]);
    expect(totalPence(instalments.map((i: { amount: { amount: string } }) => i.amount))).toBe(100_000_001n);
  });

  it('quarterly instalments fall in April, July, October and January and add up exactly', async () => {
    const set = await setCharge({ fiscalYear: '2031/32', annualAmount: '1000000.03', paymentProfile: 'QUARTERLY' });
    expect(set.affordabilityCharge.instalments).toEqual([
      { dueMonth: '2031-04', amount: pounds('250000.01') },
      { dueMonth: '2031-07', amount: pounds('250000.01') },
      { dueMonth: '2031-10', amount: pounds('250000.01') },
      { dueMonth: '2032-01', amount: pounds('250000.00') },
    ]);
  });

  it('an amount above GraphQL Int (£21.5m and more) is exact: £25,000,000.99', async () => {
    const set = await setCharge({ fiscalYear: '2032/33', annualAmount: '25000000.99' });
    expect(set.affordabilityCharge.annualCharge).toEqual(pounds('25000000.99'));
    expect((await chargeRows(2032))[0]?.annualPence).toBe(2_500_000_099n);
  });

  it('changing a charge keeps one row per year and records the before and after in the audit trail', async () => {
    await setCharge({ fiscalYear: '2033/34', annualAmount: '100.00' });
    const changed = await setCharge({ fiscalYear: '2033/34', annualAmount: '200.00' });
    expect(changed.affordabilityCharge.annualCharge).toEqual(pounds('200.00'));
    const rows = await chargeRows(2033);
    expect(rows).toHaveLength(1);
    const events = await api.db.database.inPlatformTransaction({ actor: 'test', reason: 'read audit' }, (tx) =>
      tx.query.auditEvents.findMany({ where: { targetId: rows[0]!.id }, orderBy: { occurredAt: 'asc' } }),
    );
    expect(events.map((event) => [event.action, event.before, event.after])).toMatchObject([
      ['affordability_charge.set', null, { annualPence: '10000' }],
      ['affordability_charge.changed', { annualPence: '10000' }, { annualPence: '20000' }],
    ]);
  });

  it('bad amounts and years are typed errors and write nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ annualAmount: '1000.001' }, 'input.annualAmount'],
      [{ annualAmount: '-1000.00' }, 'input.annualAmount'],
      [{ annualAmount: '90071992547409.92' }, 'input.annualAmount'],
      [{ annualAmount: '1 000' }, 'input.annualAmount'],
      [{ fiscalYear: '2034-35' }, 'input.fiscalYear'],
      [{ contractSchedule: '  ' }, 'input.contractSchedule'],
    ];
    for (const [input, field] of cases) {
      const refused = await setCharge({ fiscalYear: '2034/35', annualAmount: '1.00', ...input });
      expect(refused).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(await chargeRows(2034)).toHaveLength(0);
  });

  it('the customer does not set its own charge, and other roles set none', async () => {
    expect((await setCharge({ fiscalYear: '2035/36', annualAmount: '1.00' }, customer)).__typename).toBe(
      'ForbiddenError',
    );
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent'], 'agent@bt.example');
    expect((await setCharge({ fiscalYear: '2035/36', annualAmount: '1.00' }, agent)).__typename).toBe('ForbiddenError');
    const stranger = await api.tokenFor('liverpool-direct', ['finance'], 'finance@liverpool.example');
    expect((await setCharge({ fiscalYear: '2035/36', annualAmount: '1.00' }, stranger)).__typename).toBe(
      'NotFoundError',
    );
    expect(await chargeRows(2035)).toHaveLength(0);
  });
});

describe('reduction requests', () => {
  it('reductions accumulate year on year and come off the charge; the instalments add up to the net charge', async () => {
    await setCharge({ organisationId: reducerId, fiscalYear: '2040/41', annualAmount: '3000000.00' });
    await setCharge({ organisationId: reducerId, fiscalYear: '2041/42', annualAmount: '3000000.00' });
    expect(
      (await requestReduction({ amount: '1000000.00', fromFiscalYear: '2040/41' })).reductionRequest,
    ).toMatchObject({
      fromFiscalYear: '2040/41',
      mustBeCoveredBySavings: true,
    });
    await requestReduction({ amount: '2000000.00', fromFiscalYear: '2041/42' });
    const first = await setCharge({ organisationId: reducerId, fiscalYear: '2040/41', annualAmount: '3000000.00' });
    const second = await setCharge({ organisationId: reducerId, fiscalYear: '2041/42', annualAmount: '3000000.00' });
    expect(first.affordabilityCharge.reductionInForce).toEqual(pounds('1000000.00'));
    expect(second.affordabilityCharge.reductionInForce).toEqual(pounds('3000000.00'));
    expect(second.affordabilityCharge.netCharge).toEqual(pounds('0.00'));
    expect(totalPence(first.affordabilityCharge.instalments.map((i: { amount: { amount: string } }) => i.amount))).toBe(
      200_000_000n,
    );
  });

  it('a reduction that would take a charge below zero is refused, and so is a charge below the reductions in force', async () => {
    // Its own customer: reductions carry into every later year, so they would upset the tests above.
    const constabularyId = organisationGlobalId(api.organisationId('lancashire-constabulary'));
    const constabulary = await api.tokenFor('lancashire-constabulary', ['finance'], 'finance@police.example');
    await setCharge({ organisationId: constabularyId, fiscalYear: '2045/46', annualAmount: '500.00' });
    const tooMuch = await requestReduction({ amount: '500.01', fromFiscalYear: '2044/45' }, constabulary);
    expect(tooMuch).toMatchObject({ __typename: 'ValidationError', field: 'input.amount' });
    await requestReduction({ amount: '400.00', fromFiscalYear: '2045/46' }, constabulary);
    const below = await setCharge({ organisationId: constabularyId, fiscalYear: '2045/46', annualAmount: '399.99' });
    expect(below).toMatchObject({ __typename: 'ValidationError', field: 'input.annualAmount' });
    const exact = await setCharge({ organisationId: constabularyId, fiscalYear: '2045/46', annualAmount: '400.00' });
    expect(exact.affordabilityCharge.netCharge).toEqual(pounds('0.00'));
  });

  it('is idempotent: the same key and input give the first request again, another input under the key is a conflict', async () => {
    const idempotencyKey = newKey('same');
    const input = { amount: '10.00', fromFiscalYear: '2050/51', idempotencyKey };
    const first = await requestReduction(input);
    const again = await requestReduction(input);
    expect(again).toMatchObject({ replayed: true, reductionRequest: { id: first.reductionRequest.id } });
    expect((await requestReduction({ ...input, amount: '11.00' })).__typename).toBe('ConflictError');
  });

  it('only the organisation itself asks: the partnership cannot ask on its behalf; zero and negative are refused', async () => {
    const byPartner = await requestReduction(
      { organisationId: customerId, amount: '1.00', fromFiscalYear: '2051/52' },
      partner,
    );
    expect(byPartner.__typename).toBe('ForbiddenError');
    for (const amount of ['0', '0.00', '-1.00']) {
      expect(await requestReduction({ amount, fromFiscalYear: '2051/52' })).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.amount',
      });
    }
  });
});

describe('monthly statements', () => {
  it('April: the first monthly instalment of the net charge, less the month credits', async () => {
    await setCharge({ fiscalYear: '2060/61', annualAmount: '120000.05' });
    const credit = await payloadOf(
      api,
      creditMutation({
        organisationId: customerId,
        month: '2060-04',
        amount: '250.50',
        reason: 'Service credit: P1 incident response missed',
        idempotencyKey: newKey('credit'),
      }),
      partner,
    );
    expect(credit.credit.amount).toEqual(pounds('250.50'));
    const statement = await payloadOf(api, statementQuery({ organisationId: customerId, month: '2060-04' }), customer);
    expect(statement.instalment).toMatchObject({ amount: pounds('10000.01'), netCharge: pounds('120000.05') });
    expect(statement.credits).toEqual([
      { amount: pounds('250.50'), reason: 'Service credit: P1 incident response missed' },
    ]);
    expect(statement.creditsTotal).toEqual(pounds('250.50'));
    expect(statement.amountDue).toEqual(pounds('9749.51'));
    const march = await payloadOf(api, statementQuery({ organisationId: customerId, month: '2061-03' }), customer);
    expect(march.instalment.amount).toEqual(pounds('10000.00'));
  });

  it('a quarterly charge puts nothing on the months between its instalments', async () => {
    await setCharge({ fiscalYear: '2061/62', annualAmount: '4000.00', paymentProfile: 'QUARTERLY' });
    const may = await payloadOf(api, statementQuery({ organisationId: customerId, month: '2061-05' }), customer);
    expect(may.instalment).toBeNull();
    expect(may.amountDue).toEqual(pounds('0.00'));
  });

  it('closed requests become usage lines at the subscription unit price; resolved ones wait until closed', async () => {
    const subscriptions = await api.db.database.inPlatformTransaction(
      { actor: 'test', reason: 'find a subscription' },
      (tx) =>
        tx.query.subscriptions.findMany({
          where: { tenantId: api.organisationId('south-ribble-borough-council') },
          with: { offering: true },
        }),
    );
    const subscription = subscriptions.find((candidate) => candidate.offering.kind === 'request');
    if (!subscription) throw new Error('South Ribble has no request subscription in the seed');
    const requester = await api.tokenFor('south-ribble-borough-council', ['requester'], 'bob@southribble.example');
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent'], 'agent@bt.example');
    const offeringId = globalId('ServiceOffering', subscription.offeringId);
    const month = londonMonth(new Date());
    const before = await payloadOf(api, statementQuery({ organisationId: customerId, month }), customer);

    const closedIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const request = await raise(api, requester, { offeringId, title: `Request ${i}` });
      await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
      if (i < 2) {
        await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });
        closedIds.push(request.id);
      }
    }
    const after = await payloadOf(api, statementQuery({ organisationId: customerId, month }), customer);
    const line = after.usage.find(
      (candidate: { offeringName: string }) => candidate.offeringName === subscription.offering.name,
    );
    const earlier = before.usage.find(
      (candidate: { offeringName: string }) => candidate.offeringName === subscription.offering.name,
    );
    const unitPence = BigInt(subscription.unitPricePence);
    expect(line.quantity).toBe((earlier?.quantity ?? 0) + 2);
    expect(BigInt(line.unitPrice.amount.replace('.', ''))).toBe(unitPence);
    expect(BigInt(line.amount.amount.replace('.', ''))).toBe(unitPence * BigInt(line.quantity));
    expect(totalPence(after.usage.map((usage: { amount: { amount: string } }) => usage.amount))).toBe(
      BigInt(after.usageTotal.amount.replace('.', '')),
    );
    const due = BigInt(after.amountDue.amount.replace('.', ''));
    const instalment = after.instalment ? BigInt(after.instalment.amount.amount.replace('.', '')) : 0n;
    expect(due).toBe(
      instalment +
        BigInt(after.usageTotal.amount.replace('.', '')) -
        BigInt(after.creditsTotal.amount.replace('.', '')),
    );
    expect(closedIds).toHaveLength(2);
  });

  it('a credit of zero, or one by the customer itself, is refused; a month written any other way is a validation error', async () => {
    const zero = await payloadOf(
      api,
      creditMutation({
        organisationId: customerId,
        month: '2060-05',
        amount: '0.00',
        reason: 'Nothing',
        idempotencyKey: newKey('credit'),
      }),
      partner,
    );
    expect(zero).toMatchObject({ __typename: 'ValidationError', field: 'input.amount' });
    const own = await payloadOf(
      api,
      creditMutation({
        organisationId: customerId,
        month: '2060-05',
        amount: '5.00',
        reason: 'Self',
        idempotencyKey: newKey('credit'),
      }),
      customer,
    );
    expect(own.__typename).toBe('ForbiddenError');
    for (const month of ['2060-13', '2060-4', '2060/05', 'May 2060']) {
      const refused = await queryErrorOf(api, statementQuery({ organisationId: customerId, month }), customer);
      expect(refused.extensions).toEqual({ code: 'INVALID_DATE', kind: 'VALIDATION', field: 'month' });
    }
  });

  it("another customer's finance cannot read the statement or the charges", async () => {
    const other = await api.tokenFor('west-lancashire-borough-council', ['finance'], 'finance@westlancs.example');
    const statement = await queryErrorOf(api, statementQuery({ organisationId: customerId, month: '2060-04' }), other);
    expect(statement.extensions).toEqual({ code: 'NOT_FOUND', kind: 'NOT_FOUND' });
    const charges = await api.graphql<{ organisation: unknown }>(affordabilityChargeIdsQuery(customerId), other);
    expect(charges.body.data?.organisation).toBeNull();
  });

  it("the customer's requesters see no charges", async () => {
    const requester = await api.tokenFor('south-ribble-borough-council', ['requester'], 'bob@southribble.example');
    const charges = await api.graphql(affordabilityChargeIdsOnlyQuery(customerId), requester);
    expect(charges.body.errors?.[0]?.extensions).toMatchObject({ code: 'ROLE_REQUIRED', kind: 'FORBIDDEN' });
    const statement = await queryErrorOf(
      api,
      statementQuery({ organisationId: customerId, month: '2060-04' }),
      requester,
    );
    expect(statement.extensions).toEqual({ code: 'ROLE_REQUIRED', kind: 'FORBIDDEN' });
  });
});

/** The London calendar month of an instant, YYYY-MM. */
function londonMonth(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(instant);
  return `${parts.find((part) => part.type === 'year')!.value}-${parts.find((part) => part.type === 'month')!.value}`;
}
