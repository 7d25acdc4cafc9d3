import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconciliationQuery } from '../support/queries/billing-operation-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { payloadOf, queryErrorOf } from './support/billing-operations.ts';

// The Lancashire case: the council asked for £3m off its affordability charge (£1m from 2015/16,
// £2m more from 2017/18), and the performance report's "Financial Benefits" table lists the
// savings delivered: 2017/18 £2,476k, 2018/19 (estimated) £2,805k. The seed holds the table's
// lines; the API must give the table back, line by line and to the penny.

let api: TestApp;
let finance: string;
let lancashire: string;
beforeAll(async () => {
  api = await startTestApp();
  finance = await api.tokenFor('lancashire-county-council', ['finance'], 'finance@lancashire.example');
  lancashire = organisationGlobalId(api.organisationId('lancashire-county-council'));
});
afterAll(() => api?.close());

const reconcile = (fiscalYear: string, token = finance, asOf?: string) =>
  payloadOf(api, reconciliationQuery({ organisationId: lancashire, fiscalYear, ...(asOf ? { asOf } : {}) }), token);
const pounds = (amount: string) => ({ amount, currency: 'GBP' });

describe("Lancashire's savings reconciliation reproduces the report's table", () => {
  it('2017/18: eleven lines adding up to £2,476k, of which £140k (estimated) is against the telephony budget', async () => {
    const r = await reconcile('2017/18');
    expect(r.__typename).toBe('SavingsReconciliation');
    expect(r.lines.map((line: { amount: { amount: string } }) => line.amount.amount)).toEqual([
      '1000000.00',
      '64000.00',
      '0.00',
      '141000.00',
      '63000.00',
      '23000.00',
      '200000.00',
      '197000.00',
      '548000.00',
      '100000.00',
      '140000.00',
    ]);
    expect(r.lines[0]).toMatchObject({ title: 'Return of Schedule 11 affordability', basis: 'ACTUAL' });
    expect(r.lines[10]).toMatchObject({
      countsAgainst: 'OTHER_BUDGET',
      budgetName: "Lancashire County Council's wider non corporate telephony budget",
      basis: 'ESTIMATED',
    });
    expect(r.allSavings).toEqual({
      actual: pounds('2336000.00'),
      estimated: pounds('140000.00'),
      total: pounds('2476000.00'),
    });
    expect(r.savingsAgainstCharge).toEqual({
      actual: pounds('2336000.00'),
      estimated: pounds('0.00'),
      total: pounds('2336000.00'),
    });
    expect(r.savingsAgainstOtherBudgets.total).toEqual(pounds('140000.00'));
    expect(r.otherBudgets).toEqual([
      { budgetName: "Lancashire County Council's wider non corporate telephony budget", total: pounds('140000.00') },
    ]);
  });

  it('2017/18: the cumulative reduction is £3m (£1m from 2015/16 plus £2m from 2017/18), leaving £664k uncovered', async () => {
    const r = await reconcile('2017/18');
    expect(r.reductions).toEqual([
      { fromFiscalYear: '2015/16', amount: pounds('1000000.00') },
      { fromFiscalYear: '2017/18', amount: pounds('2000000.00') },
    ]);
    expect(r.reductionRequested).toEqual(pounds('3000000.00'));
    expect(r.balance).toEqual(pounds('-664000.00'));
    expect(r.shortfall).toEqual(pounds('664000.00'));
    expect(r.surplus).toEqual(pounds('0.00'));
    expect(r.coverageRatio).toBe('0.7787');
  });

  it('2016/17: only the £1m from 2015/16 is in force', async () => {
    const r = await reconcile('2016/17');
    expect(r.reductionRequested).toEqual(pounds('1000000.00'));
    expect(r.allSavings.total).toEqual(pounds('0.00'));
  });

  it('2018/19: the estimates add up to £2,805k, all pending', async () => {
    const r = await reconcile('2018/19');
    expect(r.lines.map((line: { amount: { amount: string } }) => line.amount.amount)).toEqual([
      '1000000.00',
      '125000.00',
      '174000.00',
      '141000.00',
      '63000.00',
      '23000.00',
      '200000.00',
      '197000.00',
      '548000.00',
      '100000.00',
      '234000.00',
    ]);
    expect(r.lines.every((line: { basis: string }) => line.basis === 'ESTIMATED')).toBe(true);
    expect(r.allSavings).toEqual({
      actual: pounds('0.00'),
      estimated: pounds('2805000.00'),
      total: pounds('2805000.00'),
    });
    expect(r.savingsAgainstCharge.total).toEqual(pounds('2571000.00'));
    expect(r.shortfall).toEqual(pounds('429000.00'));
    expect(r.coverageRatio).toBe('0.8570');
  });

  it('per category, with the part against the charge: telephony is £688k of which £548k counts against it', async () => {
    const r = await reconcile('2017/18');
    const byCategory = Object.fromEntries(
      r.categories.map((line: { category: string; total: { amount: string }; againstCharge: { amount: string } }) => [
        line.category,
        [line.total.amount, line.againstCharge.amount],
      ]),
    );
    expect(byCategory).toEqual({
      LICENCE_REDUCTION: ['227000.00', '227000.00'],
      POLICY_CHANGE: ['100000.00', '100000.00'],
      PRINTING: ['197000.00', '197000.00'],
      RETURN_OF_AFFORDABILITY: ['1064000.00', '1064000.00'],
      SITE_REDUCTION: ['200000.00', '200000.00'],
      STAFFING: ['0.00', '0.00'],
      TELEPHONY: ['688000.00', '548000.00'],
    });
  });

  it('the rejected Oracle move is listed with its reason', async () => {
    const r = await reconcile('2017/18');
    expect(r.rejectedOpportunities).toEqual([
      {
        title: 'Move Oracle support to a non-Oracle provider',
        category: 'SUPPLIER_CHANGE',
        reason: 'Not acceptable to Lancashire County Council',
      },
    ]);
  });

  it('read as of 1 March 2018 it is the table as reported; as of 1 February 2018, before it was recorded, nothing is saved', async () => {
    const reported = await reconcile('2017/18', finance, '2018-03-01T00:00:00Z');
    expect(reported.allSavings.total).toEqual(pounds('2476000.00'));
    const before = await reconcile('2017/18', finance, '2018-02-01T00:00:00Z');
    expect(before.allSavings.total).toEqual(pounds('0.00'));
    expect(before.lines.every((line: { basis: string | null }) => line.basis === null)).toBe(true);
  });

  it('as CSV for finance: one row per line (quoted where the title has commas), the totals summed from them', async () => {
    const { csv } = await reconcile('2017/18');
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('section,item,category,counts_against,basis,amount_gbp,note');
    expect(rows).toContain(
      'line,Return of Schedule 11 affordability,return_of_affordability,affordability charge,actual,1000000.00,',
    );
    expect(rows).toContain(
      'line,"Payroll & Recruitment reorganisation, staff savings generated.",staffing,affordability charge,actual,0.00,',
    );
    expect(rows).toContain('total,All savings,,,total,2476000.00,');
    expect(rows).toContain('total,Savings against the affordability charge,,,actual,2336000.00,');
    expect(rows).toContain('total,Shortfall (reduction not yet covered),,,,664000.00,');
    expect(rows).toContain(
      'rejected,Move Oracle support to a non-Oracle provider,supplier_change,,,,Not acceptable to Lancashire County Council',
    );
  });
});

