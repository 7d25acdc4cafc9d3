/**
 * The performance figures of the Lancashire County Council / BT Lancashire Services partnership,
 * as typed from seeds/source-documents/lancashire-partnership-performance-report.txt ("the
 * report"): the key performance indicator table for 2014/15 to 2017/18, the figures its text gives,
 * and the volumes. generate-lancashire-records.ts builds records that reproduce them; its test
 * recomputes every figure with `performanceReport` and checks each quote against the document.
 *
 * Quotes are verbatim once runs of whitespace are collapsed to one space (the document is a text
 * dump of a Word table: cells are separated by tabs and blank lines).
 *
 * What the report does not give is marked 'assumed' with the reason: it has no per-year ICT
 * figures at all (its ICT section states levels reached in 2017/18), and no ICT volume, for which
 * Northumberland's service-desk volume stands in, as issue 4 does.
 */
import type { IndicatorCode } from '@ssp/services';

export const LANCASHIRE_REPORT = 'lancashire-partnership-performance-report.txt';
export const NORTHUMBERLAND_BUSINESS_CASE = 'northumberland-strategic-change-business-case.txt';

export const LANCASHIRE_FISCAL_YEARS = ['2014/15', '2015/16', '2016/17', '2017/18'] as const;
export type LancashireFiscalYear = (typeof LANCASHIRE_FISCAL_YEARS)[number];

/**
 * The last day each year's figures cover. The 2017/18 column is headed "Year to date" and the
 * report "covers April 2017 to February 2018", so that year stops at the end of February.
 */
export const LANCASHIRE_COVERAGE: Readonly<Record<LancashireFiscalYear, { through: string; quote: string }>> =
  Object.freeze({
    '2014/15': { through: '2015-03-31', quote: 'Service Level Agreement Target 2014/15 2015/16 2016/17' },
    '2015/16': { through: '2016-03-31', quote: 'Service Level Agreement Target 2014/15 2015/16 2016/17' },
    '2016/17': { through: '2017-03-31', quote: 'Service Level Agreement Target 2014/15 2015/16 2016/17' },
    '2017/18': { through: '2018-02-28', quote: 'The report covers April 2017 to February 2018.' },
  });

/** The table's header row: its four figure columns are the four years, in LANCASHIRE_FISCAL_YEARS order. */
export const KPI_TABLE_HEADER_QUOTE = 'Service Level Agreement Target 2014/15 2015/16 2016/17 Year to date 2017/18';

export type FigureBasis =
  /** Printed in the report's table for that year. */
  | 'report-table'
  /** The report's text gives a bound ("over 75%"); the printed value is chosen inside it. */
  | 'assumed-within-reported-bound'
  /** The report gives nothing for the year; a plausible value, explained in `assumption`. */
  | 'assumed';

export interface KpiFigure {
  readonly indicatorCode: IndicatorCode;
  readonly fiscalYear: LancashireFiscalYear;
  /** Null for a whole (or year-to-date) fiscal year; 'YYYY-MM' for a one-month figure. */
  readonly month: string | null;
  /** As printed: '0.3%'. What the generated records must reproduce, rounded as the report rounds. */
  readonly printed: string;
  readonly value: number;
  readonly decimals: number;
  readonly basis: FigureBasis;
  /**
   * For 'report-table': the table row, whose n-th figure after the target is this year's (n =
   * `column`). For the others: the report's words for the bound or level, or null.
   */
  readonly quote: string | null;
  /** 0-3: the table column (2014/15 ... Year to date 2017/18); null outside the table. */
  readonly column: number | null;
  /** A bound the report states, which the exact figure must respect: "over 95%" is { gt: 95 }. */
  readonly reportedBound: { readonly gt: number } | null;
  readonly assumption: string | null;
}

const ERROR_RATE_ROW = 'Annual Error Rate Service Level Agreement Target <0.4% 0.3% 0.1% 0.1% 0.1%';
const CHANGES_ROW =
  '% of Changes processed by the published payroll deadline Service Level Agreement Target 99% 100% 100% 100% 100%';
const DBS_ROW =
  '% Disclosure and Barring Service checks processed within two working days of receiving necessary information Service Level Agreement Target 75% 95% 100% 98% 100%';

const percent = (printed: string): { value: number; decimals: number } => {
  const digits = printed.replace('%', '');
  const point = digits.indexOf('.');
  return { value: Number(digits), decimals: point === -1 ? 0 : digits.length - point - 1 };
};

function tableRow(indicatorCode: IndicatorCode, row: string, printed: readonly string[]): KpiFigure[] {
  return LANCASHIRE_FISCAL_YEARS.map((fiscalYear, column) => {
    const figure = printed[column]!;
    return {
      indicatorCode,
      fiscalYear,
      month: null,
      printed: figure,
      ...percent(figure),
      basis: 'report-table',
      quote: row,
      column,
      reportedBound: null,
      assumption: null,
    };
  });
}

