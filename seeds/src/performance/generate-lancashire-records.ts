/**
 * Generates Lancashire's payroll, recruitment and ICT records for 2014/15 to 2017/18 at the
 * partnership's scale, such that `performanceReport` over them reproduces the report's figures
 * (lancashire-kpi-figures.ts) to the precision the report prints them. Deterministic: a seeded PRNG
 * (mulberry32), never Math.random, one stream per year and per service line, so the same options
 * give the same records and one year does not shift when another is added.
 *
 * How a figure is reproduced: for each indicator the generator first fixes the denominator from
 * the volumes (480,000 payments, 13,000 DBS checks, 47,000 ICT contacts a year, or as documented),
 * then draws a numerator at random among the integers whose percentage prints as the report's
 * figure (95 % of 13,000 checks is any of 12,285 ... 12,414; 100 % is exactly all of them), then
 * generates that many records that meet the measure and the rest that miss it. The records are
 * spread over the year's working days in Europe/London (bank holidays included), across many
 * payrolls and periods, with varied turnaround times; nothing is typed in as an answer.
 *
 * Scale: `scale` multiplies every volume (1 = full size). Each printed figure needs enough items
 * for some integer numerator to print as it: whole percentages need about 100 items, the error
 * rate's one decimal about 1,000 payments. From scale 0.02 up every fiscal-year figure reproduces
 * (the satisfaction sample, whose size is the generator's choice, is nudged to a size that can);
 * below that the generator throws rather than produce a different figure. The calendar-2017 DBS
 * turnaround figures (85 % in 24 hours, 99.7 % in 48) are hit exactly at full scale and only
 * approximately at small scales (their 0.1 % resolution needs thousands of checks).
 *
 * Assumptions the report does not settle are named beside the constant that holds them.
 */
import { addWorkingDays, addWorkingMillis, isWorkingDay, workingCalendar, workingMillisBetween } from '@ssp/core';
import type {
  DbsCheckRecord,
  IctRequestRecord,
  PayrollChangeKind,
  PayrollChangeRecord,
  PayrollErrorRecord,
  PayrollPeriodRecord,
  PerformanceRecords,
  SatisfactionScore,
} from '@ssp/services';
import { type IndicatorCode, monthPeriod, reportingPeriod, roundedPercent } from '@ssp/services';
import {
  type KpiFigure,
  LANCASHIRE_CALENDAR_2017_DBS_FIGURES,
  LANCASHIRE_COVERAGE,
  LANCASHIRE_FISCAL_YEARS,
  LANCASHIRE_KPI_FIGURES,
  LANCASHIRE_MONTHLY_FIGURES,
  LANCASHIRE_VOLUMES,
  type LancashireFiscalYear,
} from './lancashire-kpi-figures.ts';

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

/** A string hash (cyrb53's mixing, folded to 32 bits) to seed a stream from a readable label. */
function hashSeed(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    this.state = hashSeed(seed);
  }

  /** mulberry32: small, fast and good enough for test data; [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** `count` distinct indices from 0 to size - 1. */
  sample(size: number, count: number): number[] {
    if (count > size) throw new RangeError(`Cannot pick ${count} of ${size}`);
    return this.shuffle(Array.from({ length: size }, (_, i) => i)).slice(0, count);
  }
}

/** Picks by weight in O(log n) once built. */
class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    for (const item of items) {
      this.total += weight(item);
      this.cumulative.push(this.total);
    }
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low]!;
  }
}

/** Splits `total` by weights into integers that sum to it exactly (largest remainder), each at least `minimum`. */
function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = minimum * weights.length;
  if (total < floor)
    throw new RangeError(`Cannot give ${weights.length} shares at least ${minimum} each from ${total}`);
  const free = total - floor;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (free * weight) / sum);
  const shares = exact.map(Math.floor);
  let left = free - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) }));
  order.sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares.map((share) => share + minimum);
}

// ---------------------------------------------------------------------------------------------
// Counts that print as the report's figures.

interface PrintedFigure {
  readonly printed: string;
  readonly value: number;
  readonly decimals: number;
  readonly reportedBound?: { readonly gt: number } | null;
}

/** Every numerator k (0..n) whose k/n prints as the figure and respects its bound. */
function numeratorsPrintingAs(n: number, figure: PrintedFigure): number[] {
  if (n <= 0) return [];
  const centre = (figure.value * n) / 100;
  const span = Math.ceil((n * 10 ** -figure.decimals) / 100) + 2;
  const found: number[] = [];
  for (let k = Math.max(0, Math.floor(centre - span)); k <= Math.min(n, Math.ceil(centre + span)); k += 1) {
    if (roundedPercent(k, n, figure.decimals) !== figure.value) continue;
    if (figure.reportedBound && !(k * 100 > figure.reportedBound.gt * n)) continue;
    found.push(k);
  }
  return found;
}

export class ScaleTooSmallError extends RangeError {
  constructor(message: string) {
    super(`${message}; generate at a larger scale`);
    this.name = 'ScaleTooSmallError';
  }
}

const noCount = (what: string, n: number, printed: string): ScaleTooSmallError =>
  new ScaleTooSmallError(`${what}: no count out of ${n} prints as ${printed}`);

