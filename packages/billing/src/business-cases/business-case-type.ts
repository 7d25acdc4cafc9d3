import type * as tables from '@ssp/billing-tables';
import {
  computedFromRowExtension,
  describedEnumValues,
  fiscalYearStarting,
  formatFiscalYear,
  listableBy,
  money,
  pageSizeOptions,
  readableBy,
  ValidationError,
} from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { BILLING_READ_RULES } from '../access/read-rules.ts';
import {
  type CaseShape,
  formatMonths,
  headlineFigures,
  type Months,
  type Payback,
  paybackPeriod,
  type ReturnOverYears,
  returnOverYears,
  type YearFigures,
  yearFigures,
} from './business-case-figures.ts';
import { businessCaseShape, businessCaseShapeSelection, statedFigures } from './business-case-shape.ts';
import { compareStatedFigures, type StatedFigureComparison } from './stated-figures.ts';

export const BusinessCaseLineKindEnum = builder.enumType('BusinessCaseLineKind', {
  description: 'Whether a business-case line is a saving or an investment.',
  values: describedEnumValues<(typeof tables.businessCaseLineKind.enumValues)[number]>({
    saving: 'A saving or benefit (cashable or not).',
    investment: 'An investment: a cost the case needs to deliver its savings.',
  }),
});

export const BusinessCaseRecurrenceEnum = builder.enumType('BusinessCaseRecurrence', {
  description: 'Whether a business-case line repeats every year or happens once.',
  values: describedEnumValues<(typeof tables.savingsRecurrence.enumValues)[number]>({
    recurring:
      'Repeats every year. Its profile gives the increase in the annual amount from each year on; the total is the full-year effect, which runs on after the profile.',
    one_off: 'Happens once: its profile gives the amount spent or saved in each year.',
  }),
});

export const BusinessCaseMeasureEnum = builder.enumType('BusinessCaseMeasure', {
  description: 'Which computed figure of a business case a stated figure states.',
  values: describedEnumValues<(typeof tables.businessCaseMeasure.enumValues)[number]>({
    lines_total:
      'The sum of some lines: their totals, or their profile amounts in one year when the stated figure names a year.',
    gross_recurring_savings: 'The full-year effect of all recurring cashable savings with a profile.',
    recurring_investment: 'The full-year effect of all recurring investment (ongoing costs) with a profile.',
    net_recurring_savings: 'Gross recurring savings less recurring investment.',
    one_off_investment: 'All one-off investment.',
    savings_low: 'The workstreams’ low savings figures added up.',
    savings_high: 'The workstreams’ high savings figures added up.',
    cashable_savings_over_term: 'Cashable savings over the term, year by year added up.',
    non_cashable_benefits_over_term: 'Non-cashable benefits over the term, year by year added up.',
    return_over_term: 'The return over the term: cashable savings less all investment over its years.',
    payback_months: 'The payback period, in months.',
  }),
});

export const StatedFigureComparatorEnum = builder.enumType('StatedFigureComparator', {
  description: 'How a stated figure bounds the truth.',
  values: describedEnumValues<(typeof tables.statedFigureComparator.enumValues)[number]>({
    exactly: 'The figure is stated as it is.',
    less_than: 'The document says "less than" the figure.',
    up_to: 'The document says "up to" the figure.',
  }),
});

const PaybackStatusEnum = builder.enumType('PaybackStatus', {
  description: 'Whether a business case pays back its investment.',
  values: describedEnumValues<Payback['kind']>({
    paid_back: 'The cumulative net saving reaches zero and stays there: `months` says when.',
    no_investment: 'The case records no investment, so there is nothing to pay back.',
    never: 'The cumulative net saving never gets back to zero (or falls below it for good).',
  }),
});

/** Money from bigint pence. */
const amount = (pence: bigint) => moneyFromPence(pence);
const optionalAmount = (pence: bigint | null) => (pence === null ? null : moneyFromPence(pence));
const exactMonths = (value: Months) => `${value.numerator}/${value.denominator}`;

