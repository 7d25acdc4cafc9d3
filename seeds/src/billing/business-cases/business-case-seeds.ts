/**
 * Three business cases as their source documents state them, figure for figure:
 * - Northumberland's strategic change business case (its savings summary and investment summary,
 *   with the chapters' own figures in pounds where a chapter gives the same line);
 * - North East Lincolnshire Care Trust Plus's agile working case (its payback periods);
 * - the Lincolnshire Public Sector Working Group's shared ICT support (its five-year figures).
 *
 * Every line and stated figure carries a quote that is verbatim in its document once runs of
 * whitespace are collapsed (the documents are text dumps of Word tables); the seed test finds each
 * one and checks that the amounts, written the document's way, are in the quote. Nothing is
 * "fixed": where the document's rounded tables differ from the sums of its own lines, the lines are
 * stored exactly and the table's figure is a stated figure, so the API shows both and the difference.
 */

export const NORTHUMBERLAND_BUSINESS_CASE_FILE = 'northumberland-strategic-change-business-case.txt';
export const NELCTP_CASE_STUDY_FILE = 'nelctp-agile-working-case-study.txt';
export const LINCOLNSHIRE_SHARED_ICT_FILE = 'lincolnshire-shared-ict-support.txt';

/**
 * How an amount is written in its quote: 'pounds' as £1,234,567; 'thousands' as 1,235 (the
 * summary tables, all figures in £000s); 'k' as £254k; 'm' as £1.371m.
 */
export type WrittenAs = 'pounds' | 'thousands' | 'k' | 'm';

export interface SeedWorkstream {
  key: string;
  name: string;
  /** Whole pounds. */
  low: number | null;
  high: number | null;
  quote: string | null;
}

export interface SeedLine {
  key: string;
  workstream: string | null;
  name: string;
  kind: 'saving' | 'investment';
  recurrence: 'recurring' | 'one_off';
  cashable: boolean;
  writtenAs: WrittenAs;
  /** Year 1, 2, 3... in the unit of `writtenAs` (thousands for 'thousands'); 0 where the year has none. */
  profile?: readonly number[];
  /** The total over the term when the document gives no profile, in the unit of `writtenAs`. */
  term?: number;
  quote: string;
  note?: string;
}

export interface SeedStatedFigure {
  key: string;
  label: string;
  measure:
    | 'lines_total'
    | 'gross_recurring_savings'
    | 'recurring_investment'
    | 'net_recurring_savings'
    | 'one_off_investment'
    | 'savings_low'
    | 'savings_high'
    | 'cashable_savings_over_term'
    | 'non_cashable_benefits_over_term'
    | 'payback_months';
  year?: number;
  writtenAs?: WrittenAs;
  /** In the unit of `writtenAs`. */
  amount?: number;
  months?: number;
  comparator?: 'exactly' | 'less_than' | 'up_to';
  lines?: readonly string[];
  quote: string;
}

export interface SeedBusinessCase {
  key: string;
  organisationSlug: string;
  document: string;
  title: string;
  summary: string;
  firstFiscalYear: number | null;
  termYears: number;
  /** The document's words for the term (or for Year 1), when it gives them. */
  termQuote: string | null;
  workstreams: readonly SeedWorkstream[];
  lines: readonly SeedLine[];
  statedFigures: readonly SeedStatedFigure[];
}

/** Pence of an amount written in a unit. */
export function seedPence(amount: number, writtenAs: WrittenAs): bigint {
  const pounds =
    writtenAs === 'thousands' || writtenAs === 'k' ? amount * 1000 : writtenAs === 'm' ? amount * 1_000_000 : amount;
  if (!Number.isSafeInteger(Math.round(pounds * 100)) || Math.abs(pounds * 100 - Math.round(pounds * 100)) > 1e-6) {
    throw new Error(`Seed amount ${amount} ${writtenAs} is not a whole number of pence`);
  }
  return BigInt(Math.round(pounds * 100));
}

const NORTHUMBERLAND_SUMMARY =
  'Savings summary and investment summary of the strategic change business case (draft). The summary tables are in £000s; where a chapter gives the same line in pounds (and its total agrees with the summary to the thousand), the line is kept in pounds. Left out as the summary leaves them out: the ERP options appraisal (£70,000) and the leadership training (£10,000).';