/** A numerator drawn among those that print as the figure. */
function numeratorFor(random: SeededRandom, n: number, figure: PrintedFigure, what: string): number {
  const candidates = numeratorsPrintingAs(n, figure);
  if (candidates.length === 0) throw noCount(what, n, figure.printed);
  return random.pick(candidates);
}

/** As numeratorFor, but settles for the nearest count when none prints as the figure (small scales). */
function nearestNumeratorFor(random: SeededRandom, n: number, figure: PrintedFigure): number {
  const candidates = numeratorsPrintingAs(n, figure);
  return candidates.length > 0 ? random.pick(candidates) : Math.round((figure.value * n) / 100);
}

/**
 * For a sample whose size is ours to choose (who answers a survey): the size nearest `wanted` for
 * which some numerator prints as the figure.
 */
function sampleSizeFor(wanted: number, figure: PrintedFigure, what: string, limit: number): number {
  for (let delta = 0; delta <= Math.max(50, wanted); delta += 1) {
    for (const n of [wanted + delta, wanted - delta]) {
      if (n > 0 && n <= limit && numeratorsPrintingAs(n, figure).length > 0) return n;
    }
  }
  throw noCount(what, wanted, figure.printed);
}

function figureFor(code: IndicatorCode, fiscalYear: LancashireFiscalYear): KpiFigure {
  const figure = LANCASHIRE_KPI_FIGURES.find((f) => f.indicatorCode === code && f.fiscalYear === fiscalYear);
  if (figure === undefined) throw new Error(`No ${code} figure for ${fiscalYear}`);
  return figure;
}

// ---------------------------------------------------------------------------------------------
// Days and instants, on the England and Wales calendar in Europe/London.

const CALENDAR = workingCalendar('england_and_wales');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const WORKING_DAY_MS = 8 * HOUR_MS;

interface Day {
  readonly iso: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  /** 0 Sunday ... 6 Saturday. */
  readonly weekday: number;
  /** 09:00 and 17:00 London on a working day; on other days noon UTC, for weekend contacts. */
  readonly opens: number;
  readonly closes: number;
  readonly working: boolean;
  /** Whether the next day is a working day: evening arrivals are only generated then. */
  readonly beforeWorkingDay: boolean;
}

const isoOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
const utcOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Every day from first to last (both included). */
function daysBetween(first: string, last: string): Day[] {
  const days: Day[] = [];
  for (let time = utcOf(first); time <= utcOf(last); time += DAY_MS) {
    const iso = isoOf(time);
    const working = isWorkingDay(iso, CALENDAR);
    // UTC midnight is 00:00 or 01:00 London on the same date, before opening, so the close of
    // business on the "day of receipt" is that date's 17:00 London; the day holds exactly eight
    // working hours (clocks change on Sundays), so it opened eight hours earlier.
    const closes = working ? addWorkingDays(new Date(time), 0, CALENDAR).getTime() : time + 12 * HOUR_MS;
    days.push({
      iso,
      month: iso.slice(0, 7),
      weekday: new Date(time).getUTCDay(),
      opens: working ? closes - WORKING_DAY_MS : time + 9 * HOUR_MS,
      closes,
      working,
      beforeWorkingDay: isWorkingDay(isoOf(time + DAY_MS), CALENDAR),
    });
  }
  return days;
}

/**
 * An instant to the second in the day's business hours, optionally skewed towards the morning and
 * ending `marginMinutes` before closing.
 */
function inHours(random: SeededRandom, day: Day, morningSkew = 1, marginMinutes = 0): number {
  const minutes = Math.floor(random.next() ** morningSkew * (480 - marginMinutes));
  return day.opens + minutes * MINUTE_MS + random.int(0, 59) * 1000;
}

/** A moment of working time in (from, to], drawn with `skew` > 1 favouring early moments. */
function workingMomentIn(random: SeededRandom, from: number, to: number, skew = 1): number {
  const available = workingMillisBetween(new Date(from), new Date(to), CALENDAR);
  if (available < MINUTE_MS) throw new Error('No working time in the window');
  // Whole seconds: systems record these times to the second.
  const offset = MINUTE_MS + Math.floor((random.next() ** skew * (available - MINUTE_MS)) / 1000) * 1000;
  return addWorkingMillis(new Date(from), offset, CALENDAR).getTime();
}

const workingTimeIn = (from: number, to: number): number =>
  to <= from ? 0 : workingMillisBetween(new Date(from), new Date(to), CALENDAR);

// ---------------------------------------------------------------------------------------------
// The years.

interface YearPlan {
  readonly fiscalYear: LancashireFiscalYear;
  /** '1415', for references. */
  readonly short: string;
  readonly firstDay: string;
  readonly through: string;
  /** 'YYYY-MM', in order, as far as `through`. */
  readonly months: readonly string[];
  /** The year's days, as far as `through`. */
  readonly days: readonly Day[];
  readonly workingDays: readonly Day[];
  /** Working days from six weeks before the year to a fortnight after `through`. */
  readonly widerWorkingDays: readonly Day[];
}

