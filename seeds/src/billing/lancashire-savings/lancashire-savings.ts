// Lancashire's affordability reduction and the savings that cover it, from the "Financial
// Benefits" section of the partnership performance report (April 2017 to February 2018). Each
// figure is the table's own, in £000s; each record carries the words it comes from, and a test
// finds them in the document.

export const LANCASHIRE_REPORT = 'lancashire-partnership-performance-report.txt';
export const CUSTOMER_SLUG = 'lancashire-county-council';
export const PARTNER_SLUG = 'bt-lancashire-services';

/**
 * When the seeded entries were recorded. The document gives no date for its table; it reports
 * "April 2017 to February 2018", so the entries are dated at the end of that period. Reading the
 * ledger as of 1 March 2018 gives the table as reported.
 */
export const REPORTED_AT = '2018-02-28T17:00:00Z';

export interface SeedReduction {
  key: string;
  thousands: number;
  fromFiscalYear: number;
  quote: string;
}

export const lancashireReductions: SeedReduction[] = [
  { key: 'reduction-2015', thousands: 1_000, fromFiscalYear: 2015, quote: '£1m in 2015/16' },
  { key: 'reduction-2017', thousands: 2_000, fromFiscalYear: 2017, quote: 'a further £2m in 2017/18' },
];

export const REDUCTION_REASON =
  'LCC approached BT Lancashire Services to ask if it could reduce the annual affordability charge to Lancashire County Council by a value of £3m';

export interface SeedSavingsLine {
  key: string;
  /** The table's row heading, verbatim. */
  title: string;
  category:
    | 'return_of_affordability'
    | 'licence_reduction'
    | 'site_reduction'
    | 'printing'
    | 'telephony'
    | 'staffing'
    | 'policy_change';
  /** Null: counted against the affordability charge; otherwise the customer's other budget. */
  budgetName: string | null;
  /** The 2017/18 column, £000s. */
  saving2017: number;
  /** The 2018/19 column ("Estimated Annual Saving 2018/19"), £000s. */
  estimate2018: number;
  /** Whether the 2017/18 figure was still an estimate when reported. */
  estimated2017: boolean;
}

const TELEPHONY_BUDGET = "Lancashire County Council's wider non corporate telephony budget";

/**
 * The table's eleven lines, in its order. 2017/18 figures are recorded as actuals except the one
 * the report calls estimated ("Savings delivered ... against Lancashire County Council's wider
 * non corporate telephony budget in 2017/18 are estimated and may change following the closure of
 * the accounts"); 2018/19 figures are all estimates. The document does not say whether each
 * saving is cashable; all are reductions of money paid, so they are recorded as cashable and
 * recurring ("These are the annual savings").
 */
export const lancashireSavingsLines: SeedSavingsLine[] = [
  {
    key: 'schedule-11',
    title: 'Return of Schedule 11 affordability',
    category: 'return_of_affordability',
    budgetName: null,
    saving2017: 1_000,
    estimate2018: 1_000,
    estimated2017: false,
  },
  {
    key: 'secondee-vrs',
    title: 'Return of affordability due to LCC funding VRs for 2 BT Lancashire Services secondees',
    category: 'return_of_affordability',
    budgetName: null,
    saving2017: 64,
    estimate2018: 125,
    estimated2017: false,
  },
  {
    key: 'payroll-recruitment-reorganisation',
    title: 'Payroll & Recruitment reorganisation, staff savings generated.',
    category: 'staffing',
    budgetName: null,
    saving2017: 0,
    estimate2018: 174,
    estimated2017: false,
  },
  {
    key: 'avaya-replacement',
    title: 'Licence reduction - Avaya replacement with Anana',
    category: 'licence_reduction',
    budgetName: null,
    saving2017: 141,
    estimate2018: 141,
    estimated2017: false,
  },
  {
    key: 'vblock-refresh',
    title: 'Licence reduction - vBlock refresh',
    category: 'licence_reduction',
    budgetName: null,
    saving2017: 63,
    estimate2018: 63,
    estimated2017: false,
  },
  {
    key: 'enhanced-firewalls',
    title: 'Licence reduction - Enhanced Firewalls project',
    category: 'licence_reduction',
    budgetName: null,
    saving2017: 23,
    estimate2018: 23,
    estimated2017: false,
  },
  {
    key: 'site-reductions',
    title: 'Site Reductions - Savings against affordability due to Skype for Business rollout and site closures',
    category: 'site_reduction',
    budgetName: null,
    saving2017: 200,
    estimate2018: 200,
    estimated2017: false,
  },
  {
    key: 'printing-strategy',
    title:
      'Printing Strategy - Maximisation of the use of the Xerox contract and associated equipment. Lancashire County Council share of savings against the affordability. Reduction against affordability can vary slightly each year.',
    category: 'printing',
    budgetName: null,
    saving2017: 197,
    estimate2018: 197,
    estimated2017: false,
  },
  {
    key: 'mobile-telephony',
    title:
      'Mobile telephony - Gross savings on new contract. Note that net savings are less due to Lancashire County Council spend on new mobile devices.',
    category: 'telephony',
    budgetName: null,
    saving2017: 548,
    estimate2018: 548,
    estimated2017: false,
  },
  {
    key: 'dbs-policy',
    title:
      'Disclosure Barring Service - Change in policy no longer require rechecking every 3 years. Reduction against affordability can vary slightly each year.',
    category: 'policy_change',
    budgetName: null,
    saving2017: 100,
    estimate2018: 100,
    estimated2017: false,
  },
  {
    key: 'non-corporate-telephony',
    title:
      "Savings delivered by BT Lancashire Services against Lancashire County Council's wider non corporate telephony budget due to the Skype for Business rollout. Savings achieved are net of the cost of re-opening of libraries.",
    category: 'telephony',
    budgetName: TELEPHONY_BUDGET,
    saving2017: 140,
    estimate2018: 234,
    estimated2017: true,
  },
];

/** The table's "Total" row, £000s: what the reconciliation must reproduce from the lines. */
export const LANCASHIRE_TABLE_TOTALS = { 2017: 2_476, 2018: 2_805 } as const;
export const TOTALS_QUOTE = 'Total 2,476 2,805';

/** The opportunity the council turned down. */
export const lancashireRejectedOpportunity = {
  key: 'oracle-support',
  title: 'Move Oracle support to a non-Oracle provider',
  quote:
    'Not all were acceptable to Lancashire County Council, for example the moving of Oracle support to a non-Oracle provider',
  reason: 'Not acceptable to Lancashire County Council',
};
