import { DateTime } from 'luxon';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ValidationError } from '../errors/domain-error.ts';

/**
 * UK public-sector fiscal years: 1 April to 31 March, written '2017/18' (as the source documents
 * and every council finance report write them). A year is identified by the calendar year it
 * starts in. Dates are civil dates in Europe/London, because "which year does this payment fall
 * in" is asked of the council's calendar, not of UTC: 23:30Z on 31 March 2018 was 00:30 BST on
 * 1 April, so it belongs to 2018/19.
 *
 * Functions carry a fiscal-year prefix (`nextFiscalYear`, not `next`) so the core package can
 * re-export this module beside money's `compare` and friends without a name clash.
 */

export const LONDON_ZONE = 'Europe/London';

/** Start years accepted: wide enough for any historical or planning horizon, four digits always. */
export const MIN_START_YEAR = 1900;
export const MAX_START_YEAR = 2998;

// Type-only brand so every FiscalYear has passed through the range check.
declare const fiscalYearBrand: unique symbol;

export type FiscalYear = {
  /** The calendar year of its 1 April: 2017 for 2017/18. */
  readonly startYear: number;
  readonly [fiscalYearBrand]: true;
};

export interface FiscalQuarter {
  readonly quarter: 1 | 2 | 3 | 4;
  /** 'YYYY-MM' months, in order. */
  readonly months: readonly [string, string, string];
  readonly startDate: string;
  readonly endDate: string;
}

interface FieldOption {
  /** The input path reported on the ValidationError, e.g. 'input.fromFiscalYear'. */
  field?: string;
}

/** The fiscal year starting 1 April of `startYear`. */
export function fiscalYearStarting(startYear: number, options: FieldOption = {}): FiscalYear {
  if (!Number.isInteger(startYear) || startYear < MIN_START_YEAR || startYear > MAX_START_YEAR) {
    throw new ValidationError(
      `Fiscal years must start between ${MIN_START_YEAR} and ${MAX_START_YEAR}, got ${startYear}`,
      options.field ?? null,
      CORE_ERRORS.INVALID_FISCAL_YEAR,
    );
  }
  return Object.freeze({ startYear }) as FiscalYear;
}

// Only the canonical form. '2017-18', '17/18' and '2017/2018' are all refused rather than
// normalised: the written form is also the storage and display form, and one spelling keeps
// CSV exports, seeds and GraphQL arguments comparable as plain strings.
const CANONICAL = /^([0-9]{4})\/([0-9]{2})$/;

/** Reads '2017/18'. The two years must be consecutive ('2017/19' is refused; '1999/00' is fine). */
export function parseFiscalYear(text: string, options: FieldOption = {}): FiscalYear {
  const field = options.field ?? null;
  const match = typeof text === 'string' ? CANONICAL.exec(text) : null;
  if (match === null) {
    throw new ValidationError(
      `"${String(text).slice(0, 20)}" is not a fiscal year: write it as YYYY/YY, such as "2017/18"`,
      field,
      CORE_ERRORS.INVALID_FISCAL_YEAR,
    );
  }
  const startYear = Number.parseInt(match[1]!, 10);
  const endSuffix = Number.parseInt(match[2]!, 10);
  if ((startYear + 1) % 100 !== endSuffix) {
    throw new ValidationError(
      `"${text}" is not a fiscal year: the years must be consecutive, such as "2017/18"`,
      field,
      CORE_ERRORS.INVALID_FISCAL_YEAR,
    );
  }
  return fiscalYearStarting(startYear, options);
}

/** '2017/18'. */
export function formatFiscalYear(year: FiscalYear): string {
  const suffix = String((year.startYear + 1) % 100).padStart(2, '0');
  return `${year.startYear}/${suffix}`;
}

/** First day, as an ISO date: '2017-04-01'. */
export function fiscalYearStartDate(year: FiscalYear): string {
  return `${year.startYear}-04-01`;
}

/** Last day, as an ISO date: '2018-03-31'. */
export function fiscalYearEndDate(year: FiscalYear): string {
  return `${year.startYear + 1}-03-31`;
}

// A date, optionally followed by a time. Luxon's fromISO alone would also take '2018' or
// '2018-W13', which would quietly answer for 1 January or a week; those are not dates we accept.
const ISO_DATE_OR_DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T.+)?$/;