const PaybackPeriodRef = builder.objectRef<Payback>('PaybackPeriod').implement({
  description:
    'The payback period. One-off investment is spent at the start of its year; savings, recurring investment and term totals accrue evenly through their year, so the cumulative net saving moves in a straight line within a year and the crossing is exact: for the last year that starts (after its one-off spend) at S below zero and gains G over the year, payback = 12 × ((year − 1) + (−S / G)) months. After the profile the recurring lines run on at their full-year effect. Computed with integers only.',
  fields: (t) => ({
    status: t.field({ type: PaybackStatusEnum, description: 'Whether it pays back.', resolve: (p) => p.kind }),
    months: t.string({
      nullable: true,
      description: 'Months to pay back, as a decimal string of two places rounded half up (e.g. "16.39").',
      resolve: (p) => (p.kind === 'paid_back' ? formatMonths(p.months) : null),
    }),
    exactMonths: t.string({
      nullable: true,
      description: 'Months to pay back as an exact fraction in lowest terms, numerator/denominator (e.g. "2700/127").',
      resolve: (p) => (p.kind === 'paid_back' ? exactMonths(p.months) : null),
    }),
  }),
});

const ReturnOverYearsRef = builder.objectRef<ReturnOverYears>('BusinessCaseReturn').implement({
  description:
    'The return over N years: Σ cashable savings − Σ recurring investment − Σ one-off investment over years 1..N. Recurring lines run on at their full-year effect after the profile; term totals stop at the end of the term. Non-cashable benefits are shown apart and are not in the return.',
  fields: (t) => ({
    years: t.int({ description: 'N: the years added up.', resolve: (r) => r.years }),
    cashableSavings: t.field({
      type: MoneyRef,
      description: 'Cashable savings over the N years.',
      resolve: (r) => amount(r.cashableSavingsPence),
    }),
    nonCashableBenefits: t.field({
      type: MoneyRef,
      description: 'Non-cashable benefits over the N years (not in the return).',
      resolve: (r) => amount(r.nonCashableBenefitsPence),
    }),
    investment: t.field({
      type: MoneyRef,
      description: 'All investment over the N years, recurring and one-off.',
      resolve: (r) => amount(r.investmentPence),
    }),
    netReturn: t.field({
      type: MoneyRef,
      description: 'Cashable savings less investment over the N years (negative when the case has not paid back).',
      resolve: (r) => amount(r.returnPence),
    }),
  }),
});

export const BusinessCaseYearRef = builder
  .objectRef<YearFigures & { firstFiscalYear: number | null }>('BusinessCaseYear')
  .implement({
    description: 'One year of a business case’s profile, as money in that year.',
    fields: (t) => ({
      yearNumber: t.int({ description: 'Year 1, 2, 3...', resolve: (y) => y.yearNumber }),
      fiscalYear: t.string({
        nullable: true,
        description: 'The fiscal year it falls in (e.g. "2023/24"), when the case says when Year 1 is.',
        resolve: (y) =>
          y.firstFiscalYear === null
            ? null
            : formatFiscalYear(fiscalYearStarting(y.firstFiscalYear + y.yearNumber - 1)),
      }),
      cashableSavings: t.field({
        type: MoneyRef,
        description: 'Cashable savings in the year (recurring savings at their level that year).',
        resolve: (y) => amount(y.cashableSavingsPence),
      }),
      nonCashableBenefits: t.field({
        type: MoneyRef,
        description: 'Non-cashable benefits in the year (shown apart, never in the net).',
        resolve: (y) => amount(y.nonCashableBenefitsPence),
      }),
      recurringInvestment: t.field({
        type: MoneyRef,
        description: 'Recurring investment (ongoing costs) in the year.',
        resolve: (y) => amount(y.recurringInvestmentPence),
      }),
      oneOffInvestment: t.field({
        type: MoneyRef,
        description: 'One-off investment in the year.',
        resolve: (y) => amount(y.oneOffInvestmentPence),
      }),
      net: t.field({
        type: MoneyRef,
        description: 'Cashable savings less all investment in the year.',
        resolve: (y) => amount(y.netPence),
      }),
      cumulativeNet: t.field({
        type: MoneyRef,
        description: 'The net added up from Year 1 to this year.',
        resolve: (y) => amount(y.cumulativeNetPence),
      }),
    }),
  });

interface FiguresSource {
  shape: CaseShape;
  firstFiscalYear: number | null;
}