function planYear(fiscalYear: LancashireFiscalYear): YearPlan {
  const startYear = Number(fiscalYear.slice(0, 4));
  const firstDay = `${startYear}-04-01`;
  const through = LANCASHIRE_COVERAGE[fiscalYear].through;
  const wider = daysBetween(isoOf(utcOf(firstDay) - 42 * DAY_MS), isoOf(utcOf(through) + 14 * DAY_MS));
  const days = wider.filter((day) => day.iso >= firstDay && day.iso <= through);
  return {
    fiscalYear,
    short: `${fiscalYear.slice(2, 4)}${fiscalYear.slice(5, 7)}`,
    firstDay,
    through,
    months: [...new Set(days.map((day) => day.month))],
    days,
    workingDays: days.filter((day) => day.working),
    widerWorkingDays: wider.filter((day) => day.working),
  };
}

// ---------------------------------------------------------------------------------------------
// Payroll.

export interface LancashirePayroll {
  readonly code: string;
  readonly name: string;
  readonly frequency: 'monthly';
  /** Share of the month's salary payments (relative weight). */
  readonly weight: number;
  /** The published deadline is 17:00 on this working day of the month. */
  readonly deadlineWorkingDay: number;
  /** First year the payroll runs. */
  readonly from: LancashireFiscalYear;
}

const payroll = (
  code: string,
  name: string,
  weight: number,
  deadlineWorkingDay: number,
  from: LancashireFiscalYear = '2014/15',
): LancashirePayroll => ({ code, name, frequency: 'monthly', weight, deadlineWorkingDay, from });

/**
 * The payrolls. The report names the customers ("Lancashire County Council, Lancashire
 * Constabulary, Lancashire Police and Crime Commissioner, South Ribble Borough Council, West
 * Lancashire Borough Council and in excess of 560 Schools and Academies") and "circa 40,000
 * employees", but not the payrolls: the split below is an assumption, weighted so a month pays
 * 40,000. All are monthly, as the report counts "payments per month". The published deadlines
 * (also assumed) fall on the 8th to 11th working day of the month at 17:00.
 */
const BASE_PAYROLLS: readonly LancashirePayroll[] = [
  payroll('LCC-CORPORATE', 'Lancashire County Council: corporate staff', 12_600, 10),
  payroll('LCC-CASUAL', 'Lancashire County Council: casual and sessional workers', 2_400, 9),
  payroll('LCC-TEACHERS', 'Maintained schools: teachers', 8_800, 8),
  payroll('LCC-SCHOOL-SUPPORT', 'Maintained schools: support staff', 8_200, 8),
  payroll('CONSTABULARY-OFFICERS', 'Lancashire Constabulary: police officers', 2_900, 11),
  payroll('CONSTABULARY-STAFF', 'Lancashire Constabulary: police staff', 2_300, 11),
  payroll('PCC', 'Lancashire Police and Crime Commissioner', 30, 11),
  payroll('SOUTH-RIBBLE', 'South Ribble Borough Council', 420, 10),
  payroll('WEST-LANCASHIRE', 'West Lancashire Borough Council', 480, 10),
  ...[310, 260, 220, 190, 170, 150, 130, 120, 100, 90, 70, 60].map((weight, i) => {
    const n = String(i + 1).padStart(2, '0');
    return payroll(`ACADEMY-${n}`, `Academy trust payroll ${n}`, weight, 8);
  }),
];

/**
 * "eight new payrolls were successfully created to ensure the legislation was fully met": the
 * levy is charged per employer, so (an assumption; the report does not say which) schools whose
 * governing bodies employ their staff, voluntary aided and foundation schools, moved from the
 * maintained-schools payrolls to eight payrolls of their own from April 2017.
 */
const LEVY_PAYROLLS: readonly LancashirePayroll[] = [520, 480, 450, 400, 380, 350, 320, 300].map((weight, i) =>
  payroll(
    `SCHOOLS-LEVY-${i + 1}`,
    `Voluntary aided and foundation schools, group ${i + 1} (apprenticeship levy)`,
    weight,
    8,
    '2017/18',
  ),
);
const LEVY_TOTAL = LEVY_PAYROLLS.reduce((sum, p) => sum + p.weight, 0);

/** The payrolls running in a year, with the weights that year. */
export function lancashirePayrolls(fiscalYear: LancashireFiscalYear): LancashirePayroll[] {
  if (fiscalYear < '2017/18') return [...BASE_PAYROLLS];
  // The levy payrolls' staff came from the maintained-schools payrolls, teachers and support staff alike.
  return [
    ...BASE_PAYROLLS.map((p) =>
      p.code === 'LCC-TEACHERS'
        ? { ...p, weight: p.weight - Math.round(LEVY_TOTAL * 0.53) }
        : p.code === 'LCC-SCHOOL-SUPPORT'
          ? { ...p, weight: p.weight - (LEVY_TOTAL - Math.round(LEVY_TOTAL * 0.53)) }
          : p,
    ),
    ...LEVY_PAYROLLS,
  ];
}

/** Salary payments in each month of the year, at full scale (LANCASHIRE_VOLUMES). */
export function paymentsPerMonth(fiscalYear: LancashireFiscalYear): number {
  return fiscalYear === '2017/18'
    ? LANCASHIRE_VOLUMES.paymentsPerMonth2017.value
    : LANCASHIRE_VOLUMES.salaryPaymentsPerAnnum.value / 12;
}

