import { randomUUID } from 'node:crypto';
import { seedBusinessCaseId, seedOrganisationId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benefitsRealisationQuery as benefitsQuery,
  businessCaseReturnOverQuery,
  businessCaseQuery as caseQuery,
  createBusinessCaseMutation as createMutation,
  linkLineToSavingsOpportunityMutation as linkMutation,
  nodeIdQuery,
  organisationBusinessCaseIdsQuery,
  organisationBusinessCasesWithLinksQuery,
  organisationBusinessCaseTitlesQuery,
} from '../support/queries/business-case-queries.ts';
import type { Operation, TestApp } from '../support/test-app.ts';
import { startTestApp } from '../support/test-app.ts';

// Business cases and benefits realisation over GraphQL against the real database: the seeded
// cases reproduce their documents' figures (and show where the documents' rounded tables differ
// from the exact sums of their own lines), reads stay within the organisation, bad input writes
// nothing, creation is idempotent, and a line's plan is set against the savings ledger.

const NORTHUMBERLAND = 'northumberland-county-council';
const NELCTP = 'north-east-lincolnshire-care-trust-plus';
const LINCOLNSHIRE = 'lincolnshire-public-sector-working-group';
const OTHER = 'lancashire-county-council';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const caseGlobalId = (key: string) => globalId('BusinessCase', seedBusinessCaseId(key));

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

interface StatedFigureView {
  label: string;
  measure: string;
  yearNumber: number | null;
  comparator: string;
  quote: string;
  lineNames: string[];
  stated: { amount: string } | null;
  computed: { amount: string } | null;
  difference: { amount: string } | null;
  statedMonths: number | null;
  computedMonths: string | null;
  monthsDifference: string | null;
  consistent: boolean | null;
}
interface CaseView {
  id: string;
  title: string;
  termYears: number;
  firstFiscalYear: string | null;
  workstreams: { name: string; savingsLow: { amount: string } | null; savingsHigh: { amount: string } | null }[];
  lines: {
    id: string;
    name: string;
    kind: string;
    total: { amount: string };
    termAmount: { amount: string } | null;
    profile: { yearNumber: number; amount: { amount: string } }[];
  }[];
  figures: {
    grossRecurringSavings: { amount: string; currency: string };
    recurringInvestment: { amount: string };
    netRecurringSavings: { amount: string };
    oneOffInvestment: { amount: string };
    savingsLow: { amount: string } | null;
    savingsHigh: { amount: string } | null;
    years: {
      yearNumber: number;
      fiscalYear: string | null;
      cashableSavings: { amount: string };
      nonCashableBenefits: { amount: string };
      recurringInvestment: { amount: string };
      oneOffInvestment: { amount: string };
      net: { amount: string };
      cumulativeNet: { amount: string };
    }[];
    payback: { status: string; months: string | null; exactMonths: string | null };
    returnOverTerm: {
      years: number;
      cashableSavings: { amount: string };
      nonCashableBenefits: { amount: string };
      investment: { amount: string };
      netReturn: { amount: string };
    };
  };
  statedFigures: StatedFigureView[];
}

async function readCase(slug: string, key: string, roles: ('finance' | 'tenant_admin')[] = ['finance']) {
  const token = await api.tokenFor(slug, roles);
  const response = await api.graphql<{ node: CaseView | null }>(caseQuery(caseGlobalId(key)), token);
  expect(response.body.errors).toBeUndefined();
  const found = response.body.data?.node;
  if (!found) throw new Error(`Case ${key} not visible to ${slug}`);
  return found;
}

const stated = (view: CaseView, label: string) => {
  const figure = view.statedFigures.find((f) => f.label === label);
  if (!figure) throw new Error(`No stated figure "${label}"`);
  return {
    stated: figure.stated?.amount ?? null,
    computed: figure.computed?.amount ?? null,
    difference: figure.difference?.amount ?? null,
    consistent: figure.consistent,
  };
};