const BusinessCaseFiguresRef = builder.objectRef<FiguresSource>('BusinessCaseFigures').implement({
  description: 'A business case’s figures, each computed exactly from its lines (no total is stored).',
  fields: (t) => ({
    grossRecurringSavings: t.field({
      type: MoneyRef,
      description:
        'The full-year effect of the recurring cashable savings with a profile: the annual saving once all are in (Σ of their profiles).',
      resolve: (f) => amount(headlineFigures(f.shape).grossRecurringSavingsPence),
    }),
    recurringInvestment: t.field({
      type: MoneyRef,
      description: 'The full-year effect of the recurring investment (ongoing costs) with a profile.',
      resolve: (f) => amount(headlineFigures(f.shape).recurringInvestmentPence),
    }),
    netRecurringSavings: t.field({
      type: MoneyRef,
      description: 'Net savings: gross recurring savings − recurring investment (an annual figure).',
      resolve: (f) => amount(headlineFigures(f.shape).netRecurringSavingsPence),
    }),
    oneOffInvestment: t.field({
      type: MoneyRef,
      description: 'All one-off investment (Σ of the one-off investment lines).',
      resolve: (f) => amount(headlineFigures(f.shape).oneOffInvestmentPence),
    }),
    savingsLow: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The workstreams’ low savings figures added up (null when none gives one).',
      resolve: (f) => optionalAmount(headlineFigures(f.shape).savingsLowPence),
    }),
    savingsHigh: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The workstreams’ high savings figures added up (null when none gives one).',
      resolve: (f) => optionalAmount(headlineFigures(f.shape).savingsHighPence),
    }),
    years: t.field({
      type: [BusinessCaseYearRef],
      description: 'Year by year from Year 1 to the last year of the profile or the term.',
      resolve: (f) => yearFigures(f.shape).map((year) => ({ ...year, firstFiscalYear: f.firstFiscalYear })),
    }),
    payback: t.field({
      type: PaybackPeriodRef,
      description: 'The payback period (see its type for the formula).',
      resolve: (f) => paybackPeriod(f.shape),
    }),
    returnOverTerm: t.field({
      type: ReturnOverYearsRef,
      description: 'The return over the case’s term (see `returnOver` on the case for any other N).',
      resolve: (f) => returnOverYears(f.shape, f.shape.termYears),
    }),
  }),
});

const StatedFigureRef = builder
  .objectRef<StatedFigureComparison & { lineNames: string[] }>('BusinessCaseStatedFigure')
  .implement({
    description:
      'A figure as the source document states it, beside the exact figure computed from the lines and the difference. The source is never "fixed": where its rounded tables differ from the sums of its own lines, both are shown.',
    fields: (t) => ({
      label: t.string({ description: 'What the figure is.', resolve: (s) => s.figure.label }),
      measure: t.field({
        type: BusinessCaseMeasureEnum,
        description: 'Which computed figure it states.',
        resolve: (s) => s.figure.measure,
      }),
      yearNumber: t.int({
        nullable: true,
        description: 'For a lines total: the profile year it states (null: the lines’ whole total).',
        resolve: (s) => s.figure.yearNumber,
      }),
      lineNames: t.stringList({
        description: 'For a lines total: the lines it adds up, by name.',
        resolve: (s) => s.lineNames,
      }),
      comparator: t.field({
        type: StatedFigureComparatorEnum,
        description: 'Whether it is stated exactly or as a bound.',
        resolve: (s) => s.figure.comparator,
      }),
      quote: t.string({ description: 'The document’s words, verbatim.', resolve: (s) => s.figure.quote }),
      stated: t.field({
        type: MoneyRef,
        nullable: true,
        description: 'The amount as stated (null for a payback period).',
        resolve: (s) => optionalAmount(s.figure.amountPence),
      }),
      computed: t.field({
        type: MoneyRef,
        nullable: true,
        description: 'The exact amount computed from the lines (null for a payback period, or when nothing gives it).',
        resolve: (s) => optionalAmount(s.computedPence),
      }),
      difference: t.field({
        type: MoneyRef,
        nullable: true,
        description: 'Stated − computed: how far the document’s figure is from the exact sum of its own lines.',
        resolve: (s) => optionalAmount(s.differencePence),
      }),
      statedMonths: t.int({
        nullable: true,
        description: 'For a payback period: the months as stated (two and a half years is 30).',
        resolve: (s) => s.figure.months,
      }),
      computedMonths: t.string({
        nullable: true,
        description: 'For a payback period: the computed months (two decimals), null when the case has no investment.',
        resolve: (s) => (s.computedMonths ? formatMonths(s.computedMonths) : null),
      }),
      monthsDifference: t.string({
        nullable: true,
        description: 'For a payback period: stated − computed months (two decimals).',
        resolve: (s) => s.monthsDifference,
      }),
      consistent: t.boolean({
        nullable: true,
        description:
          'Whether the computed figure honours the statement (equal, below or at most it); null when there is nothing to compare.',
        resolve: (s) => s.consistent,
      }),
    }),
  });