/**
 * The fiscal year a moment or date falls in, judged on the London calendar.
 * - a Date or Luxon DateTime is an instant, converted to London time;
 * - '2018-03-31' is a London calendar date as written;
 * - '2018-03-31T23:30:00Z' (with Z or an offset) is an instant, converted to London time;
 * - '2018-03-31T23:30:00' (no offset) is London local time.
 */
export function fiscalYearOf(when: string | Date | DateTime, options: FieldOption = {}): FiscalYear {
  const local = toLondon(when, options.field ?? null);
  return fiscalYearStarting(local.month >= 4 ? local.year : local.year - 1, options);
}

/** The fiscal year in progress at `now` in London. */
export function currentFiscalYear(now: Date = new Date()): FiscalYear {
  return fiscalYearOf(now);
}

/** Whether the date or instant falls within the year (same London rules as fiscalYearOf). */
export function fiscalYearContains(year: FiscalYear, when: string | Date | DateTime): boolean {
  return fiscalYearOf(when).startYear === year.startYear;
}

export function nextFiscalYear(year: FiscalYear): FiscalYear {
  return fiscalYearStarting(year.startYear + 1);
}

export function previousFiscalYear(year: FiscalYear): FiscalYear {
  return fiscalYearStarting(year.startYear - 1);
}

/** -1, 0 or 1, for sorting. */
export function compareFiscalYears(a: FiscalYear, b: FiscalYear): -1 | 0 | 1 {
  return a.startYear < b.startYear ? -1 : a.startYear > b.startYear ? 1 : 0;
}

export function fiscalYearsEqual(a: FiscalYear, b: FiscalYear): boolean {
  return a.startYear === b.startYear;
}

/** Every year from `from` to `to`, both included. A reversed range is refused, not emptied. */
export function fiscalYearRange(from: FiscalYear, to: FiscalYear, options: FieldOption = {}): FiscalYear[] {
  if (from.startYear > to.startYear) {
    throw new ValidationError(
      `The range starts at ${formatFiscalYear(from)}, after its end ${formatFiscalYear(to)}`,
      options.field ?? null,
      CORE_ERRORS.INVALID_FISCAL_YEAR,
    );
  }
  return Array.from({ length: to.startYear - from.startYear + 1 }, (_, i) => fiscalYearStarting(from.startYear + i));
}

/** The twelve months in order, for monthly instalments: ['2017-04', ..., '2018-03']. */
export function monthsOf(year: FiscalYear): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1; // April is month 4; i = 9 wraps to January
    const calendarYear = i < 9 ? year.startYear : year.startYear + 1;
    return `${calendarYear}-${String(month).padStart(2, '0')}`;
  });
}

/** The four quarters, Q1 = April to June, for quarterly instalments. */
export function quartersOf(year: FiscalYear): FiscalQuarter[] {
  const months = monthsOf(year);
  // Last days are fixed: no fiscal quarter ends in February, so leap years never matter.
  const lastDays = ['06-30', '09-30', '12-31', '03-31'];
  return ([1, 2, 3, 4] as const).map((quarter, i) => {
    const quarterMonths = [months[i * 3]!, months[i * 3 + 1]!, months[i * 3 + 2]!] as const;
    const endYear = quarter === 4 ? year.startYear + 1 : year.startYear;
    return {
      quarter,
      months: quarterMonths,
      startDate: `${quarterMonths[0]}-01`,
      endDate: `${endYear}-${lastDays[i]}`,
    };
  });
}

function toLondon(when: string | Date | DateTime, field: string | null): DateTime {
  let local: DateTime;
  if (typeof when === 'string') {
    if (!ISO_DATE_OR_DATE_TIME.test(when)) {
      throw new ValidationError(
        `"${when.slice(0, 40)}" is not an ISO date such as "2018-03-31"`,
        field,
        CORE_ERRORS.INVALID_DATE,
      );
    }
    local = DateTime.fromISO(when, { zone: LONDON_ZONE });
  } else if (when instanceof Date) {
    local = DateTime.fromJSDate(when, { zone: LONDON_ZONE });
  } else {
    local = when.setZone(LONDON_ZONE);
  }
  if (!local.isValid) {
    throw new ValidationError(`"${String(when).slice(0, 40)}" is not a valid date`, field, CORE_ERRORS.INVALID_DATE);
  }
  return local;
}