describe("Northumberland's strategic change business case, as seeded", () => {
  let view: CaseView;
  beforeAll(async () => {
    view = await readCase(NORTHUMBERLAND, 'northumberland-strategic-change');
  });

  it("states the document's headline figures exactly: gross £19,479k, recurring investment £1,539k, net £17,940k, one-off £7,620k", () => {
    expect(stated(view, 'Savings summary: gross total').stated).toBe('19479000.00');
    expect(stated(view, 'Savings summary: investments total').stated).toBe('1539000.00');
    expect(stated(view, 'Savings summary: net savings total').stated).toBe('17940000.00');
    expect(stated(view, 'Investment summary: total one-off transformation costs').stated).toBe('7620000.00');
  });

  it('computes each headline from its lines and shows how far the rounded summary is from the exact sum', () => {
    // Gross: 7,882,000 (the summary's Best Value for Money years) + 5,032,000 + 3,495,500 +
    // 2,212,500 + 255,000 + 600,000 = 19,477,000; the summary says 19,479.
    expect(stated(view, 'Savings summary: gross total')).toEqual({
      stated: '19479000.00',
      computed: '19477000.00',
      difference: '2000.00',
      consistent: false,
    });
    // Recurring investment: 439,541 (Communities First in pounds) + 250,000 + 300,000 + 550,000.
    expect(stated(view, 'Savings summary: investments total')).toMatchObject({
      computed: '1539541.00',
      difference: '-541.00',
    });
    expect(stated(view, 'Savings summary: net savings total')).toMatchObject({
      computed: '17937459.00',
      difference: '2541.00',
    });
    // One-off: 1,411,000 (People) + 1,042,805 (Technology, mostly in pounds) + 5,165,000.
    expect(stated(view, 'Investment summary: total one-off transformation costs')).toMatchObject({
      computed: '7618805.00',
      difference: '1195.00',
    });
    expect(view.figures).toMatchObject({
      grossRecurringSavings: { amount: '19477000.00', currency: 'GBP' },
      recurringInvestment: { amount: '1539541.00' },
      netRecurringSavings: { amount: '17937459.00' },
      oneOffInvestment: { amount: '7618805.00' },
    });
  });

  it("shows the tables' other differences from their own lines, line by line", () => {
    // A row total that is not the sum of its year cells (1,352 + 4,343 + 2,187 = 7,882).
    expect(stated(view, 'Savings summary: Best Value for Money').difference).toBe('1000.00');
    // The chapter's third-party total: £516,000 + £516,000 printed as £1,033,000.
    expect(stated(view, 'Spend with third parties: total of savings opportunities').difference).toBe('1000.00');
    // Pounds rounded to thousands: £3,495,500 shown as 3,495; Tribepad £115,590 as 116.
    expect(stated(view, 'Savings summary: Best Service to Customers').difference).toBe('-500.00');
    expect(stated(view, 'Investment summary: Tribepad Recruitment App').difference).toBe('410.00');
    // Technology's Year 2 cell leaves out the service desk's 150: 116 against 266,430 exact.
    expect(stated(view, 'Investment summary: Technology, Year 2')).toEqual({
      stated: '116000.00',
      computed: '266430.00',
      difference: '-150430.00',
      consistent: false,
    });
    // Communities First: the chapter phases £439,541 over Years 2 and 3; the summary puts it all in Year 2.
    expect(stated(view, 'Recurring investments: Communities First, Year 2').computed).toBe('188188.00');
    // A table that adds up: Commissioned Support, 5,165.
    expect(stated(view, 'Investment summary: Commissioned Support')).toMatchObject({
      difference: '0.00',
      consistent: true,
    });
    // The savings range: the workstreams' lows add up to £17.93m (stated £17.9m), highs to £38.155m (£38.2m).
    expect(stated(view, 'Total savings available: low')).toMatchObject({
      computed: '17930000.00',
      difference: '-30000.00',
    });
    expect(stated(view, 'Total savings available: high')).toMatchObject({
      computed: '38155000.00',
      difference: '45000.00',
    });
    expect(stated(view, 'Savings if the stretch targets are achieved')).toMatchObject({
      stated: '38500000.00',
      consistent: true,
    });
  });

  it("keeps the chapters' figures in pounds where they give them", () => {
    const tribepad = view.lines.find((line) => line.name === 'Tribepad recruitment app');
    expect(tribepad?.profile.map((p) => p.amount.amount)).toEqual(['48730.00', '33430.00', '33430.00']);
    expect(tribepad?.total.amount).toBe('115590.00');
    const office = view.lines.find((line) => line.name === 'Office 365 (Microsoft 365 E5)');
    expect(office?.profile).toEqual([{ yearNumber: 3, amount: { amount: '394715.00' } }]);
    expect(view.workstreams[0]).toEqual({
      name: 'Best Value for Money',
      savingsLow: { amount: '7200000.00' },
      savingsHigh: { amount: '8000000.00' },
    });
  });

  it('computes the Year 1-3 profile, the payback period and the return over the three years exactly', () => {
    expect(
      view.figures.years.map((y) => [y.cashableSavings.amount, y.oneOffInvestment.amount, y.cumulativeNet.amount]),
    ).toEqual([
      ['2689500.00', '3981230.00', '-1931730.00'],
      ['13570000.00', '2560430.00', '7789652.00'],
      ['19477000.00', '1077145.00', '24649966.00'],
    ]);
    // Year 2 starts at -1,931,730 - 2,560,430 = -4,492,160 and gains 13,570,000 - 1,288,188 =
    // 12,281,812: 12 × (1 + 4,492,160 / 12,281,812) months.
    expect(view.figures.payback).toEqual({ status: 'PAID_BACK', months: '16.39', exactMonths: '50321916/3070453' });
    expect(view.figures.returnOverTerm).toMatchObject({ years: 3, netReturn: { amount: '24649966.00' } });
  });
});

