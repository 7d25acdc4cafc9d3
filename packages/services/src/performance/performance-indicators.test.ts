import { parseFiscalYear } from '@ssp/core';
import { describe, expect, it } from 'vitest';
import {
  dbsChecksWithinHours,
  dbsChecksWithinTwoWorkingDays,
  fiscalYearPeriod,
  formatPercent,
  type IndicatorCode,
  type IndicatorResult,
  ictFirstContactResolution,
  ictResponseWithin30Minutes,
  ictSatisfaction,
  monthPeriod,
  PERFORMANCE_INDICATORS,
  PerformanceDataError,
  payrollChangesByDeadline,
  payrollErrorRate,
  performanceReport,
  type ReportingPeriod,
  reportingPeriod,
  roundedPercent,
} from './performance-indicators.ts';
import {
  type DbsCheckRecord,
  type IctRequestRecord,
  NO_PERFORMANCE_RECORDS,
  type PayrollChangeRecord,
  type PayrollErrorRecord,
  type PayrollPeriodRecord,
  type PerformanceRecords,
  type SatisfactionScore,
} from './performance-records.ts';

// Instants are written in UTC ('Z'), with the London wall time beside them where it matters:
// in British Summer Time London is UTC+1, so 10:00 BST is 09:00Z.

const YEAR = fiscalYearPeriod(parseFiscalYear('2017/18'));
const at = (iso: string): Date => new Date(iso);
const records = (partial: Partial<PerformanceRecords>): PerformanceRecords => ({
  ...NO_PERFORMANCE_RECORDS,
  ...partial,
});

// ---------------------------------------------------------------------------------------------
// Record builders: `met` records that meet the measure and `missed` that do not.

/** Pay period in May 2017 with its deadline at 17:00 BST on Friday 12 May. */
const MAY: PayrollPeriodRecord = {
  payrollCode: 'LCC-CORPORATE',
  periodStart: '2017-05-01',
  publishedDeadline: at('2017-05-12T16:00:00Z'),
  paymentsMade: 0,
};

function payrollErrors(partnership: number, payments: number, customer = 0): PerformanceRecords {
  const error = (causedBy: 'partnership' | 'customer'): PayrollErrorRecord => ({
    payrollCode: MAY.payrollCode,
    periodStart: MAY.periodStart,
    causedBy,
    description: 'test',
  });
  return records({
    payrollPeriods: [{ ...MAY, paymentsMade: payments }],
    payrollErrors: [
      ...Array.from({ length: partnership }, () => error('partnership')),
      ...Array.from({ length: customer }, () => error('customer')),
    ],
  });
}

const change = (receivedAt: string, processedAt: string | null): PayrollChangeRecord => ({
  payrollCode: MAY.payrollCode,
  periodStart: MAY.periodStart,
  kind: 'pay_change',
  receivedAt: at(receivedAt),
  processedAt: processedAt === null ? null : at(processedAt),
});

function payrollChanges(met: number, missed: number): PerformanceRecords {
  return records({
    payrollPeriods: [{ ...MAY, paymentsMade: 100 }],
    payrollChanges: [
      ...Array.from({ length: met }, () => change('2017-05-10T09:00:00Z', '2017-05-12T16:00:00Z')),
      ...Array.from({ length: missed }, () => change('2017-05-10T09:00:00Z', '2017-05-12T16:00:01Z')),
    ],
  });
}

const dbs = (complete: string, processed: string | null): DbsCheckRecord => ({
  reference: 'DBS-TEST',
  receivedAt: at(complete),
  informationCompleteAt: at(complete),
  processedAt: processed === null ? null : at(processed),
});

/** Complete Monday 8 May 2017 10:00 BST: two working days end Wednesday 10 May 17:00 BST. */
function dbsChecks(met: number, missed: number): PerformanceRecords {
  return records({
    dbsChecks: [
      ...Array.from({ length: met }, () => dbs('2017-05-08T09:00:00Z', '2017-05-10T16:00:00Z')),
      ...Array.from({ length: missed }, () => dbs('2017-05-08T09:00:00Z', '2017-05-10T16:00:01Z')),
    ],
  });
}

const ict = (overrides: Partial<IctRequestRecord>): IctRequestRecord => ({
  reference: 'INC-TEST',
  kind: 'incident',
  raisedAt: at('2017-06-05T09:00:00Z'),
  firstRespondedAt: at('2017-06-05T09:10:00Z'),
  firstContactResolution: true,
  satisfactionScore: null,
  ...overrides,
});

const many = (count: number, overrides: Partial<IctRequestRecord>): IctRequestRecord[] =>
  Array.from({ length: count }, () => ict(overrides));