const northumberland: SeedBusinessCase = {
  key: 'northumberland-strategic-change',
  organisationSlug: 'northumberland-county-council',
  document: NORTHUMBERLAND_BUSINESS_CASE_FILE,
  title: 'Strategic Change Business Case',
  summary: NORTHUMBERLAND_SUMMARY,
  firstFiscalYear: null,
  termYears: 3,
  termQuote: 'By the end of Year 3, the council will be spending at least £17.9m less per year than it is today.',
  workstreams: [
    { key: 'bvfm', name: 'Best Value for Money', low: 7_200_000, high: 8_000_000, quote: '£7.2m Low £8.0m High' },
    { key: 'bicc', name: 'Best in Class Commissioning', low: 5_000_000, high: 21_000_000, quote: '£5m Low £21m High' },
    { key: 'bstc', name: 'Best Service to Customers', low: 3_000_000, high: 4_650_000, quote: '£3m £4.65m Low High' },
    { key: 'bour', name: 'Best Use of Resources', low: 1_975_000, high: 3_250_000, quote: '£1.975m Low £3.25m High' },
    { key: 'boua', name: 'Best Use of Assets', low: 255_000, high: 255_000, quote: '£255,000 Low £255,000 High' },
    { key: 'bout', name: 'Best Use of Technology', low: 500_000, high: 1_000_000, quote: '£500k £1m Low High' },
    { key: 'bto', name: 'Best Talent and Opportunities', low: null, high: null, quote: null },
  ],
  lines: [
    // Recurring savings (cashable).
    {
      key: 'bvfm',
      workstream: 'bvfm',
      name: 'Best Value for Money (savings summary)',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'thousands',
      profile: [1_352, 4_343, 2_187],
      quote: 'Best Value for Money 1,352 4,343 2,187 7,883',
      note: "The savings summary's figures in £000s: the chapter's own tables (adult social care, shared lives, home to school transport, Communities First, local services) give no year profile that adds up to them, local services having no year split.",
    },
    {
      key: 'bicc-third-party',
      workstream: 'bicc',
      name: 'Spend with third parties',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 516_000, 516_000],
      quote: 'Savings - £516,000 £516,000 £1,033,000',
      note: 'Excluding ICT spend (counted under Best Use of Technology). The table states a total of £1,033,000 for years of £516,000 and £516,000.',
    },
    {
      key: 'bicc-category',
      workstream: 'bicc',
      name: 'Category management',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [500_000, 2_000_000, 1_500_000],
      quote: 'Savings £500,000 £2,000,000 £1,500,000 £4,000,000',
    },
    {
      key: 'bstc',
      workstream: 'bstc',
      name: 'Customer programme: integration, insight, proactive and digital services',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [582_500, 1_746_500, 1_166_500],
      quote: 'Savings £582,500 £1,746,500 £1,166,500 £3,495,500',
    },
    {
      key: 'bour-business-support',
      workstream: 'bour',
      name: 'Corporate Business Support',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 1_500_000, 0],
      quote: 'Savings - £1,500,000 - £1,500,000',
    },
    {
      key: 'bour-specialisms',
      workstream: 'bour',
      name: 'Other professional specialisms',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 250_000, 125_000],
      quote: 'Savings - £250,000 £125,000 £375,000',
    },
    {
      key: 'bour-transactions-hub',
      workstream: 'bour',
      name: 'Employee Service Centre and Transactions Hub',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 225_000, 112_500],
      quote: 'Savings - £225,000 £112,500 £337,500',
    },
    {
      key: 'boua-building',
      workstream: 'boua',
      name: 'Building management',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [100_000],
      quote: 'Building Management £100,000 - - £100,000',
    },
    {
      key: 'boua-cleaning',
      workstream: 'boua',
      name: 'Cleaning cost model',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [105_000],
      quote: 'Cleaning Cost Model £105,000 - - £105,000',
    },
    {
      key: 'boua-dlo',
      workstream: 'boua',
      name: 'Housing DLO',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [50_000],
      quote: 'Housing DLO £50,000 - - £50,000',
    },
    {
      key: 'bout-architecture',
      workstream: 'bout',
      name: 'Streamlined technical architecture: ICT licences, support and maintenance',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 300_000, 300_000],
      quote: 'Savings £300,000 £300,000 £600,000',
    },
    // Recurring investments (ongoing costs, in the net savings).
    {
      key: 'inv-communities-first',
      workstream: 'bvfm',
      name: 'Communities First: shift to community provision',
      kind: 'investment',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 188_188, 251_353],
      quote: 'Investment (£188,188) (£251,353) (£439,541)',
      note: 'The chapter phases it over Years 2 and 3; the summary tables put all of (439) in Year 2.',
    },
    {
      key: 'inv-transport-back-office',
      workstream: 'bvfm',
      name: 'Home to School Transport: back-office team',
      kind: 'investment',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [150_000],
      quote: 'Investment in back-office team (£150,000) - - (£150,000)',
    },
    {
      key: 'inv-transport-itt',
      workstream: 'bvfm',
      name: 'Home to School Transport: ITT team',
      kind: 'investment',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [50_000, 50_000],
      quote: 'Investment in ITT team (£50,000) (£50,000) - (100,000)',
    },
    {
      key: 'inv-category',
      workstream: 'bicc',
      name: 'Category management',
      kind: 'investment',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [150_000, 150_000],
      quote: 'Investment (recurring) (£150,000) (£150,000) (£300,000)',
    },
    {
      key: 'inv-digital',
      workstream: 'bstc',
      name: 'Digital service design',
      kind: 'investment',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [290_000, 260_000],
      quote: 'Investment (recurring) (£290,000) (£260,000) (£550,000)',
    },
    // One-off transformation investment (the investment summary).
    {
      key: 'oo-programme',
      workstream: null,
      name: 'Programme management',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [221, 295, 295],
      quote: '<i>Programme Management</i> 221 295 295 812',
    },
    {
      key: 'oo-backfill',
      workstream: null,
      name: 'HR and change: backfill',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [200, 200, 200],
      quote: '<i>HR and Change – Backfill</i> 200 200 200 600',
    },
    {
      key: 'oo-careers-site',
      workstream: 'bto',
      name: 'Careers site',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'pounds',
      profile: [50_000],
      quote: 'Careers Site (£50,000) (£50,000)',
    },
    {
      key: 'oo-tribepad',
      workstream: 'bto',
      name: 'Tribepad recruitment app',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'pounds',
      profile: [48_730, 33_430, 33_430],
      quote: 'Tribepad (£48,730) (£33,430) (£33,430) (£115,590)',
    },
    {
      key: 'oo-icasework',
      workstream: 'bout',
      name: 'iCasework case management',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'pounds',
      profile: [116_500, 45_000, 45_000],
      quote: 'iCasework (£116,500) (£45,000) (£45,000) (£206,500)',
    },
    {
      key: 'oo-office-365',
      workstream: 'bout',
      name: 'Office 365 (Microsoft 365 E5)',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 0, 394_715],
      quote: 'Microsoft 365 E5 (£394,715) (£394,715)',
    },
    {
      key: 'oo-fix-my-street',
      workstream: 'bout',
      name: 'Fix My Street application',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'pounds',
      profile: [50_000, 38_000, 38_000],
      quote: 'Fix My Street (£50,000) (£38,000) (£38,000) (£126,000)',
    },
    {
      key: 'oo-service-desk',
      workstream: 'bout',
      name: 'Service desk solution',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [0, 150, 0],
      quote: '<i>Service Desk Solution</i> 150 150',
      note: "The investment summary's figure. The technology chapter gives (£30,000) in Year 1 and (£150,000) in Year 2, (£180,000) in all: not the same figure once rounded, so the summary's is kept and the chapter's is a stated figure beside it.",
    },
    {
      key: 'oo-pmo',
      workstream: null,
      name: 'Commissioned support: PMO support',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [96, 96, 48],
      quote: '<i>PMO Support</i> 96 96 48 240',
    },
    {
      key: 'oo-cs-bvfm',
      workstream: 'bvfm',
      name: 'Commissioned support: Best Value for Money',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [907, 1_045, 23],
      quote: '<i>Best Value for Money</i> 907 1,045 23 1,975',
    },
    {
      key: 'oo-cs-bicc',
      workstream: 'bicc',
      name: 'Commissioned support: Best in Class Commissioning',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [415],
      quote: '<i>Best in Class Commissioning</i> 415 415',
    },
    {
      key: 'oo-cs-bstc',
      workstream: 'bstc',
      name: 'Commissioned support: Best Service to Customers',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [672, 293],
      quote: '<i>Best Service to Customers</i> 672 293 965',
    },
    {
      key: 'oo-cs-bour',
      workstream: 'bour',
      name: 'Commissioned support: Best Use of Resources',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [320, 205],
      quote: '<i>Best Use of Resources</i> 320 205 525',
    },
    {
      key: 'oo-cs-bout',
      workstream: 'bout',
      name: 'Commissioned support: Best Use of Technology',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [360],
      quote: '<i>Best Use of Technology</i> 360 360',
    },
    {
      key: 'oo-cs-bto',
      workstream: 'bto',
      name: 'Commissioned support: Best Talent and Opportunities',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'thousands',
      profile: [525, 160],
      quote: '<i>Best Talent and Opportunities</i> 525 160 685',
    },
  ],
  statedFigures: [
    // The savings summary (£000s).
    {
      key: 'summary-bvfm',
      label: 'Savings summary: Best Value for Money',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 7_883,
      lines: ['bvfm'],
      quote: 'Best Value for Money 1,352 4,343 2,187 7,883',
    },
    {
      key: 'summary-bicc',
      label: 'Savings summary: Best in Class Commissioning',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 5_033,
      lines: ['bicc-third-party', 'bicc-category'],
      quote: 'Best in Class Commissioning 500 2,516 2,016 5,033',
    },
    {
      key: 'summary-bstc',
      label: 'Savings summary: Best Service to Customers',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 3_495,
      lines: ['bstc'],
      quote: 'Best Service to Customers 582 1,746 1,166 3,495',
    },
    {
      key: 'summary-bour',
      label: 'Savings summary: Best Use of Resources',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 2_212,
      lines: ['bour-business-support', 'bour-specialisms', 'bour-transactions-hub'],
      quote: 'Best Use of Resources - 1,975 237 2,212',
    },
    {
      key: 'summary-bour-year-3',
      label: 'Savings summary: Best Use of Resources, Year 3',
      measure: 'lines_total',
      year: 3,
      writtenAs: 'thousands',
      amount: 237,
      lines: ['bour-business-support', 'bour-specialisms', 'bour-transactions-hub'],
      quote: 'Best Use of Resources - 1,975 237 2,212',
    },
    {
      key: 'summary-boua',
      label: 'Savings summary: Best Use of Assets',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 255,
      lines: ['boua-building', 'boua-cleaning', 'boua-dlo'],
      quote: 'Best Use of Assets 255 - - 255',
    },
    {
      key: 'summary-bout',
      label: 'Savings summary: Best Use of Technology',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 600,
      lines: ['bout-architecture'],
      quote: 'Best Use of Technology - 300 300 600',
    },
    {
      key: 'third-party-total',
      label: 'Spend with third parties: total of savings opportunities',
      measure: 'lines_total',
      writtenAs: 'pounds',
      amount: 1_033_000,
      lines: ['bicc-third-party'],
      quote: 'Savings - £516,000 £516,000 £1,033,000',
    },
    {
      key: 'gross',
      label: 'Savings summary: gross total',
      measure: 'gross_recurring_savings',
      writtenAs: 'thousands',
      amount: 19_479,
      quote: 'Gross Total 19,479',
    },
    {
      key: 'summary-communities-first',
      label: 'Recurring investments: Communities First',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 439,
      lines: ['inv-communities-first'],
      quote: '<i>Communities First</i> - (439) - (439)',
    },
    {
      key: 'summary-communities-first-year-2',
      label: 'Recurring investments: Communities First, Year 2',
      measure: 'lines_total',
      year: 2,
      writtenAs: 'thousands',
      amount: 439,
      lines: ['inv-communities-first'],
      quote: '<i>Communities First</i> - (439) - (439)',
    },
    {
      key: 'summary-transport',
      label: 'Recurring investments: Home to School Transport',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 250,
      lines: ['inv-transport-back-office', 'inv-transport-itt'],
      quote: '<i>Home to School Transport</i> (200) (50) (250)',
    },
    {
      key: 'summary-category',
      label: 'Recurring investments: Category Management',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 300,
      lines: ['inv-category'],
      quote: '<i>Category Management</i> (150) (150) - (300)',
    },
    {
      key: 'summary-digital',
      label: 'Recurring investments: Digital Service Design',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 550,
      lines: ['inv-digital'],
      quote: '<i>Digital Service Design</i> (290) (260) - (550)',
    },
    {
      key: 'recurring-investment',
      label: 'Savings summary: investments total',
      measure: 'recurring_investment',
      writtenAs: 'thousands',
      amount: 1_539,
      quote: 'Investments Total - - - (1,539)',
    },
    ...[640, 899, 0].map(
      (amount, index): SeedStatedFigure => ({
        key: `service-investments-year-${index + 1}`,
        label: `Service investments: total, Year ${index + 1}`,
        measure: 'lines_total',
        year: index + 1,
        writtenAs: 'thousands',
        amount,
        lines: [
          'inv-communities-first',
          'inv-transport-back-office',
          'inv-transport-itt',
          'inv-category',
          'inv-digital',
        ],
        quote: 'Total 640 899 - 1,539',
      }),
    ),
    {
      key: 'net',
      label: 'Savings summary: net savings total',
      measure: 'net_recurring_savings',
      writtenAs: 'thousands',
      amount: 17_940,
      quote: 'Net Savings Total 17,940',
    },
    // The investment summary (£000s): one-off transformation costs.
    {
      key: 'people',
      label: 'Investment summary: People',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 1_412,
      lines: ['oo-programme', 'oo-backfill'],
      quote: 'People 1,412',
    },
    {
      key: 'programme',
      label: 'Investment summary: Programme Management',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 812,
      lines: ['oo-programme'],
      quote: '<i>Programme Management</i> 221 295 295 812',
    },
    {
      key: 'technology',
      label: 'Investment summary: Technology',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 1_043,
      lines: ['oo-careers-site', 'oo-tribepad', 'oo-icasework', 'oo-office-365', 'oo-fix-my-street', 'oo-service-desk'],
      quote: 'Technology 265 116 511 1,043',
    },
    ...[265, 116, 511].map(
      (amount, index): SeedStatedFigure => ({
        key: `technology-year-${index + 1}`,
        label: `Investment summary: Technology, Year ${index + 1}`,
        measure: 'lines_total',
        year: index + 1,
        writtenAs: 'thousands',
        amount,
        lines: [
          'oo-careers-site',
          'oo-tribepad',
          'oo-icasework',
          'oo-office-365',
          'oo-fix-my-street',
          'oo-service-desk',
        ],
        quote: 'Technology 265 116 511 1,043',
      }),
    ),
    {
      key: 'tribepad',
      label: 'Investment summary: Tribepad Recruitment App',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 116,
      lines: ['oo-tribepad'],
      quote: '<i>Tribepad Recruitment App</i> 49 33 33 116',
    },
    {
      key: 'icasework',
      label: 'Investment summary: iCasework Case Management',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 206,
      lines: ['oo-icasework'],
      quote: '<i>iCasework Case Management</i> 116 45 45 206',
    },
    {
      key: 'office-365',
      label: 'Investment summary: Office 365',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 395,
      lines: ['oo-office-365'],
      quote: '<i>Office 365</i> 395 395',
    },
    {
      key: 'service-desk-chapter',
      label: 'Line of business applications: Service Desk Solution',
      measure: 'lines_total',
      writtenAs: 'pounds',
      amount: 180_000,
      lines: ['oo-service-desk'],
      quote: 'Service Desk Solution (£30,000) (£150,000) (£180,000)',
    },
    {
      key: 'commissioned-support',
      label: 'Investment summary: Commissioned Support',
      measure: 'lines_total',
      writtenAs: 'thousands',
      amount: 5_165,
      lines: ['oo-pmo', 'oo-cs-bvfm', 'oo-cs-bicc', 'oo-cs-bstc', 'oo-cs-bour', 'oo-cs-bout', 'oo-cs-bto'],
      quote: 'Commissioned Support 5,165',
    },
    {
      key: 'one-off',
      label: 'Investment summary: total one-off transformation costs',
      measure: 'one_off_investment',
      writtenAs: 'thousands',
      amount: 7_620,
      quote: 'Total 7,620',
    },
    // The savings range.
    {
      key: 'low',
      label: 'Total savings available: low',
      measure: 'savings_low',
      writtenAs: 'm',
      amount: 17.9,
      quote: '£17.9m Low £38.2m High',
    },
    {
      key: 'high',
      label: 'Total savings available: high',
      measure: 'savings_high',
      writtenAs: 'm',
      amount: 38.2,
      quote: '£17.9m Low £38.2m High',
    },
    {
      key: 'stretch',
      label: 'Savings if the stretch targets are achieved',
      measure: 'savings_high',
      writtenAs: 'm',
      amount: 38.5,
      comparator: 'up_to',
      quote: 'This could be as high as £38.5m if the council achieves the stretch targets',
    },
  ],
};