describe("North East Lincolnshire Care Trust Plus's agile working case", () => {
  it('keeps the two payback periods as stated; with no costs in the study there is nothing to recompute', async () => {
    const view = await readCase(NELCTP, 'nelctp-agile-working');
    const paybacks = view.statedFigures.filter((figure) => figure.measure === 'PAYBACK_MONTHS');
    expect(paybacks.map((f) => [f.statedMonths, f.comparator, f.computedMonths, f.consistent])).toEqual([
      [30, 'EXACTLY', null, null],
      [12, 'LESS_THAN', null, null],
    ]);
    expect(paybacks[0]?.quote).toContain('two and a half years');
    expect(view.figures.payback).toEqual({ status: 'NO_INVESTMENT', months: null, exactMonths: null });
    expect(stated(view, 'Combined ongoing annual savings by April 2012')).toEqual({
      stated: '444000.00',
      computed: '444000.00',
      difference: '0.00',
      consistent: true,
    });
    expect(view.figures.years.map((y) => y.fiscalYear)).toEqual(['2010/11', '2011/12', '2012/13']);
  });
});

describe("Lincolnshire's shared ICT support", () => {
  it('reproduces the five-year cashable £254k and non-cashable £1.371m, and returns £164,000 on the £90k grant', async () => {
    const view = await readCase(LINCOLNSHIRE, 'lincolnshire-shared-ict-support', ['tenant_admin']);
    expect(view.figures.returnOverTerm).toEqual({
      years: 5,
      cashableSavings: { amount: '254000.00' },
      nonCashableBenefits: { amount: '1371000.00' },
      investment: { amount: '90000.00' },
      netReturn: { amount: '164000.00' },
    });
    expect(stated(view, 'Cashable savings over five years')).toMatchObject({ difference: '0.00', consistent: true });
    expect(stated(view, 'Non-cashable benefits over five years')).toMatchObject({
      difference: '0.00',
      consistent: true,
    });
    // £50,800 a year pays back £90,000 in 12 × 90,000 / 50,800 = 2700/127 months.
    expect(view.figures.payback).toEqual({ status: 'PAID_BACK', months: '21.26', exactMonths: '2700/127' });
  });

  it('gives the return over any N years', async () => {
    const token = await api.tokenFor(LINCOLNSHIRE, ['finance']);
    const response = await api.graphql<{ node: { returnOver: { netReturn: { amount: string } } } }>(
      businessCaseReturnOverQuery(caseGlobalId('lincolnshire-shared-ict-support'), 3),
      token,
    );
    // 3 × 50,800 − 90,000.
    expect(response.body.data?.node.returnOver.netReturn.amount).toBe('62400.00');
  });
});