export const BusinessCaseWorkstreamRef = builder.drizzleObject('businessCaseWorkstreams', {
  name: 'BusinessCaseWorkstream',
  description: 'A workstream of a business case, with the savings range the case gives it.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Its place in the case, from 1.' }),
    name: t.exposeString('name', { description: 'Its name, e.g. "Best Value for Money".' }),
    savingsLow: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The low end of its savings range, when given.',
      select: { columns: { savingsLowPence: true } },
      extensions: computedFromRowExtension,
      resolve: (w) => (w.savingsLowPence === null ? null : moneyFromPence(w.savingsLowPence)),
    }),
    savingsHigh: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The high end of its savings range, when given.',
      select: { columns: { savingsHighPence: true } },
      extensions: computedFromRowExtension,
      resolve: (w) => (w.savingsHighPence === null ? null : moneyFromPence(w.savingsHighPence)),
    }),
  }),
});

export const BusinessCaseLineAmountRef = builder.drizzleObject('businessCaseLineAmounts', {
  name: 'BusinessCaseLineAmount',
  description: 'A line’s amount in one year of its profile.',
  fields: (t) => ({
    yearNumber: t.exposeInt('yearNumber', { description: 'Year 1, 2, 3...' }),
    amount: t.field({
      type: MoneyRef,
      description:
        'The amount: for a recurring line the increase in its annual amount from this year on, for a one-off line the amount in this year.',
      select: { columns: { amountPence: true } },
      extensions: computedFromRowExtension,
      resolve: (a) => moneyFromPence(a.amountPence),
    }),
  }),
});

export const BusinessCaseLineOpportunityRef = builder.drizzleObject('businessCaseLineOpportunities', {
  name: 'BusinessCaseLineOpportunityLink',
  description: 'A savings opportunity linked to a saving line of a business case as delivering it.',
  fields: (t) => ({
    savingsOpportunity: t.relation('opportunity', { description: 'The savings opportunity.' }),
    linkedBy: t.exposeString('linkedBy', { description: 'Who linked it.' }),
    linkedAt: t.expose('linkedAt', { type: 'DateTime', description: 'When it was linked.' }),
  }),
});

export const BusinessCaseLineRef = builder.drizzleNode('businessCaseLines', {
  name: 'BusinessCaseLine',
  ...readableBy(BILLING_READ_RULES.BusinessCaseLine),
  description: 'A saving or investment line of a business case, with its year profile or its total over the term.',
  id: { column: (line) => line.id, description: 'Opaque global id.' },
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Its place in the case, from 1.' }),
    name: t.exposeString('name', { description: 'What it is.' }),
    kind: t.expose('kind', { type: BusinessCaseLineKindEnum, description: 'Saving or investment.' }),
    recurrence: t.expose('recurrence', { type: BusinessCaseRecurrenceEnum, description: 'Recurring or one-off.' }),
    cashable: t.exposeBoolean('cashable', {
      description: 'Whether the saving is cash (investments always are); non-cashable benefits are shown apart.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Where its figures come from, and what to know about them.',
    }),
    workstream: t.relation('workstream', {
      nullable: true,
      description: 'Its workstream (null for a case-wide line).',
    }),
    profile: t.relation('amounts', {
      description: 'Its year profile (empty when the source gives only a total over the term).',
      query: { orderBy: { yearNumber: 'asc' } },
    }),
    termAmount: t.field({
      type: MoneyRef,
      nullable: true,
      description:
        'Its amount over the whole term, when the source gives no year profile (spread evenly over the term).',
      select: { columns: { termAmountPence: true } },
      extensions: computedFromRowExtension,
      resolve: (line) => (line.termAmountPence === null ? null : moneyFromPence(line.termAmountPence)),
    }),
    total: t.field({
      type: MoneyRef,
      description:
        'Its total: the term amount, or the sum of its profile (for a recurring line, its full-year effect).',
      select: { columns: { termAmountPence: true }, with: { amounts: { columns: { amountPence: true } } } },
      extensions: computedFromRowExtension,
      resolve: (line) =>
        line.termAmountPence !== null
          ? moneyFromPence(line.termAmountPence)
          : money.sum(line.amounts.map((a) => moneyFromPence(a.amountPence))),
    }),
    savingsOpportunityLinks: t.relation('opportunityLinks', {
      description:
        'The savings opportunities linked as delivering this line (for benefits realisation), oldest link first.',
      query: { orderBy: { linkedAt: 'asc' } },
    }),
  }),
});