function assumed(
  indicatorCode: IndicatorCode,
  fiscalYear: LancashireFiscalYear,
  printed: string,
  assumption: string,
  reported: { quote: string; gt: number; month?: string } | null = null,
): KpiFigure {
  return {
    indicatorCode,
    fiscalYear,
    month: reported?.month ?? null,
    printed,
    ...percent(printed),
    basis: reported === null ? 'assumed' : 'assumed-within-reported-bound',
    quote: reported?.quote ?? null,
    column: null,
    reportedBound: reported === null ? null : { gt: reported.gt },
    assumption,
  };
}

// The ICT section is about 2017/18 ("Customer satisfaction on the Service Centre has significantly
// improved this year"), so earlier years are set a little lower than 2017/18 but still meeting
// the platform's targets: the report says "All contractual performance targets are currently
// being met" and gives no sign of earlier failures.
const ICT_EARLIER_YEARS =
  'The report gives no ICT figures before 2017/18; a plausible level below the 2017/18 one, meeting the target.';

const FCR_QUOTE = 'allows the team to resolve over 75% of all incidents at first point of contact';
const SATISFACTION_QUOTE = 'In February 2018 over 95% of customers rated the service as excellent or good.';

/** Every fiscal-year figure performanceReport must reproduce, indicator by indicator, year by year. */
export const LANCASHIRE_KPI_FIGURES: readonly KpiFigure[] = Object.freeze([
  ...tableRow('payroll-error-rate', ERROR_RATE_ROW, ['0.3%', '0.1%', '0.1%', '0.1%']),
  ...tableRow('payroll-changes-by-deadline', CHANGES_ROW, ['100%', '100%', '100%', '100%']),
  ...tableRow('dbs-checks-within-two-working-days', DBS_ROW, ['95%', '100%', '98%', '100%']),

  assumed('ict-first-contact-resolution', '2014/15', '76%', ICT_EARLIER_YEARS),
  assumed('ict-first-contact-resolution', '2015/16', '76%', ICT_EARLIER_YEARS),
  assumed('ict-first-contact-resolution', '2016/17', '77%', ICT_EARLIER_YEARS),
  assumed('ict-first-contact-resolution', '2017/18', '78%', 'The report says "over 75%" without the exact figure.', {
    quote: FCR_QUOTE,
    gt: 75,
  }),

  // The 30-minute response has no reported share in any year; the portal's "dedicated resource"
  // arrived with the new Service Centre, so 2017/18 is set highest.
  assumed('ict-response-within-30-minutes', '2014/15', '92%', ICT_EARLIER_YEARS),
  assumed('ict-response-within-30-minutes', '2015/16', '93%', ICT_EARLIER_YEARS),
  assumed('ict-response-within-30-minutes', '2016/17', '93%', ICT_EARLIER_YEARS),
  assumed(
    'ict-response-within-30-minutes',
    '2017/18',
    '96%',
    'The report states the commitment ("dedicated resource ready to respond to new requests within 30 minutes of submission") but no share.',
  ),

  assumed('ict-satisfaction-good-or-excellent', '2014/15', '88%', ICT_EARLIER_YEARS),
  assumed('ict-satisfaction-good-or-excellent', '2015/16', '88%', ICT_EARLIER_YEARS),
  assumed('ict-satisfaction-good-or-excellent', '2016/17', '89%', ICT_EARLIER_YEARS),
  assumed(
    'ict-satisfaction-good-or-excellent',
    '2017/18',
    '93%',
    'The report gives February 2018 only; the year to date is set between the earlier years and February, as satisfaction "significantly improved this year".',
  ),
]);

/** One-month figures: February 2018 satisfaction, the only monthly figure the report gives. */
export const LANCASHIRE_MONTHLY_FIGURES: readonly KpiFigure[] = Object.freeze([
  assumed(
    'ict-satisfaction-good-or-excellent',
    '2017/18',
    '96%',
    'The report says "over 95%" without the exact figure.',
    { quote: SATISFACTION_QUOTE, gt: 95, month: '2018-02' },
  ),
]);

/**
 * The DBS turnaround the report gives for calendar 2017 (not a fiscal year), against the local
 * 48-hour indicator: "85% of Disclosure and Barring Service forms in 2017 were processed within
 * 24hrs, 1 day ahead of key performance indicators, 99.7% of the forms processed within 48 hours".
 * Calendar 2017 spans the last quarter of 2016/17 and most of 2017/18.
 */
export interface CalendarYearFigure {
  readonly indicatorCode: 'dbs-checks-within-24-hours' | 'dbs-checks-within-48-hours';
  readonly calendarYear: number;
  readonly printed: string;
  readonly value: number;
  readonly decimals: number;
  readonly quote: string;
}