describe('who may read a business case', () => {
  it("finance of another organisation cannot see Northumberland's case, by id or through its organisation", async () => {
    const token = await api.tokenFor(OTHER, ['finance']);
    const byId = await api.graphql<{ node: unknown }>(
      caseQuery(caseGlobalId('northumberland-strategic-change')),
      token,
    );
    expect(byId.body.data?.node).toBeNull();
    const realisation = await api.graphql<{ benefitsRealisation: unknown }>(
      benefitsQuery(caseGlobalId('northumberland-strategic-change')),
      token,
    );
    expect(realisation.body.errors).toBeUndefined();
    expect(realisation.body.data?.benefitsRealisation).toBeNull();
    const lines = await api.graphql<{ node: unknown }>(
      nodeIdQuery(globalId('BusinessCaseLine', seedBusinessCaseId('northumberland-strategic-change', 'line:bvfm'))),
      token,
    );
    expect(lines.body.data?.node).toBeNull();
  });

  it('a requester of the organisation itself may not read its business cases', async () => {
    const token = await api.tokenFor(NORTHUMBERLAND, ['requester']);
    const response = await api.graphql<{ organisation: { businessCases: unknown } | null }>(
      organisationBusinessCaseIdsQuery(globalId('Organisation', seedOrganisationId(NORTHUMBERLAND))),
      token,
    );
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(response.body.data?.organisation?.businessCases ?? null).toBeNull();
  });

  it("finance lists the organisation's cases", async () => {
    const token = await api.tokenFor(NORTHUMBERLAND, ['finance']);
    const response = await api.graphql<{ organisation: { businessCases: { nodes: { title: string }[] } } }>(
      organisationBusinessCaseTitlesQuery(globalId('Organisation', seedOrganisationId(NORTHUMBERLAND))),
      token,
    );
    expect(response.body.data?.organisation.businessCases.nodes.map((n) => n.title)).toEqual([
      'Strategic Change Business Case',
    ]);
  });
});

// ---- creating cases -------------------------------------------------------------------------

interface CreateResult {
  __typename: string;
  replayed?: boolean;
  businessCase?: { id: string; title: string; lines: { id: string; name: string }[]; figures: unknown };
  message?: string;
  field?: string | null;
}

function caseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Shared payroll',
    firstFiscalYear: '2017/18',
    termYears: 3,
    workstreams: [{ key: 'payroll', name: 'Payroll', savingsLow: '100000', savingsHigh: '200000.50' }],
    lines: [
      {
        key: 'saving',
        workstreamKey: 'payroll',
        name: 'Payroll consolidation',
        kind: 'SAVING',
        recurrence: 'RECURRING',
        cashable: true,
        profile: [
          { year: 1, amount: '100000' },
          { year: 2, amount: '50000.01' },
        ],
      },
      {
        key: 'set-up',
        name: 'Set-up',
        kind: 'INVESTMENT',
        recurrence: 'ONE_OFF',
        cashable: true,
        profile: [{ year: 1, amount: '60000' }],
      },
    ],
    statedFigures: [
      { label: 'Total', measure: 'LINES_TOTAL', amount: '150000', lineKeys: ['saving'], quote: 'Total 150,000' },
    ],
    idempotencyKey: `case-${randomUUID()}`,
    ...overrides,
  };
}