/**
 * Changes a year at full scale, by kind. The report gives no change volume: assumed from circa
 * 40,000 employees with a fifth of them starting or leaving a year (8,000 each), a pay change for
 * most employees most years (64,000: increments, hours, allowances) and arrears on a fifth of them.
 */
const CHANGES_PER_YEAR: Readonly<Record<PayrollChangeKind, number>> = {
  starter: 8_000,
  leaver: 8_000,
  pay_change: 64_000,
  arrears: 16_000,
};
/** Assumed: changes the customer sends after the deadline; outside the indicator by its definition. */
const LATE_CHANGE_SHARE = 0.03;
/** Assumed: errors the customer causes (late leaver notices, wrong claims) per partnership error. */
const CUSTOMER_ERRORS_PER_PARTNERSHIP_ERROR = 1.6;

const PARTNERSHIP_ERRORS = [
  'Pay change keyed with the wrong effective date',
  'Starter set up on the wrong pay point',
  'Arrears calculated on the wrong hours',
  'Leaver processed with the wrong last working day',
  'Allowance left out of the pay run',
  'Pension contribution taken at the wrong tier',
  'Tax code notice not applied before the pay run',
];
const CUSTOMER_ERRORS = [
  'Leaver notified after the pay run: overpayment',
  'Hours claim submitted at the wrong rate',
  'Starter form returned without bank details',
  'Contract change notified with the wrong effective date',
  'Unpaid absence not notified before the payroll deadline',
];

interface PayrollRecords {
  readonly payrollPeriods: PayrollPeriodRecord[];
  readonly payrollChanges: PayrollChangeRecord[];
  readonly payrollErrors: PayrollErrorRecord[];
}

function generatePayroll(plan: YearPlan, scale: number, random: SeededRandom): PayrollRecords {
  const payrolls = lancashirePayrolls(plan.fiscalYear);
  const monthlyTotal = Math.round(paymentsPerMonth(plan.fiscalYear) * scale);
  if (monthlyTotal < payrolls.length) {
    throw new ScaleTooSmallError(`${monthlyTotal} payments a month cannot pay ${payrolls.length} payrolls`);
  }
  const working = plan.widerWorkingDays;
  const workingIndex = new Map(working.map((day, i) => [day.iso, i]));

  // Periods: payments apportioned by weight with a little month-to-month movement (casual work
  // is seasonal), and the deadline on the payroll's working day of the month.
  const periods: PayrollPeriodRecord[] = [];
  const deadlineDayIndex: number[] = [];
  for (const month of plan.months) {
    const seasonal = payrolls.map(
      (p) => p.weight * (p.code === 'LCC-CASUAL' ? 0.85 + random.next() * 0.3 : 0.99 + random.next() * 0.02),
    );
    const payments = apportion(monthlyTotal, seasonal, 1);
    const monthDays = working.filter((day) => day.month === month);
    payrolls.forEach((p, i) => {
      const deadlineDay = monthDays[p.deadlineWorkingDay - 1]!;
      periods.push({
        payrollCode: p.code,
        periodStart: `${month}-01`,
        publishedDeadline: new Date(deadlineDay.closes),
        paymentsMade: payments[i]!,
      });
      deadlineDayIndex.push(workingIndex.get(deadlineDay.iso)!);
    });
  }
  const totalPayments = periods.reduce((sum, p) => sum + p.paymentsMade, 0);
  const byPayments = new WeightedPicker(
    periods.map((_, i) => i),
    (i) => periods[i]!.paymentsMade,
  );

  // Changes: each kind's yearly volume spread over the periods in proportion to their payments.
  const monthsShare = plan.months.length / 12;
  const kinds = Object.keys(CHANGES_PER_YEAR) as PayrollChangeKind[];
  const kindCounts = kinds.map((kind) => Math.round(CHANGES_PER_YEAR[kind] * monthsShare * scale));
  const totalChanges = kindCounts.reduce((a, b) => a + b, 0);
  const kindOf: PayrollChangeKind[] = random.shuffle(
    kinds.flatMap((kind, i) => Array<PayrollChangeKind>(kindCounts[i]!).fill(kind)),
  );
  const perPeriod = apportion(
    totalChanges,
    periods.map((p) => p.paymentsMade),
  );
  const late = new Set(random.sample(totalChanges, Math.round(totalChanges * LATE_CHANGE_SHARE)));
  const onTime = totalChanges - late.size;
  const changesFigure = figureFor('payroll-changes-by-deadline', plan.fiscalYear);
  const madeDeadline = numeratorFor(random, onTime, changesFigure, `${plan.fiscalYear} payroll changes`);
  const onTimeIndices = Array.from({ length: totalChanges }, (_, i) => i).filter((i) => !late.has(i));
  const missed = new Set(random.sample(onTimeIndices.length, onTime - madeDeadline).map((i) => onTimeIndices[i]!));

  const changes: PayrollChangeRecord[] = [];
  let changeIndex = 0;
  periods.forEach((period, p) => {
    const deadline = period.publishedDeadline.getTime();
    const deadlineIndex = deadlineDayIndex[p]!;
    for (let c = 0; c < perPeriod[p]!; c += 1, changeIndex += 1) {
      const kind = kindOf[changeIndex]!;
      let receivedAt: number;
      let processedAt: number;
      if (late.has(changeIndex)) {
        // Sent in the days after the deadline: it waits for the next pay run.
        receivedAt = inHours(random, working[deadlineIndex + random.int(1, 5)]!);
        processedAt = addWorkingMillis(new Date(receivedAt), random.int(10, 480) * MINUTE_MS, CALENDAR).getTime();
      } else {
        // Arrive over the four weeks up to the deadline, more of them in the last week.
        const daysBefore = Math.floor(random.next() ** 1.6 * 20);
        receivedAt = inHours(random, working[deadlineIndex - daysBefore]!);
        if (missed.has(changeIndex)) {
          // From the close of business on the deadline day, so always after it.
          processedAt = addWorkingMillis(new Date(deadline), random.int(30, 960) * MINUTE_MS, CALENDAR).getTime();
        } else {
          // Processed within two working days of receipt, and always by the deadline.
          const room = workingTimeIn(receivedAt, deadline);
          const delay = Math.min(room, MINUTE_MS * (5 + Math.floor(random.next() ** 2 * 960)));
          processedAt =
            delay < MINUTE_MS ? receivedAt : addWorkingMillis(new Date(receivedAt), delay, CALENDAR).getTime();
        }
      }
      changes.push({
        payrollCode: period.payrollCode,
        periodStart: period.periodStart,
        kind,
        receivedAt: new Date(receivedAt),
        processedAt: new Date(processedAt),
      });
    }
  });
  changes.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.payrollCode.localeCompare(b.payrollCode));

  // Errors: the partnership's count prints as the year's error rate over the year's payments.
  const errorFigure = figureFor('payroll-error-rate', plan.fiscalYear);
  const partnershipErrors = numeratorFor(random, totalPayments, errorFigure, `${plan.fiscalYear} payroll errors`);
  const customerErrors = Math.round(partnershipErrors * CUSTOMER_ERRORS_PER_PARTNERSHIP_ERROR);
  const errors: PayrollErrorRecord[] = [];
  for (let e = 0; e < partnershipErrors + customerErrors; e += 1) {
    const period = periods[byPayments.pick(random)]!;
    const causedBy = e < partnershipErrors ? 'partnership' : 'customer';
    errors.push({
      payrollCode: period.payrollCode,
      periodStart: period.periodStart,
      causedBy,
      description: random.pick(causedBy === 'partnership' ? PARTNERSHIP_ERRORS : CUSTOMER_ERRORS),
    });
  }
  errors.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.payrollCode.localeCompare(b.payrollCode));
  return { payrollPeriods: periods, payrollChanges: changes, payrollErrors: errors };
}