describe('who may read it', () => {
  it('finance of BT Lancashire Services, the partner Lancashire is delegated to, reads the same figures', async () => {
    const partner = await api.tokenFor('bt-lancashire-services', ['finance'], 'finance@bt.example');
    const r = await reconcile('2017/18', partner);
    expect(r.allSavings.total).toEqual(pounds('2476000.00'));
  });

  it('finance of another organisation gets not-found, exactly as for an id that does not exist', async () => {
    const other = await api.tokenFor('lancashire-constabulary', ['finance'], 'finance@police.example');
    const r = await queryErrorOf(
      api,
      reconciliationQuery({ organisationId: lancashire, fiscalYear: '2017/18' }),
      other,
    );
    expect(r.extensions).toEqual({ code: 'NOT_FOUND', kind: 'NOT_FOUND' });
    const missing = await queryErrorOf(
      api,
      reconciliationQuery({
        organisationId: organisationGlobalId('00000000-0000-4000-8000-000000000000'),
        fiscalYear: '2017/18',
      }),
      other,
    );
    expect(missing).toMatchObject({ message: r.message, extensions: r.extensions });
  });

  it("the council's requesters see no money: forbidden", async () => {
    const requester = await api.tokenFor('lancashire-county-council', ['requester'], 'alice@lancashire.example');
    const refused = await queryErrorOf(
      api,
      reconciliationQuery({ organisationId: lancashire, fiscalYear: '2017/18' }),
      requester,
    );
    expect(refused.extensions).toEqual({ code: 'ROLE_REQUIRED', kind: 'FORBIDDEN' });
  });

  it('a fiscal year written any other way is a validation error naming the argument', async () => {
    for (const fiscalYear of ['2017-18', '2017/19', '17/18']) {
      const refused = await queryErrorOf(api, reconciliationQuery({ organisationId: lancashire, fiscalYear }), finance);
      expect(refused.extensions).toEqual({ code: 'INVALID_FISCAL_YEAR', kind: 'VALIDATION', field: 'fiscalYear' });
    }
  });
});