const MAX_RETURN_YEARS = 50;

export const BusinessCaseRef = builder.drizzleNode('businessCases', {
  name: 'BusinessCase',
  ...readableBy(BILLING_READ_RULES.BusinessCase),
  description:
    'A business case: workstreams with savings low and high, saving and investment lines with a year profile, and the figures computed from them (net savings, payback, return over N years) beside the figures the source document states. Its finance people and tenant admins read it.',
  id: { column: (businessCase) => businessCase.id, description: 'Opaque global id.' },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Its title.' }),
    summary: t.exposeString('summary', { description: 'What it proposes, in a few lines.' }),
    source: t.exposeString('source', { nullable: true, description: 'Where it comes from (a document), if anywhere.' }),
    firstFiscalYear: t.string({
      nullable: true,
      description: 'The fiscal year of Year 1 (e.g. "2023/24"), when the case says.',
      select: { columns: { firstFiscalYear: true } },
      extensions: computedFromRowExtension,
      resolve: (c) => (c.firstFiscalYear === null ? null : formatFiscalYear(fiscalYearStarting(c.firstFiscalYear))),
    }),
    termYears: t.exposeInt('termYears', { description: 'The years it runs over: the N of its return over the term.' }),
    createdBy: t.exposeString('createdBy', { description: 'Who recorded it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
    organisation: t.relation('organisation', { description: 'The organisation it belongs to.' }),
    workstreams: t.relation('workstreams', {
      description: 'Its workstreams, in order.',
      query: { orderBy: { position: 'asc' } },
    }),
    lines: t.relation('lines', {
      description: 'Its saving and investment lines, in order.',
      query: { orderBy: { position: 'asc' } },
    }),
    figures: t.field({
      type: BusinessCaseFiguresRef,
      description: 'Its figures, computed exactly from the lines.',
      select: businessCaseShapeSelection,
      extensions: computedFromRowExtension,
      resolve: (c) => ({ shape: businessCaseShape(c), firstFiscalYear: c.firstFiscalYear }),
    }),
    returnOver: t.field({
      type: ReturnOverYearsRef,
      description: 'The return over any number of years (1-50): see its type for the formula.',
      args: { years: t.arg.int({ required: true, description: 'N: how many years from Year 1 to add up (1-50).' }) },
      select: businessCaseShapeSelection,
      resolve: (c, { years }) => {
        if (!Number.isInteger(years) || years < 1 || years > MAX_RETURN_YEARS) {
          throw new ValidationError(`Years must be 1 to ${MAX_RETURN_YEARS}`, 'years');
        }
        return returnOverYears(businessCaseShape(c), years);
      },
    }),
    statedFigures: t.field({
      type: [StatedFigureRef],
      description: 'The figures its source states, each beside the exact computed figure and the difference.',
      select: businessCaseShapeSelection,
      extensions: computedFromRowExtension,
      resolve: (c) => {
        const shape = businessCaseShape(c);
        const names = new Map(shape.lines.map((line) => [line.id, line.name]));
        return compareStatedFigures(shape, statedFigures(c.statedFigures)).map((comparison) => ({
          ...comparison,
          lineNames: comparison.figure.lineIds.map((id) => names.get(id) ?? ''),
        }));
      },
    }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'businessCases', (t) =>
  t.relatedConnection(
    'businessCases',
    {
      description: 'This organisation’s business cases, oldest first. Its finance people and tenant admins only.',
      ...listableBy(BILLING_READ_RULES.BusinessCase),
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'BusinessCaseConnection', description: 'A page of business cases.' },
    { name: 'BusinessCaseEdge' },
  ),
);