// ---------------------------------------------------------------------------------------------
// DBS checks.

/** Assumed seasonality: schools recruit for September; December is quiet. Index 0 = January. */
const DBS_MONTH_WEIGHTS = [1, 1, 1, 0.9, 1, 1.1, 1.2, 1, 1.2, 1, 0.95, 0.7];
/** Assumed: forms arriving complete; the rest wait for missing information for 1-10 working days. */
const DBS_COMPLETE_ON_RECEIPT = 0.55;
/** Assumed: information completed online in the evening (Monday to Thursday, before a working day). */
const DBS_EVENING_SHARE = 0.04;
/**
 * Turnaround outside calendar 2017, for checks within two working days: the report's 2017 shares
 * (85 % within 24 hours, 99.7 % within 48), a little looser.
 */
const DBS_TURNAROUND = { within24: 0.85, within48: 0.145, beyond48: 0.005 };

type Turnaround = 'within24' | 'within48' | 'beyond48' | 'missed';

interface DbsWindows {
  readonly complete: number;
  readonly deadline: number;
  readonly feasible: Readonly<Record<Exclude<Turnaround, 'missed'>, boolean>>;
}

function dbsWindows(complete: number): DbsWindows {
  const deadline = addWorkingDays(new Date(complete), 2, CALENDAR).getTime();
  const at24 = complete + 24 * HOUR_MS;
  const at48 = complete + 48 * HOUR_MS;
  return {
    complete,
    deadline,
    feasible: {
      within24: workingTimeIn(complete, Math.min(at24, deadline)) >= MINUTE_MS,
      within48: workingTimeIn(at24, Math.min(at48, deadline)) >= MINUTE_MS,
      beyond48: workingTimeIn(at48, deadline) >= MINUTE_MS,
    },
  };
}

function processedFor(random: SeededRandom, windows: DbsWindows, turnaround: Turnaround): number {
  const { complete, deadline } = windows;
  switch (turnaround) {
    case 'within24':
      return workingMomentIn(random, complete, Math.min(complete + 24 * HOUR_MS, deadline), 1.8);
    case 'within48':
      return workingMomentIn(random, complete + 24 * HOUR_MS, Math.min(complete + 48 * HOUR_MS, deadline));
    case 'beyond48':
      return workingMomentIn(random, complete + 48 * HOUR_MS, deadline);
    case 'missed': {
      const lateBy = addWorkingDays(new Date(complete), 2 + random.int(1, 4), CALENDAR).getTime();
      return workingMomentIn(random, deadline, lateBy);
    }
  }
}