const northEastLincolnshire: SeedBusinessCase = {
  key: 'nelctp-agile-working',
  organisationSlug: 'north-east-lincolnshire-care-trust-plus',
  document: NELCTP_CASE_STUDY_FILE,
  title: 'Agile programme: flexible working at North East Lincolnshire Care Trust Plus',
  summary:
    'Flexible working and property consolidation (BT Workstyle Managed Services, implementation from April 2010, a three year managed service). The case study states the savings reached and the payback periods, not the costs, so the payback periods are kept as stated and cannot be recomputed.',
  firstFiscalYear: 2010,
  termYears: 3,
  termQuote: 'implementation began in April 2010',
  workstreams: [],
  lines: [
    {
      key: 'buildings-travel-recruitment',
      workstream: null,
      name: 'Buildings, travel and recruitment: combined ongoing annual savings',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'pounds',
      profile: [0, 0, 444_000],
      quote: 'combined ongoing annual savings from buildings, travel and recruitment will reach £444,000 by April 2012',
      note: 'The study gives only the level reached by April 2012, so it is the annual saving from Year 3 (2012/13); how it built up in 2010/11 and 2011/12 is not stated.',
    },
  ],
  statedFigures: [
    {
      key: 'annual-savings',
      label: 'Combined ongoing annual savings by April 2012',
      measure: 'gross_recurring_savings',
      writtenAs: 'pounds',
      amount: 444_000,
      quote: 'combined ongoing annual savings from buildings, travel and recruitment will reach £444,000 by April 2012',
    },
    {
      key: 'payback-buildings',
      label: 'Payback of the costs of setting up the buildings for flexible working',
      measure: 'payback_months',
      months: 30,
      quote:
        'The payback period for the costs associated with setting up the buildings for flexible working is two and a half years',
    },
    {
      key: 'payback-all-cashable',
      label: 'Payback including all cashable savings',
      measure: 'payback_months',
      months: 12,
      comparator: 'less_than',
      quote: 'including all cashable savings, the payback period is less than one year',
    },
  ],
};