const firstContact = (met: number, missed: number): PerformanceRecords =>
  records({
    ictRequests: [...many(met, { firstContactResolution: true }), ...many(missed, { firstContactResolution: false })],
  });

const responses = (met: number, missed: number): PerformanceRecords =>
  records({
    ictRequests: [
      // Exactly 30 minutes counts; 30 minutes and a second does not.
      ...many(met, { firstRespondedAt: at('2017-06-05T09:30:00Z') }),
      ...many(missed, { firstRespondedAt: at('2017-06-05T09:30:01Z') }),
    ],
  });

const satisfaction = (met: number, missed: number): PerformanceRecords =>
  records({
    ictRequests: [
      ...Array.from({ length: met }, (_, i) => ict({ satisfactionScore: (i % 2 === 0 ? 4 : 5) as SatisfactionScore })),
      ...Array.from({ length: missed }, (_, i) => ict({ satisfactionScore: ((i % 3) + 1) as SatisfactionScore })),
    ],
  });

type Builder = (met: number, missed: number) => PerformanceRecords;
type Indicator = (records: PerformanceRecords, period: ReportingPeriod) => IndicatorResult;

const INDICATORS: Record<Exclude<IndicatorCode, `dbs-checks-within-${24 | 48}-hours`>, [Indicator, Builder]> = {
  'payroll-error-rate': [payrollErrorRate, (errors, correct) => payrollErrors(errors, errors + correct)],
  'payroll-changes-by-deadline': [payrollChangesByDeadline, payrollChanges],
  'dbs-checks-within-two-working-days': [dbsChecksWithinTwoWorkingDays, dbsChecks],
  'ict-first-contact-resolution': [ictFirstContactResolution, firstContact],
  'ict-response-within-30-minutes': [ictResponseWithin30Minutes, responses],
  'ict-satisfaction-good-or-excellent': [ictSatisfaction, satisfaction],
};

describe('each indicator at, just inside and just outside its target', () => {
  it.each([
    // [indicator, numerator, denominator, met, display]. For the error rate the numerator is the
    // partnership's errors and the denominator the payments; lower is better ('lt').
    ['payroll-error-rate', 39, 10_000, true, '0.4%'],
    ['payroll-error-rate', 3_999, 1_000_000, true, '0.4%'],
    ['payroll-error-rate', 40, 10_000, false, '0.4%'],
    ['payroll-error-rate', 41, 10_000, false, '0.4%'],
    ['payroll-error-rate', 3, 1_000, true, '0.3%'],
    ['payroll-changes-by-deadline', 99, 100, true, '99%'],
    ['payroll-changes-by-deadline', 991, 1_000, true, '99%'],
    ['payroll-changes-by-deadline', 989, 1_000, false, '99%'],
    ['payroll-changes-by-deadline', 98, 100, false, '98%'],
    ['payroll-changes-by-deadline', 100, 100, true, '100%'],
    ['dbs-checks-within-two-working-days', 3, 4, true, '75%'],
    ['dbs-checks-within-two-working-days', 751, 1_000, true, '75%'],
    ['dbs-checks-within-two-working-days', 749, 1_000, false, '75%'],
    ['ict-first-contact-resolution', 75, 100, true, '75%'],
    ['ict-first-contact-resolution', 76, 100, true, '76%'],
    ['ict-first-contact-resolution', 74, 100, false, '74%'],
    ['ict-response-within-30-minutes', 9, 10, true, '90%'],
    ['ict-response-within-30-minutes', 89, 100, false, '89%'],
    ['ict-satisfaction-good-or-excellent', 17, 20, true, '85%'],
    ['ict-satisfaction-good-or-excellent', 84, 100, false, '84%'],
  ] as const)('%s: %i of %i', (code, numerator, denominator, met, display) => {
    const [indicator, build] = INDICATORS[code];
    const outcome = indicator(build(numerator, denominator - numerator), YEAR);
    expect(outcome).toMatchObject({
      code,
      numerator,
      denominator,
      met,
      status: met ? 'met' : 'not_met',
      display,
    });
    expect(outcome.actual).toBeCloseTo((numerator * 100) / denominator, 10);
  });

  it('judges the exact rational, not the rounded display: 0.3999 % is below 0.4 %, 0.4 % is not', () => {
    // Both print as 0.4 %; only one is below the target.
    expect(payrollErrorRate(payrollErrors(3_999, 1_000_000), YEAR).met).toBe(true);
    expect(payrollErrorRate(payrollErrors(4_000, 1_000_000), YEAR).met).toBe(false);
  });
});