const CALENDAR_2017 = reportingPeriod('2017-01-01', '2017-12-31');
const in2017 = (time: number): boolean => time >= CALENDAR_2017.start.getTime() && time < CALENDAR_2017.end.getTime();

function calendar2017Figure(code: IndicatorCode): PrintedFigure {
  const figure = LANCASHIRE_CALENDAR_2017_DBS_FIGURES.find((f) => f.indicatorCode === code);
  if (figure === undefined) throw new Error(`No calendar-2017 ${code} figure`);
  return figure;
}

function generateDbs(plan: YearPlan, scale: number, random: SeededRandom): DbsCheckRecord[] {
  const total = Math.round(((LANCASHIRE_VOLUMES.dbsChecksPerAnnum.value * plan.months.length) / 12) * scale);
  const dayPicker = new WeightedPicker(plan.workingDays, (day) => DBS_MONTH_WEIGHTS[Number(day.month.slice(5)) - 1]!);
  const widerIndex = new Map(plan.widerWorkingDays.map((day, i) => [day.iso, i]));

  const completes: number[] = [];
  const receiveds: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const day = dayPicker.pick(random);
    const evening = day.weekday >= 1 && day.weekday <= 4 && day.beforeWorkingDay && random.chance(DBS_EVENING_SHARE);
    // Never in the last minutes of a day, so every check can be processed within 24 hours (and the
    // calendar-2017 quotas below can always be placed).
    const complete = evening ? day.closes + random.int(20, 240) * MINUTE_MS : inHours(random, day, 1.3, 5);
    let received = complete;
    if (!random.chance(DBS_COMPLETE_ON_RECEIPT)) {
      const earlier = plan.widerWorkingDays[widerIndex.get(day.iso)! - random.int(1, 10)]!;
      received = inHours(random, earlier);
    }
    completes.push(complete);
    receiveds.push(received);
  }
  const windows = completes.map(dbsWindows);

  // Within two working days: the count that prints as the year's figure.
  const figure = figureFor('dbs-checks-within-two-working-days', plan.fiscalYear);
  const withinTarget = numeratorFor(random, total, figure, `${plan.fiscalYear} DBS checks`);
  const turnaround: (Turnaround | undefined)[] = Array(total);
  // The misses go outside calendar 2017, whose forms the report says were 99.7 % done in 48 hours.
  const outside2017 = completes.map((time, i) => (in2017(time) ? -1 : i)).filter((i) => i >= 0);
  if (outside2017.length < total - withinTarget) {
    throw new Error(`${plan.fiscalYear}: too few DBS checks outside 2017 to place ${total - withinTarget} misses`);
  }
  for (const i of random.sample(outside2017.length, total - withinTarget)) turnaround[outside2017[i]!] = 'missed';

  // Calendar 2017: exact counts for 24 and 48 hours, met within this year's part of 2017 (two
  // parts each within the printed range make the whole year within it too).
  const group = random.shuffle(completes.map((time, i) => (in2017(time) ? i : -1)).filter((i) => i >= 0));
  if (group.length > 0) {
    const figure24 = calendar2017Figure('dbs-checks-within-24-hours');
    const figure48 = calendar2017Figure('dbs-checks-within-48-hours');
    const within48 = nearestNumeratorFor(random, group.length, figure48);
    const quota = {
      within24: Math.min(nearestNumeratorFor(random, group.length, figure24), within48),
      within48: 0,
      beyond48: group.length - within48,
    };
    quota.within48 = within48 - quota.within24;
    // Forms that cannot be done within 24 hours go first, then the scarce 'beyond48' slots to
    // forms that allow them, then 'within48'; everything left can be, and is, within 24 hours.
    const take = (i: number, kind: Exclude<Turnaround, 'missed'>): void => {
      turnaround[i] = kind;
      quota[kind] -= 1;
    };
    for (const i of group) {
      if (windows[i]!.feasible.within24) continue;
      if (windows[i]!.feasible.within48 && quota.within48 > 0) take(i, 'within48');
      else if (windows[i]!.feasible.beyond48 && quota.beyond48 > 0) take(i, 'beyond48');
      else throw new Error(`No turnaround left for a DBS check completed ${new Date(completes[i]!).toISOString()}`);
    }
    for (const kind of ['beyond48', 'within48'] as const) {
      for (const i of group) {
        if (quota[kind] === 0) break;
        if (turnaround[i] === undefined && windows[i]!.feasible[kind]) take(i, kind);
      }
      if (quota[kind] !== 0) throw new Error(`${plan.fiscalYear}: cannot place every 2017 DBS check ${kind}`);
    }
    for (const i of group) if (turnaround[i] === undefined) take(i, 'within24');
  }

  // Everything else: the usual turnaround, among what the day and time allow.
  for (let i = 0; i < total; i += 1) {
    if (turnaround[i] !== undefined) continue;
    const { feasible } = windows[i]!;
    const options = (Object.keys(DBS_TURNAROUND) as (keyof typeof DBS_TURNAROUND)[]).filter((kind) => feasible[kind]);
    const weight = options.reduce((sum, kind) => sum + DBS_TURNAROUND[kind], 0);
    let draw = random.next() * weight;
    let chosen = options[options.length - 1]!;
    for (const kind of options) {
      draw -= DBS_TURNAROUND[kind];
      if (draw < 0) {
        chosen = kind;
        break;
      }
    }
    turnaround[i] = chosen;
  }

  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => receiveds[a]! - receiveds[b]! || a - b);
  return order.map((i, n) => ({
    reference: `DBS-${plan.short}-${String(n + 1).padStart(5, '0')}`,
    receivedAt: new Date(receiveds[i]!),
    informationCompleteAt: new Date(completes[i]!),
    processedAt: new Date(processedFor(random, windows[i]!, turnaround[i]!)),
  }));
}