const lincolnshire: SeedBusinessCase = {
  key: 'lincolnshire-shared-ict-support',
  organisationSlug: 'lincolnshire-public-sector-working-group',
  document: LINCOLNSHIRE_SHARED_ICT_FILE,
  title: 'Shared ICT support across Lincolnshire',
  summary:
    'Shared disaster recovery, IT skills expertise and out of hours support between the partner councils, funded by an East Midlands Centre of Excellence grant. Figures forecast with the RSe Brent Return On Investment model over five years from commencement; the study gives five-year totals only, so they are spread evenly over the term.',
  firstFiscalYear: null,
  termYears: 5,
  termQuote: 'over a period of 5 years from commencement of this project',
  workstreams: [],
  lines: [
    {
      key: 'cashable',
      workstream: null,
      name: 'Cashable savings (less reliance on contract and agency staff)',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: true,
      writtenAs: 'k',
      term: 254,
      quote: 'Cashable savings totalling £254k',
    },
    {
      key: 'non-cashable',
      workstream: null,
      name: 'Non-cashable benefits',
      kind: 'saving',
      recurrence: 'recurring',
      cashable: false,
      writtenAs: 'm',
      term: 1.371,
      quote: 'non-cashable benefits totalling £1.371m',
    },
    {
      key: 'grant',
      workstream: null,
      name: 'EMCE grant allocation funding the project',
      kind: 'investment',
      recurrence: 'one_off',
      cashable: true,
      writtenAs: 'k',
      profile: [90],
      quote: 'provided a grant allocation of £90k to fund this project',
    },
  ],
  statedFigures: [
    {
      key: 'cashable-five-years',
      label: 'Cashable savings over five years',
      measure: 'cashable_savings_over_term',
      writtenAs: 'k',
      amount: 254,
      quote: 'Cashable savings totalling £254k',
    },
    {
      key: 'non-cashable-five-years',
      label: 'Non-cashable benefits over five years',
      measure: 'non_cashable_benefits_over_term',
      writtenAs: 'm',
      amount: 1.371,
      quote: 'non-cashable benefits totalling £1.371m',
    },
  ],
};

export const SEED_BUSINESS_CASES: readonly SeedBusinessCase[] = [northumberland, northEastLincolnshire, lincolnshire];