async function create(
  slug: string,
  input: Record<string, unknown>,
  roles: ('finance' | 'tenant_admin')[] = ['finance'],
) {
  const token = await api.tokenFor(slug, roles);
  const response = await api.graphql<{ createBusinessCase: CreateResult }>(createMutation(input), token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.createBusinessCase;
}

async function caseCount(slug: string): Promise<number> {
  const [row] = await api.db.asOwner<{ count: string }>(
    'select count(*)::text as count from business_cases where tenant_id = $1',
    [seedOrganisationId(slug)],
  );
  return Number(row?.count);
}

describe('createBusinessCase', () => {
  it('records a case whose figures come from its lines', async () => {
    const result = await create(OTHER, caseInput());
    expect(result.__typename).toBe('BusinessCasePayload');
    expect(result.businessCase?.figures).toEqual({
      netRecurringSavings: { amount: '150000.01' },
      // Year 1 starts at -60,000 and gains 100,000: 12 × 0.6 months.
      payback: { months: '7.20' },
    });
    const [audit] = await api.db.asOwner<{ action: string }>(
      'select action from audit_events where tenant_id = $1 and target_id = $2',
      [seedOrganisationId(OTHER), Buffer.from(result.businessCase!.id, 'base64').toString().split(':')[1]],
    );
    expect(audit?.action).toBe('business_case.created');
  });

  it.each([
    ['more than two decimals', '12.345', 'input.lines.0.profile.0.amount'],
    ['a negative amount', '-5', 'input.lines.0.profile.0.amount'],
    ['an amount beyond the supported range', '90071992547409.92', 'input.lines.0.profile.0.amount'],
    ['a thousands separator', '1,000', 'input.lines.0.profile.0.amount'],
  ])('refuses %s with a ValidationError and writes nothing', async (_name, amount, field) => {
    const before = await caseCount(OTHER);
    const input = caseInput();
    const lines = input.lines as { profile: { year: number; amount: string }[] }[];
    lines[0]!.profile[0]!.amount = amount;
    const result = await create(OTHER, input);
    expect(result).toMatchObject({ __typename: 'ValidationError', field });
    expect(await caseCount(OTHER)).toBe(before);
  });

  it('refuses a lines total naming a line the case does not have, writing nothing', async () => {
    const before = await caseCount(OTHER);
    const result = await create(
      OTHER,
      caseInput({
        statedFigures: [{ label: 'x', measure: 'LINES_TOTAL', amount: '1', lineKeys: ['nope'], quote: 'q' }],
      }),
    );
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'input.statedFigures.0.lineKeys' });
    expect(await caseCount(OTHER)).toBe(before);
  });

  it('refuses a line with both a profile and a term amount, and a non-cashable investment', async () => {
    const both = caseInput();
    (both.lines as Record<string, unknown>[])[0]!.termAmount = '5';
    expect(await create(OTHER, both)).toMatchObject({ __typename: 'ValidationError', field: 'input.lines.0' });
    const nonCash = caseInput();
    (nonCash.lines as Record<string, unknown>[])[1]!.cashable = false;
    expect(await create(OTHER, nonCash)).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.lines.1.cashable',
    });
  });

  it('finance cannot record a case for an organisation it does not act for (not found, nothing written)', async () => {
    const before = await caseCount(NORTHUMBERLAND);
    const result = await create(
      OTHER,
      caseInput({ organisationId: globalId('Organisation', seedOrganisationId(NORTHUMBERLAND)) }),
    );
    expect(result.__typename).toBe('NotFoundError');
    expect(await caseCount(NORTHUMBERLAND)).toBe(before);
  });

  it('refuses a bad fiscal year, and a term running past the supported fiscal years', async () => {
    expect(await create(OTHER, caseInput({ firstFiscalYear: '2017-18' }))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.firstFiscalYear',
    });
    expect(await create(OTHER, caseInput({ firstFiscalYear: '2990/91', termYears: 20 }))).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.firstFiscalYear',
    });
  });

  it('is for finance: a tenant admin is refused', async () => {
    expect(await create(OTHER, caseInput(), ['tenant_admin'])).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('is idempotent: the same key and input return the first case; another input under the key is a conflict', async () => {
    const input = caseInput();
    const first = await create(OTHER, input);
    const again = await create(OTHER, input);
    expect(again).toMatchObject({ __typename: 'BusinessCasePayload', replayed: true });
    expect(again.businessCase?.id).toBe(first.businessCase?.id);
    expect(again.businessCase?.lines).toEqual(first.businessCase?.lines);
    const other = await create(OTHER, { ...input, title: 'Something else' });
    expect(other.__typename).toBe('ConflictError');
  });

  it('concurrent retries with one key record one case', async () => {
    const input = caseInput();
    const results = await Promise.all(Array.from({ length: 10 }, () => create(OTHER, input)));
    expect(new Set(results.map((r) => r.businessCase?.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed === false)).toHaveLength(1);
    const [row] = await api.db.asOwner<{ count: string }>(
      'select count(*)::text as count from business_cases where tenant_id = $1 and idempotency_key = $2',
      [seedOrganisationId(OTHER), input.idempotencyKey],
    );
    expect(row?.count).toBe('1');
  });
});

// ---- planned against delivered ------------------------------------------------------------------

async function plantOpportunity(slug: string): Promise<string> {
  const id = randomUUID();
  await api.db.asOwner(
    `insert into savings_opportunities (tenant_id, id, title, category, cashable, recurrence, counts_against,
       status, proposed_by_organisation_id, proposed_by, idempotency_key, input_hash)
     values ($1, $2, 'Payroll consolidation', 'staffing', true, 'recurring', 'affordability_charge',
       'accepted', $1, 'test', $3, 'test')`,
    [seedOrganisationId(slug), id, `opportunity-${id}`],
  );
  return id;
}

async function plantLedgerEntry(
  slug: string,
  entry: {
    opportunityId: string;
    fiscalYear: number;
    kind: string;
    amountPence: number;
    basis: string;
    recordedAt: string;
  },
) {
  await api.db.asOwner(
    `insert into savings_ledger_entries (tenant_id, opportunity_id, fiscal_year, kind, amount_pence, basis, reason,
       recorded_by, recorded_at, idempotency_key, input_hash)
     values ($1, $2, $3, $4, $5, $6, $7, 'test', $8, $9, 'test')`,
    [
      seedOrganisationId(slug),
      entry.opportunityId,
      entry.fiscalYear,
      entry.kind,
      entry.amountPence,
      entry.basis,
      entry.kind === 'restatement' ? 'accounts revised' : null,
      entry.recordedAt,
      `ledger-${randomUUID()}`,
    ],
  );
}

describe('benefits realisation: a line planned against the savings ledger', () => {
  let caseId: string;
  let savingLineId: string;
  let investmentLineId: string;
  let opportunityId: string;
  let finance: string;

  beforeAll(async () => {
    finance = await api.tokenFor(OTHER, ['finance']);
    const created = await create(OTHER, caseInput({ title: 'Realisation' }));
    caseId = created.businessCase!.id;
    savingLineId = created.businessCase!.lines[0]!.id;
    investmentLineId = created.businessCase!.lines[1]!.id;
    opportunityId = await plantOpportunity(OTHER);
    // 2017/18: an estimate, then the actual when the accounts closed.
    await plantLedgerEntry(OTHER, {
      opportunityId,
      fiscalYear: 2017,
      kind: 'estimate',
      amountPence: 9_500_000,
      basis: 'estimated',
      recordedAt: '2018-01-10T10:00:00Z',
    });
    await plantLedgerEntry(OTHER, {
      opportunityId,
      fiscalYear: 2017,
      kind: 'actual',
      amountPence: 9_000_000,
      basis: 'actual',
      recordedAt: '2018-06-30T10:00:00Z',
    });
    // 2018/19: an estimate, restated lower later.
    await plantLedgerEntry(OTHER, {
      opportunityId,
      fiscalYear: 2018,
      kind: 'estimate',
      amountPence: 16_000_000,
      basis: 'estimated',
      recordedAt: '2018-09-01T10:00:00Z',
    });
    await plantLedgerEntry(OTHER, {
      opportunityId,
      fiscalYear: 2018,
      kind: 'restatement',
      amountPence: 14_000_000,
      basis: 'estimated',
      recordedAt: '2019-02-01T10:00:00Z',
    });
  });

  it('links a saving line to an opportunity of the same organisation (again: replayed)', async () => {
    const first = await api.graphql<{ linkBusinessCaseLineToSavingsOpportunity: Record<string, unknown> }>(
      linkMutation(savingLineId, globalId('SavingsOpportunity', opportunityId)),
      finance,
    );
    expect(first.body.data?.linkBusinessCaseLineToSavingsOpportunity).toMatchObject({
      __typename: 'BusinessCaseLinePayload',
      replayed: false,
      line: {
        name: 'Payroll consolidation',
        savingsOpportunityLinks: [
          {
            linkedBy: 'test:finance@lancashire-county-council',
            savingsOpportunity: { id: globalId('SavingsOpportunity', opportunityId), title: 'Payroll consolidation' },
          },
        ],
      },
    });
    const again = await api.graphql<{ linkBusinessCaseLineToSavingsOpportunity: Record<string, unknown> }>(
      linkMutation(savingLineId, globalId('SavingsOpportunity', opportunityId)),
      finance,
    );
    expect(again.body.data?.linkBusinessCaseLineToSavingsOpportunity).toMatchObject({ replayed: true });
  });

  it('refuses an investment line, and an opportunity of another organisation', async () => {
    const investment = await api.graphql<{ linkBusinessCaseLineToSavingsOpportunity: Record<string, unknown> }>(
      linkMutation(investmentLineId, globalId('SavingsOpportunity', opportunityId)),
      finance,
    );
    expect(investment.body.data?.linkBusinessCaseLineToSavingsOpportunity).toMatchObject({
      __typename: 'ValidationError',
    });
    const elsewhere = await plantOpportunity(NORTHUMBERLAND);
    const foreign = await api.graphql<{ linkBusinessCaseLineToSavingsOpportunity: Record<string, unknown> }>(
      linkMutation(savingLineId, globalId('SavingsOpportunity', elsewhere)),
      finance,
    );
    expect(foreign.body.data?.linkBusinessCaseLineToSavingsOpportunity).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('sets each year of the plan against the ledger, actual and estimated apart', async () => {
    const response = await api.graphql<{ benefitsRealisation: { years: unknown[]; lines: { name: string }[] } }>(
      benefitsQuery(caseId),
      finance,
    );
    expect(response.body.errors).toBeUndefined();
    // Plan: 100,000 from 2017/18, 50,000.01 more from 2018/19 (recurring), so 150,000.01 then.
    expect(response.body.data?.benefitsRealisation.years).toEqual([
      {
        yearNumber: 1,
        fiscalYear: '2017/18',
        planned: { amount: '100000.00' },
        deliveredActual: { amount: '90000.00' },
        deliveredEstimated: { amount: '0.00' },
        delivered: { amount: '90000.00' },
        variance: { amount: '-10000.00' },
      },
      {
        yearNumber: 2,
        fiscalYear: '2018/19',
        planned: { amount: '150000.01' },
        deliveredActual: { amount: '0.00' },
        deliveredEstimated: { amount: '140000.00' },
        delivered: { amount: '140000.00' },
        variance: { amount: '-10000.01' },
      },
    ]);
    expect(response.body.data?.benefitsRealisation.lines.map((line) => line.name)).toEqual(['Payroll consolidation']);
  });

  it('reads the ledger as it stood on a past date', async () => {
    const response = await api.graphql<{
      benefitsRealisation: { years: { deliveredActual: { amount: string }; deliveredEstimated: { amount: string } }[] };
    }>(benefitsQuery(caseId, '2018-12-31T00:00:00Z'), finance);
    expect(
      response.body.data?.benefitsRealisation.years.map((y) => [y.deliveredActual.amount, y.deliveredEstimated.amount]),
    ).toEqual([
      ['90000.00', '0.00'],
      ['0.00', '160000.00'],
    ]);
  });
});

describe('reading business cases costs a fixed number of statements', () => {
  const LINCOLN = 'city-of-lincoln-council';
  const listQuery: Operation = organisationBusinessCasesWithLinksQuery(
    globalId('Organisation', seedOrganisationId(LINCOLN)),
  );

  async function countStatements(token: string) {
    const { result, statements } = await api.app.database.statements.measure(() =>
      api.graphql<{ organisation: { businessCases: { nodes: CaseView[] } } }>(listQuery, token),
    );
    expect(result.body.errors).toBeUndefined();
    return { cases: result.body.data!.organisation.businessCases.nodes.length, statements };
  }

  it('with its workstreams, lines, profiles, figures and stated figures: as many for five cases as for one', async () => {
    const token = await api.tokenFor(LINCOLN, ['finance']);
    await create(LINCOLN, caseInput());
    const one = await countStatements(token);
    for (let i = 0; i < 4; i += 1) await create(LINCOLN, caseInput());
    const five = await countStatements(token);
    expect([one.cases, five.cases]).toEqual([1, 5]);
    expect(five.statements).toBe(one.statements);
  });
});