// ---------------------------------------------------------------------------------------------
// ICT service desk.

/** Assumed: the service desk is busiest on Mondays and in September, quietest in August and December. */
const ICT_WEEKDAY_WEIGHTS = [0, 1.25, 1.05, 1, 0.95, 0.8, 0];
const ICT_MONTH_WEIGHTS = [1.05, 1, 1, 0.95, 1, 1, 0.95, 0.85, 1.1, 1.05, 1, 0.8];
/** Assumed: incidents (something broken) against requests (something wanted). */
const ICT_INCIDENT_SHARE = 0.58;
/** Assumed: contacts raised on the portal out of hours, which wait for the next morning's response. */
const ICT_OUT_OF_HOURS_SHARE = 0.025;
/** Assumed: the share of resolved contacts whose requester answers the satisfaction survey. */
const ICT_SURVEY_RESPONSE = 0.12;

function satisfactionScore(random: SeededRandom, good: boolean): SatisfactionScore {
  if (good) return random.chance(0.55) ? 5 : 4;
  const draw = random.next();
  return draw < 0.7 ? 3 : draw < 0.9 ? 2 : 1;
}

function generateIct(plan: YearPlan, scale: number, random: SeededRandom): IctRequestRecord[] {
  const total = Math.round(((LANCASHIRE_VOLUMES.ictContactsPerAnnum.value * plan.months.length) / 12) * scale);
  const dayPicker = new WeightedPicker(
    plan.workingDays,
    (day) => ICT_WEEKDAY_WEIGHTS[day.weekday]! * ICT_MONTH_WEIGHTS[Number(day.month.slice(5)) - 1]!,
  );

  // Response within 30 minutes: out-of-hours contacts can only miss; the other misses are busy moments.
  const responseFigure = figureFor('ict-response-within-30-minutes', plan.fiscalYear);
  const responded = numeratorFor(random, total, responseFigure, `${plan.fiscalYear} ICT responses`);
  const misses = total - responded;
  const outOfHours = Math.min(Math.round(total * ICT_OUT_OF_HOURS_SHARE), misses);
  const order = random.sample(total, total);
  const kindOfResponse = (i: number): 'out-of-hours' | 'late' | 'prompt' =>
    order[i]! < outOfHours ? 'out-of-hours' : order[i]! < misses ? 'late' : 'prompt';

  const raised: number[] = [];
  const firstResponse: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const kind = kindOfResponse(i);
    if (kind === 'out-of-hours') {
      const day = random.pick(plan.days);
      const at = day.working
        ? day.closes + random.int(15, 300) * MINUTE_MS
        : day.opens + random.int(0, 480) * MINUTE_MS;
      raised.push(at);
      // Picked up when the desk opens: the first working time after it, plus the queue.
      firstResponse.push(addWorkingMillis(new Date(at), random.int(5, 45) * MINUTE_MS, CALENDAR).getTime());
    } else {
      const at = inHours(random, dayPicker.pick(random), 1.4);
      raised.push(at);
      // A late response still comes in working hours: 31 minutes to half a day of working time.
      firstResponse.push(
        kind === 'prompt'
          ? at + random.int(30, 30 * 60) * 1000
          : addWorkingMillis(new Date(at), random.int(31 * 60, 240 * 60) * 1000, CALENDAR).getTime(),
      );
    }
  }

  // Resolved at first contact: the count that prints as the year's figure.
  const fcrFigure = figureFor('ict-first-contact-resolution', plan.fiscalYear);
  const firstContact = new Set(
    random.sample(total, numeratorFor(random, total, fcrFigure, `${plan.fiscalYear} ICT first-contact resolutions`)),
  );

  // Satisfaction: survey answers, good or excellent as printed for the year (and for February 2018).
  const satisfactionFigure = figureFor('ict-satisfaction-good-or-excellent', plan.fiscalYear);
  const monthly = LANCASHIRE_MONTHLY_FIGURES.filter(
    (f) => f.fiscalYear === plan.fiscalYear && f.indicatorCode === 'ict-satisfaction-good-or-excellent',
  );
  const scores = new Map<number, SatisfactionScore>();
  let remainingIndices = Array.from({ length: total }, (_, i) => i);
  let remainingRated = 0;
  let remainingGood = 0;
  {
    const wanted = Math.round(total * ICT_SURVEY_RESPONSE);
    const rated = sampleSizeFor(wanted, satisfactionFigure, `${plan.fiscalYear} ICT satisfaction`, total);
    remainingRated = rated;
    remainingGood = numeratorFor(random, rated, satisfactionFigure, `${plan.fiscalYear} ICT satisfaction`);
  }
  for (const figure of monthly) {
    const month = monthPeriod(figure.month!);
    const isInMonth = (i: number): boolean => raised[i]! >= month.start.getTime() && raised[i]! < month.end.getTime();
    const inMonth = remainingIndices.filter(isInMonth);
    const rated = sampleSizeFor(
      Math.round(inMonth.length * ICT_SURVEY_RESPONSE),
      figure,
      `${figure.month} ICT satisfaction`,
      inMonth.length,
    );
    const good = numeratorFor(random, rated, figure, `${figure.month} ICT satisfaction`);
    const chosen = random.sample(inMonth.length, rated).map((k) => inMonth[k]!);
    chosen.forEach((i, k) => {
      scores.set(i, satisfactionScore(random, k < good));
    });
    remainingRated -= rated;
    remainingGood -= good;
    remainingIndices = remainingIndices.filter((i) => !isInMonth(i));
  }
  if (remainingGood < 0 || remainingGood > remainingRated || remainingRated > remainingIndices.length) {
    throw new Error(`${plan.fiscalYear}: the monthly satisfaction figures do not fit the year's`);
  }
  // Satisfaction "significantly improved this year": with a monthly figure to meet, the good
  // ratings lean towards later months (weighted sampling by key u^(1/w)); otherwise they are even.
  const rest = random.sample(remainingIndices.length, remainingRated).map((k) => remainingIndices[k]!);
  const start = utcOf(plan.firstDay);
  const keyed = rest.map((i) => {
    const weight = monthly.length > 0 ? 1 + (raised[i]! - start) / (365 * DAY_MS) : 1;
    return { i, key: random.next() ** (1 / weight) };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  keyed.forEach(({ i }, k) => {
    scores.set(i, satisfactionScore(random, k < remainingGood));
  });

  const byTime = Array.from({ length: total }, (_, i) => i).sort((a, b) => raised[a]! - raised[b]! || a - b);
  return byTime.map((i, n) => {
    const kind = random.chance(ICT_INCIDENT_SHARE) ? 'incident' : 'request';
    return {
      reference: `${kind === 'incident' ? 'INC' : 'REQ'}-${plan.short}-${String(n + 1).padStart(6, '0')}`,
      kind,
      raisedAt: new Date(raised[i]!),
      firstRespondedAt: new Date(firstResponse[i]!),
      firstContactResolution: firstContact.has(i),
      satisfactionScore: scores.get(i) ?? null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points.

export interface LancashireGenerationOptions {
  /** 1 (default) is full size; see the module comment for how small it may go. */
  readonly scale?: number;
  /** Any string; the same seed gives the same records. */
  readonly seed?: string;
}

export interface GeneratedLancashireYear {
  readonly fiscalYear: LancashireFiscalYear;
  /** The last day generated: 31 March, or 28 February 2018 for the year-to-date 2017/18. */
  readonly through: string;
  readonly payrolls: readonly LancashirePayroll[];
  readonly records: PerformanceRecords;
}

export const DEFAULT_SEED = 'lancashire-partnership';

/** One year's records. */
export function generateLancashireYear(
  fiscalYear: LancashireFiscalYear,
  options: LancashireGenerationOptions = {},
): GeneratedLancashireYear {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be above 0 and at most 1, got ${scale}`);
  const seed = `${options.seed ?? DEFAULT_SEED}:${fiscalYear}:${scale}`;
  const plan = planYear(fiscalYear);
  const payroll = generatePayroll(plan, scale, new SeededRandom(`${seed}:payroll`));
  return {
    fiscalYear,
    through: plan.through,
    payrolls: lancashirePayrolls(fiscalYear),
    records: {
      ...payroll,
      dbsChecks: generateDbs(plan, scale, new SeededRandom(`${seed}:dbs`)),
      ictRequests: generateIct(plan, scale, new SeededRandom(`${seed}:ict`)),
    },
  };
}

/** All four years, each generated independently, and their records together. */
export function generateLancashireRecords(
  options: LancashireGenerationOptions & { readonly fiscalYears?: readonly LancashireFiscalYear[] } = {},
): { years: GeneratedLancashireYear[]; records: PerformanceRecords } {
  const years = (options.fiscalYears ?? LANCASHIRE_FISCAL_YEARS).map((year) => generateLancashireYear(year, options));
  return {
    years,
    records: {
      payrollPeriods: years.flatMap((y) => y.records.payrollPeriods),
      payrollChanges: years.flatMap((y) => y.records.payrollChanges),
      payrollErrors: years.flatMap((y) => y.records.payrollErrors),
      dbsChecks: years.flatMap((y) => y.records.dbsChecks),
      ictRequests: years.flatMap((y) => y.records.ictRequests),
    },
  };
}