export const LANCASHIRE_CALENDAR_2017_DBS_FIGURES: readonly CalendarYearFigure[] = Object.freeze([
  {
    indicatorCode: 'dbs-checks-within-24-hours',
    calendarYear: 2017,
    printed: '85%',
    ...percent('85%'),
    quote: '85% of Disclosure and Barring Service forms in 2017 were processed within 24hrs',
  },
  {
    indicatorCode: 'dbs-checks-within-48-hours',
    calendarYear: 2017,
    printed: '99.7%',
    ...percent('99.7%'),
    quote: '99.7% of the forms processed within 48 hours, well ahead of 75% key performance indicators',
  },
]);

// ---------------------------------------------------------------------------------------------
// Volumes.

export interface VolumeFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly quote: string;
  readonly document: string;
  /** How the generator uses it, or why it does not. */
  readonly use: string;
}

export const LANCASHIRE_VOLUMES = Object.freeze({
  salaryPaymentsPerAnnum: {
    name: 'Salary payments per annum',
    value: 480_000,
    unit: 'payments a year',
    quote: 'The service processes in excess of 480,000 salary payments per annum',
    document: LANCASHIRE_REPORT,
    // "in excess of" is a floor; the floor is the benchmark's scale and keeps 40,000 a month.
    use: 'Payments in each full year 2014/15 to 2016/17: 40,000 a month.',
  },
  paymentsPerMonth2017: {
    name: 'Salary payments per month (2017/18)',
    value: 43_000,
    unit: 'payments a month',
    quote: 'are currently only at 0.1% of 43,000 payments per month',
    document: LANCASHIRE_REPORT,
    use: 'Payments in each month of 2017/18: 11 months, 473,000 to the end of February (516,000 a year, "in excess of 480,000").',
  },
  dbsChecksPerAnnum: {
    name: 'Disclosure and Barring Service checks per annum',
    value: 13_000,
    unit: 'checks a year',
    quote: 'in excess of 13,000 Disclosure and Barring Checks',
    document: LANCASHIRE_REPORT,
    use: 'Checks in each full year; 2017/18 (11 months) has 13,000 x 11/12 = 11,917.',
  },
  dbsFormsPerAnnum: {
    name: 'DBS forms per annum (automation scope)',
    value: 13_000,
    unit: 'forms a year',
    quote: 'to process circa 13,000 forms per annum',
    document: LANCASHIRE_REPORT,
    use: 'Confirms the check volume.',
  },
  ictContactsPerAnnum: {
    name: 'ICT service-desk requests and incidents per annum',
    value: 47_000,
    unit: 'contacts a year',
    quote: 'There are around 47,000 requests and incidents reported to the service desk each year',
    // Lancashire's report gives no ICT volume; issue 4 sets Lancashire's scale with this figure.
    document: NORTHUMBERLAND_BUSINESS_CASE,
    use: 'ICT contacts in each full year (Northumberland stands in for Lancashire); 2017/18 has 47,000 x 11/12 = 43,083.',
  },
  employees: {
    name: 'Employees served by payroll and recruitment',
    value: 40_000,
    unit: 'employees',
    quote: 'circa 40,000 employees',
    document: LANCASHIRE_REPORT,
    use: 'Sizes the payrolls (about one payment per employee a month).',
  },
  schoolsAndAcademies: {
    name: 'Schools and academies served',
    value: 560,
    unit: 'schools and academies',
    quote: 'in excess of 560 Schools and Academies',
    document: LANCASHIRE_REPORT,
    use: 'Context for the schools and academies payrolls.',
  },
  apprenticeshipLevyPayrolls: {
    name: 'New payrolls for the apprenticeship levy (from April 2017)',
    value: 8,
    unit: 'payrolls',
    quote: 'eight new payrolls were successfully created',
    document: LANCASHIRE_REPORT,
    use: 'Eight more payrolls run from 2017/18.',
  },
  contractLetters2017: {
    name: 'Contract letters issued in calendar 2017',
    value: 16_000,
    unit: 'letters',
    quote:
      'Over 16,000 contract letters issued in 2017, on average within 5 days from Oracle system change, 5 days ahead of key performance indicators',
    document: LANCASHIRE_REPORT,
    use: 'Not generated: contract letters are not among the performance records (their local target, 10 days, is an average, not a share).',
  },
} satisfies Record<string, VolumeFigure>);

/** Other figures the report gives that no record here reproduces, kept so nothing is silently dropped. */
export const LANCASHIRE_OTHER_FIGURES: readonly { readonly quote: string; readonly why: string }[] = Object.freeze([
  {
    quote:
      'circa 86% of Lancashire County Council staff felt the service provided to them by the service Exceeded Expectations / Good, 13% Satisfactory and less than 1% Not Satisfactory',
    why: 'Recruitment customer feedback over January 2016 - January 2018, a survey this platform does not record.',
  },
  {
    quote: "83% rated the event 'overall' between 4 and 5, with 5 being excellent",
    why: "BT Lancashire Services' own staff event feedback, not a service indicator.",
  },
]);
