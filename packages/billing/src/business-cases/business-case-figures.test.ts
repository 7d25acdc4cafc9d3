import { describe, expect, it } from 'vitest';
import {
  type CaseLine,
  type CaseShape,
  formatMonths,
  headlineFigures,
  lineAmountInYear,
  paybackPeriod,
  returnOverYears,
  yearFigures,
} from './business-case-figures.ts';
import { compareStatedFigures, type StatedFigure } from './stated-figures.ts';

// Every figure here is worked out by hand in the comments, so a wrong formula shows up as a
// different number rather than as the same mistake made twice.

const pounds = (value: number) => BigInt(value) * 100n;

let nextId = 0;
function line(partial: Partial<CaseLine> & Pick<CaseLine, 'kind'>): CaseLine {
  nextId += 1;
  return {
    id: `line-${nextId}`,
    workstreamId: null,
    name: `line ${nextId}`,
    recurrence: 'recurring',
    cashable: true,
    profile: new Map(),
    termAmountPence: null,
    ...partial,
  };
}
const profile = (...amounts: number[]) =>
  new Map(amounts.map((amount, index) => [index + 1, pounds(amount)] as const).filter(([, amount]) => amount > 0n));

// Lincolnshire's shape: £254k cashable and £1.371m non-cashable over five years, a £90k grant.
const lincolnshire: CaseShape = {
  termYears: 5,
  workstreams: [],
  lines: [
    line({ kind: 'saving', termAmountPence: pounds(254_000) }),
    line({ kind: 'saving', cashable: false, termAmountPence: pounds(1_371_000) }),
    line({ kind: 'investment', recurrence: 'one_off', profile: profile(90_000) }),
  ],
};

describe('lines in a year', () => {
  it('a recurring profile adds up increments; it runs on at its total after the profile', () => {
    const recurring = line({ kind: 'saving', profile: profile(100, 300, 50) });
    expect([1, 2, 3, 4, 9].map((year) => lineAmountInYear(recurring, year, 3))).toEqual(
      [100, 400, 450, 450, 450].map(pounds),
    );
  });

  it('a one-off profile is spent in its year only', () => {
    const oneOff = line({ kind: 'investment', recurrence: 'one_off', profile: profile(10, 0, 5) });
    expect([1, 2, 3, 4].map((year) => lineAmountInYear(oneOff, year, 3))).toEqual([10, 0, 5, 0].map(pounds));
  });

  it('a term total is spread evenly, odd pennies first, nothing after the term', () => {
    const term = line({ kind: 'saving', termAmountPence: 100n }); // £1.00 over 3 years
    expect([1, 2, 3, 4].map((year) => lineAmountInYear(term, year, 3))).toEqual([34n, 33n, 33n, 0n]);
  });
});

describe("Lincolnshire's five-year return", () => {
  it('return over 5 years is £254,000 cashable less the £90,000 grant: £164,000, non-cashable apart', () => {
    expect(returnOverYears(lincolnshire, 5)).toEqual({
      years: 5,
      cashableSavingsPence: pounds(254_000),
      nonCashableBenefitsPence: pounds(1_371_000),
      investmentPence: pounds(90_000),
      returnPence: pounds(164_000),
    });
  });

  it('pays back when £50,800 a year has covered £90,000: 12 + 12 × 39,200 / 50,800 months', () => {
    // Year 1 starts at -90,000 and gains 50,800: -39,200 at its end. Year 2 crosses zero after
    // 39,200 / 50,800 of the year. 12 × (1 + 392/508) = 12 × 900/508 = 2700/127 = 21.2598... months.
    const payback = paybackPeriod(lincolnshire);
    expect(payback).toEqual({ kind: 'paid_back', months: { numerator: 2700n, denominator: 127n } });
    if (payback.kind === 'paid_back') expect(formatMonths(payback.months)).toBe('21.26');
  });

  it('stops at the end of the term: six years return what five do', () => {
    expect(returnOverYears(lincolnshire, 6).returnPence).toBe(pounds(164_000));
  });
});

describe('a Year 1-3 profile with recurring and one-off investment', () => {
  // Savings rise by 1,000 then 2,000 a year; an ongoing cost of 200 from Year 1; 3,000 spent up front.
  const shape: CaseShape = {
    termYears: 3,
    workstreams: [
      { id: 'a', name: 'A', savingsLowPence: pounds(2_500), savingsHighPence: pounds(4_000) },
      { id: 'b', name: 'B', savingsLowPence: pounds(500), savingsHighPence: null },
      { id: 'c', name: 'C', savingsLowPence: null, savingsHighPence: null },
    ],
    lines: [
      line({ kind: 'saving', profile: profile(1_000, 2_000) }),
      line({ kind: 'saving', cashable: false, profile: profile(999) }),
      line({ kind: 'investment', profile: profile(200) }),
      line({ kind: 'investment', recurrence: 'one_off', profile: profile(3_000) }),
    ],
  };

  it('headline figures are the full-year effects; net is gross less recurring investment', () => {
    expect(headlineFigures(shape)).toEqual({
      grossRecurringSavingsPence: pounds(3_000),
      recurringInvestmentPence: pounds(200),
      netRecurringSavingsPence: pounds(2_800),
      oneOffInvestmentPence: pounds(3_000),
      savingsLowPence: pounds(3_000),
      savingsHighPence: pounds(4_000),
    });
  });

  it('year by year: net and cumulative', () => {
    const rows = yearFigures(shape);
    expect(rows.map((row) => [row.netPence, row.cumulativeNetPence])).toEqual([
      [pounds(1_000 - 200 - 3_000), pounds(-2_200)],
      [pounds(3_000 - 200), pounds(600)],
    ]);
    expect(rows[0]!.nonCashableBenefitsPence).toBe(pounds(999));
  });

  it('return over 3 years: 1,000 + 3,000 + 3,000 saved, 600 + 3,000 spent', () => {
    expect(returnOverYears(shape, 3).returnPence).toBe(pounds(7_000 - 3_600));
  });

  it('payback: year 2 starts at -2,200 and gains 2,800, so 12 × (1 + 22/28) = 150/7 months', () => {
    expect(paybackPeriod(shape)).toEqual({ kind: 'paid_back', months: { numerator: 150n, denominator: 7n } });
  });
});