describe('targets and classification, as the report gives them', () => {
  it.each([
    ['payroll-error-rate', 'lt', 0.4, true, 'service-level-agreement'],
    ['payroll-changes-by-deadline', 'gte', 99, true, 'service-level-agreement'],
    ['dbs-checks-within-two-working-days', 'gte', 75, false, 'service-level-agreement'],
    ['ict-first-contact-resolution', 'gte', 75, false, 'reported-level'],
    ['ict-response-within-30-minutes', 'gte', 90, false, 'assumed'],
    ['ict-satisfaction-good-or-excellent', 'gte', 85, false, 'assumed'],
  ] as const)('%s: %s %d, contractual %s', (code, comparator, value, contractual, basis) => {
    const definition = PERFORMANCE_INDICATORS.find((candidate) => candidate.code === code);
    expect(definition).toMatchObject({ contractual, target: { comparator, value, basis } });
  });
});

describe('no data', () => {
  it('reports every indicator as no data, not 0 % or NaN, when there are no records', () => {
    const report = performanceReport('2017/18', NO_PERFORMANCE_RECORDS);
    expect(report.indicators.map((indicator) => indicator.code)).toEqual(PERFORMANCE_INDICATORS.map((d) => d.code));
    for (const indicator of report.indicators) {
      expect(indicator).toMatchObject({
        numerator: 0,
        denominator: 0,
        actual: null,
        met: null,
        status: 'no_data',
        display: null,
      });
    }
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('is no data when every record in the period is excluded', () => {
    const onlyLate = records({
      payrollPeriods: [{ ...MAY, paymentsMade: 10 }],
      payrollChanges: [change('2017-05-12T16:00:01Z', '2017-05-15T10:00:00Z')],
    });
    expect(payrollChangesByDeadline(onlyLate, YEAR)).toMatchObject({ status: 'no_data', excluded: 1 });
    const unrated = records({ ictRequests: many(3, { satisfactionScore: null }) });
    expect(ictSatisfaction(unrated, YEAR)).toMatchObject({ status: 'no_data', excluded: 3 });
  });
});

describe('payroll', () => {
  it("leaves the customer's errors out of the error rate", () => {
    expect(payrollErrorRate(payrollErrors(2, 1_000, 5), YEAR)).toMatchObject({
      numerator: 2,
      denominator: 1_000,
      excluded: 5,
      display: '0.2%',
    });
  });

  it('counts only changes received by the deadline, and an overdue unprocessed one as a miss', () => {
    const outcome = payrollChangesByDeadline(
      records({
        payrollPeriods: [{ ...MAY, paymentsMade: 10 }],
        payrollChanges: [
          change('2017-05-12T15:59:59Z', '2017-05-12T16:00:00Z'), // received and processed just in time
          change('2017-05-12T16:00:01Z', '2017-05-15T09:00:00Z'), // received late: not the partnership's miss
          change('2017-05-11T10:00:00Z', null), // never processed: missed
        ],
      }),
      YEAR,
    );
    expect(outcome).toMatchObject({ numerator: 1, denominator: 2, excluded: 1 });
  });

  it('leaves an unprocessed change out while its deadline is still ahead', () => {
    const pending = records({
      payrollPeriods: [{ ...MAY, paymentsMade: 10 }],
      payrollChanges: [change('2017-05-11T10:00:00Z', null)],
    });
    expect(payrollChangesByDeadline(pending, YEAR, { asOf: at('2017-05-12T12:00:00Z') })).toMatchObject({
      status: 'no_data',
      excluded: 1,
    });
    expect(payrollChangesByDeadline(pending, YEAR, { asOf: at('2017-05-13T12:00:00Z') })).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });

  it('attributes payroll records to the year of their period, whatever the pay date', () => {
    const march = { ...MAY, periodStart: '2018-03-01', paymentsMade: 1_000 };
    const april = { ...MAY, periodStart: '2018-04-01', paymentsMade: 1_000 };
    const errorIn = (periodStart: string): PayrollErrorRecord => ({
      payrollCode: MAY.payrollCode,
      periodStart,
      causedBy: 'partnership',
      description: 'test',
    });
    const both = records({
      payrollPeriods: [march, april],
      payrollErrors: [errorIn('2018-03-01'), errorIn('2018-04-01')],
    });
    expect(payrollErrorRate(both, YEAR)).toMatchObject({ numerator: 1, denominator: 1_000 });
  });

  it('refuses records that point at a pay period it does not have', () => {
    const orphan = records({
      payrollPeriods: [{ ...MAY, paymentsMade: 10 }],
      payrollChanges: [{ ...change('2017-05-10T09:00:00Z', null), payrollCode: 'NOPE' }],
    });
    expect(() => payrollChangesByDeadline(orphan, YEAR)).toThrow(PerformanceDataError);
    const orphanError = records({
      payrollPeriods: [{ ...MAY, paymentsMade: 10 }],
      payrollErrors: [{ payrollCode: 'NOPE', periodStart: MAY.periodStart, causedBy: 'partnership', description: 'x' }],
    });
    expect(() => payrollErrorRate(orphanError, YEAR)).toThrow(PerformanceDataError);
  });
});

describe('DBS checks within two working days (England and Wales)', () => {
  it.each([
    // [why, information complete, last instant within, first instant outside]
    ['Monday 10:00 BST: Wednesday 17:00', '2017-05-08T09:00:00Z', '2017-05-10T16:00:00Z', '2017-05-10T16:00:01Z'],
    [
      'Monday 18:30 BST, after closing: Tuesday is the day of receipt, so Thursday 17:00',
      '2017-05-08T17:30:00Z',
      '2017-05-11T16:00:00Z',
      '2017-05-11T16:00:01Z',
    ],
    [
      'Thursday before Easter 2017: Good Friday and Easter Monday do not count, so Wednesday 19 April',
      '2017-04-13T09:00:00Z',
      '2017-04-19T16:00:00Z',
      '2017-04-19T16:00:01Z',
    ],
    [
      'Friday 22 December 2017: Christmas Day and Boxing Day do not count, so Thursday 28 December',
      '2017-12-22T11:00:00Z',
      '2017-12-28T17:00:00Z',
      '2017-12-28T17:00:01Z',
    ],
    [
      'Friday 29 December 2017: New Year bank holiday Monday, so Wednesday 3 January (2 January is only a holiday in Scotland)',
      '2017-12-29T10:00:00Z',
      '2018-01-03T17:00:00Z',
      '2018-01-03T17:00:01Z',
    ],
    [
      'Saturday: Monday is the day of receipt, so Wednesday 17:00',
      '2017-05-13T10:00:00Z',
      '2017-05-17T16:00:00Z',
      '2017-05-17T16:00:01Z',
    ],
  ])('%s', (_why, complete, lastWithin, firstOutside) => {
    const outcome = dbsChecksWithinTwoWorkingDays(
      records({ dbsChecks: [dbs(complete, lastWithin), dbs(complete, firstOutside)] }),
      YEAR,
    );
    expect(outcome).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('starts the clock when the information is complete, not when the form arrives', () => {
    const chased: DbsCheckRecord = {
      reference: 'DBS-CHASED',
      receivedAt: at('2017-05-01T09:00:00Z'), // two weeks waiting for the applicant
      informationCompleteAt: at('2017-05-15T09:00:00Z'),
      processedAt: at('2017-05-16T09:00:00Z'),
    };
    const incomplete: DbsCheckRecord = { ...chased, informationCompleteAt: null, processedAt: null };
    expect(dbsChecksWithinTwoWorkingDays(records({ dbsChecks: [chased, incomplete] }), YEAR)).toMatchObject({
      numerator: 1,
      denominator: 1,
      excluded: 1,
    });
  });

  it('belongs to the fiscal year of the London date the information was complete', () => {
    // 31 March 2018 22:30Z is 23:30 BST, still 2017/18; 23:30Z is 00:30 BST on 1 April, 2018/19.
    const lastEvening = dbs('2018-03-31T22:30:00Z', '2018-04-03T09:00:00Z');
    const firstMorning = dbs('2018-03-31T23:30:00Z', '2018-04-03T09:00:00Z');
    const both = records({ dbsChecks: [lastEvening, firstMorning] });
    expect(dbsChecksWithinTwoWorkingDays(both, YEAR).denominator).toBe(1);
    expect(dbsChecksWithinTwoWorkingDays(both, fiscalYearPeriod(parseFiscalYear('2018/19'))).denominator).toBe(1);
  });

  it('also gives the local 24- and 48-hour measures, in elapsed hours', () => {
    // Friday 10:00 BST, processed Monday 09:30 BST: within two working days, not within 48 hours.
    const overWeekend = dbs('2017-05-12T09:00:00Z', '2017-05-15T08:30:00Z');
    const sameDay = dbs('2017-05-12T09:00:00Z', '2017-05-12T15:00:00Z');
    const nextDay = dbs('2017-05-11T09:00:00Z', '2017-05-12T10:00:00Z');
    const checks = records({ dbsChecks: [overWeekend, sameDay, nextDay] });
    expect(dbsChecksWithinTwoWorkingDays(checks, YEAR)).toMatchObject({ numerator: 3, denominator: 3 });
    expect(dbsChecksWithinHours(checks, YEAR, 24)).toMatchObject({ numerator: 1, denominator: 3, display: '33%' });
    expect(dbsChecksWithinHours(checks, YEAR, 48)).toMatchObject({ numerator: 2, denominator: 3, display: '66.7%' });
  });
});

describe('ICT', () => {
  it('leaves unresolved contacts out of first-contact resolution and unrated ones out of satisfaction', () => {
    const contacts = records({
      ictRequests: [
        ict({ firstContactResolution: true, satisfactionScore: 5 }),
        ict({ firstContactResolution: false, satisfactionScore: 3 }),
        ict({ firstContactResolution: null, satisfactionScore: null }),
      ],
    });
    expect(ictFirstContactResolution(contacts, YEAR)).toMatchObject({ numerator: 1, denominator: 2, excluded: 1 });
    expect(ictSatisfaction(contacts, YEAR)).toMatchObject({ numerator: 1, denominator: 2, excluded: 1 });
  });

  it('counts a contact still awaiting a response as missed once its 30 minutes are over', () => {
    const waiting = records({ ictRequests: [ict({ firstRespondedAt: null })] });
    expect(ictResponseWithin30Minutes(waiting, YEAR, { asOf: at('2017-06-05T09:20:00Z') }).status).toBe('no_data');
    expect(ictResponseWithin30Minutes(waiting, YEAR, { asOf: at('2017-06-05T09:31:00Z') })).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });

  it('reports a single month, as the report does for February 2018 satisfaction', () => {
    const february = monthPeriod('2018-02');
    expect(february.firstDay).toBe('2018-02-01');
    expect(february.lastDay).toBe('2018-02-28');
    const contacts = records({
      ictRequests: [
        ict({ raisedAt: at('2018-02-01T00:00:00Z'), satisfactionScore: 5 }),
        ict({ raisedAt: at('2018-02-28T23:59:59Z'), satisfactionScore: 4 }),
        ict({ raisedAt: at('2018-03-01T00:00:00Z'), satisfactionScore: 1 }),
      ],
    });
    expect(ictSatisfaction(contacts, february)).toMatchObject({ numerator: 2, denominator: 2, display: '100%' });
  });
});

describe('periods', () => {
  it('runs a fiscal year from London midnight on 1 April to London midnight on the next 1 April', () => {
    expect(YEAR.start.toISOString()).toBe('2017-03-31T23:00:00.000Z');
    expect(YEAR.end.toISOString()).toBe('2018-03-31T23:00:00.000Z');
    const winter = reportingPeriod('2018-01-01', '2018-01-31');
    expect(winter.start.toISOString()).toBe('2018-01-01T00:00:00.000Z');
    expect(winter.end.toISOString()).toBe('2018-02-01T00:00:00.000Z');
  });

  it('takes the last day for a year-to-date report, and refuses one outside the year', () => {
    const contacts = records({
      ictRequests: [ict({ raisedAt: at('2018-02-28T12:00:00Z') }), ict({ raisedAt: at('2018-03-01T12:00:00Z') })],
    });
    const yearToDate = performanceReport('2017/18', contacts, { through: '2018-02-28' });
    expect(yearToDate.yearToDate).toBe(true);
    expect(yearToDate.period.lastDay).toBe('2018-02-28');
    expect(yearToDate.indicators.find((i) => i.code === 'ict-first-contact-resolution')?.denominator).toBe(1);
    expect(performanceReport(parseFiscalYear('2017/18'), contacts).yearToDate).toBe(false);
    expect(() => performanceReport('2017/18', contacts, { through: '2018-04-01' })).toThrow(RangeError);
    expect(() => performanceReport('2017-18', contacts)).toThrow();
  });
});

describe('rounding for display', () => {
  it.each([
    [1, 3, 0, 33],
    [2, 3, 0, 67],
    [1, 8, 1, 12.5],
    [1, 16, 1, 6.3], // 6.25 rounds half up
    [5, 10_000, 1, 0.1], // 0.05 rounds half up
    [4, 10_000, 1, 0],
    [995, 1_000, 0, 99], // never 100 % short of all of them
    [1_000, 1_000, 0, 100],
  ])('%i / %i to %i decimals is %d', (numerator, denominator, decimals, expected) => {
    expect(roundedPercent(numerator, denominator, decimals)).toBe(expected);
  });

  it('prints as the report does', () => {
    expect(formatPercent(3, 1_000, 1)).toBe('0.3%');
    expect(formatPercent(98, 100, 0)).toBe('98%');
  });
});