describe('payback edge cases', () => {
  it('no investment: no payback period', () => {
    expect(
      paybackPeriod({ termYears: 3, workstreams: [], lines: [line({ kind: 'saving', profile: profile(5) })] }),
    ).toEqual({
      kind: 'no_investment',
    });
  });

  it('still behind after the profile and no net saving to run on: never', () => {
    const shape: CaseShape = {
      termYears: 1,
      workstreams: [],
      lines: [line({ kind: 'investment', recurrence: 'one_off', profile: profile(100) })],
    };
    expect(paybackPeriod(shape)).toEqual({ kind: 'never' });
  });

  it('still behind after the profile: the run-on saving pays back the rest', () => {
    // 1,200 up front; 100 a year from year 1: -1,100 after year 1, then 11 more years: 144 months.
    const shape: CaseShape = {
      termYears: 1,
      workstreams: [],
      lines: [
        line({ kind: 'investment', recurrence: 'one_off', profile: profile(1_200) }),
        line({ kind: 'saving', profile: profile(100) }),
      ],
    };
    expect(paybackPeriod(shape)).toEqual({ kind: 'paid_back', months: { numerator: 144n, denominator: 1n } });
  });

  it('investment covered by earlier savings never leaves the case behind: zero months', () => {
    const shape: CaseShape = {
      termYears: 2,
      workstreams: [],
      lines: [
        line({ kind: 'saving', profile: profile(1_000) }),
        line({ kind: 'investment', recurrence: 'one_off', profile: profile(0, 500) }),
      ],
    };
    expect(paybackPeriod(shape)).toEqual({ kind: 'paid_back', months: { numerator: 0n, denominator: 1n } });
  });

  it('formats months half up', () => {
    expect(formatMonths({ numerator: 1n, denominator: 8n })).toBe('0.13');
    expect(formatMonths({ numerator: 1n, denominator: 3n })).toBe('0.33');
    expect(formatMonths({ numerator: 2n, denominator: 3n })).toBe('0.67');
    expect(formatMonths({ numerator: 30n, denominator: 1n })).toBe('30.00');
  });
});

describe('stated figures beside the exact sums', () => {
  const a = line({
    kind: 'saving',
    profile: new Map([
      [2, pounds(516_000)],
      [3, pounds(516_000)],
    ]),
  });
  const shape: CaseShape = { termYears: 3, workstreams: [], lines: [a] };
  const stated = (partial: Partial<StatedFigure>): StatedFigure => ({
    id: 's',
    label: 'x',
    measure: 'lines_total',
    yearNumber: null,
    amountPence: null,
    months: null,
    comparator: 'exactly',
    quote: 'q',
    lineIds: [a.id],
    ...partial,
  });

  it("a table total £1,000 above its own lines (Northumberland's £1,033,000) shows the difference", () => {
    const [comparison] = compareStatedFigures(shape, [stated({ amountPence: pounds(1_033_000) })]);
    expect(comparison).toMatchObject({
      computedPence: pounds(1_032_000),
      differencePence: pounds(1_000),
      consistent: false,
    });
  });

  it('a year figure compares with that year of the profile only', () => {
    const [comparison] = compareStatedFigures(shape, [stated({ yearNumber: 2, amountPence: pounds(516_000) })]);
    expect(comparison).toMatchObject({ computedPence: pounds(516_000), differencePence: 0n, consistent: true });
  });

  it('a stated payback with no investment has nothing to compare with', () => {
    const [comparison] = compareStatedFigures(shape, [
      stated({ measure: 'payback_months', months: 12, comparator: 'less_than', lineIds: [] }),
    ]);
    expect(comparison).toMatchObject({ computedMonths: null, monthsDifference: null, consistent: null });
  });

  it('a stated payback of 30 months against 2700/127 computed: 8.74 months apart, "less than" honoured', () => {
    const [exact, below] = compareStatedFigures(lincolnshire, [
      stated({ measure: 'payback_months', months: 30, lineIds: [] }),
      stated({ measure: 'payback_months', months: 30, comparator: 'less_than', lineIds: [] }),
    ]);
    // 30 - 2700/127 = 1110/127 = 8.7401...
    expect(exact).toMatchObject({ monthsDifference: '8.74', consistent: false });
    expect(below).toMatchObject({ consistent: true });
  });
});
