import { money } from '@ssp/core';

/**
 * The figures of a business case, computed from its lines and nothing else (no total is stored).
 * Everything is integer pence in bigint; the only division is the payback period's position
 * inside a year, kept as an exact fraction and only rounded when printed.
 *
 * How a line's amounts become money in a year (year 1 is the case's first year):
 * - a recurring line with a profile: each year's amount is the increase in the annual figure from
 *   that year on (Northumberland's Year 1-3 profile, whose Total is the full-year effect reached by
 *   the end of Year 3), so its amount in year k is the sum of the profile's years 1..k, and it
 *   goes on at its total every year after the profile;
 * - a one-off line with a profile: the amount in that year only;
 * - a line with only a total over the whole term (Lincolnshire's five-year figures): spread evenly
 *   over the term's years, the odd pennies in the earliest years, and nothing after the term.
 */

export type LineKind = 'saving' | 'investment';
export type Recurrence = 'recurring' | 'one_off';

export interface CaseLine {
  id: string;
  workstreamId: string | null;
  name: string;
  kind: LineKind;
  recurrence: Recurrence;
  cashable: boolean;
  /** The year profile (year number to pence); empty when the line has a term amount. */
  profile: ReadonlyMap<number, bigint>;
  /** The amount over the whole term, when the source gives no profile. */
  termAmountPence: bigint | null;
}

export interface CaseWorkstream {
  id: string;
  name: string;
  savingsLowPence: bigint | null;
  savingsHighPence: bigint | null;
}

export interface CaseShape {
  termYears: number;
  workstreams: readonly CaseWorkstream[];
  lines: readonly CaseLine[];
}

/** A line's total: its term amount, or the sum of its profile (for a recurring line, its full-year effect). */
export function lineTotalPence(line: CaseLine): bigint {
  if (line.termAmountPence !== null) return line.termAmountPence;
  let total = 0n;
  for (const amount of line.profile.values()) total += amount;
  return total;
}

/** The profile's amount in one year (zero when the profile has none, or the line has a term amount). */
export function lineProfileAmountPence(line: CaseLine, yearNumber: number): bigint {
  return line.profile.get(yearNumber) ?? 0n;
}

/** The last year the profile or the term covers. */
export function horizonYears(shape: CaseShape): number {
  let last = 0;
  for (const line of shape.lines) {
    if (line.termAmountPence !== null) last = Math.max(last, shape.termYears);
    for (const year of line.profile.keys()) last = Math.max(last, year);
  }
  return Math.max(last, 1);
}

/** The even share of a term amount in `yearNumber` (1-based): exact pence, odd pennies first. */
function termShare(amount: bigint, termYears: number, yearNumber: number): bigint {
  if (yearNumber < 1 || yearNumber > termYears) return 0n;
  return money.allocate(money.fromPence(amount), termYears)[yearNumber - 1]!.pence;
}

/** What a line amounts to in year k: see the module comment. */
export function lineAmountInYear(line: CaseLine, yearNumber: number, termYears: number): bigint {
  if (line.termAmountPence !== null) return termShare(line.termAmountPence, termYears, yearNumber);
  if (line.recurrence === 'one_off') return line.profile.get(yearNumber) ?? 0n;
  let running = 0n;
  for (const [year, amount] of line.profile) if (year <= yearNumber) running += amount;
  return running;
}

export interface YearFigures {
  yearNumber: number;
  /** Cashable savings in the year. */
  cashableSavingsPence: bigint;
  /** Non-cashable benefits in the year (shown apart; never in the net, the payback or the return). */
  nonCashableBenefitsPence: bigint;
  /** Recurring investment (ongoing costs) in the year. */
  recurringInvestmentPence: bigint;
  /** One-off investment in the year (spent at its start, for the payback period). */
  oneOffInvestmentPence: bigint;
  /** Cashable savings less all investment. */
  netPence: bigint;
  /** The running total of `net` from year 1. */
  cumulativeNetPence: bigint;
}

/** Whether a line is one-off investment spent at the start of its year (payback convention). */
function isUpfront(line: CaseLine): boolean {
  return line.kind === 'investment' && line.recurrence === 'one_off' && line.termAmountPence === null;
}

/** Each year 1..`years` of the case: what it saves and spends, net, and cumulatively. */
export function yearFigures(shape: CaseShape, years = horizonYears(shape)): YearFigures[] {
  const rows: YearFigures[] = [];
  let cumulative = 0n;
  for (let year = 1; year <= years; year += 1) {
    let cashable = 0n;
    let nonCashable = 0n;
    let recurringInvestment = 0n;
    let oneOffInvestment = 0n;
    for (const line of shape.lines) {
      const amount = lineAmountInYear(line, year, shape.termYears);
      if (line.kind === 'saving') {
        if (line.cashable) cashable += amount;
        else nonCashable += amount;
      } else if (line.recurrence === 'recurring') recurringInvestment += amount;
      else oneOffInvestment += amount;
    }
    const net = cashable - recurringInvestment - oneOffInvestment;
    cumulative += net;
    rows.push({
      yearNumber: year,
      cashableSavingsPence: cashable,
      nonCashableBenefitsPence: nonCashable,
      recurringInvestmentPence: recurringInvestment,
      oneOffInvestmentPence: oneOffInvestment,
      netPence: net,
      cumulativeNetPence: cumulative,
    });
  }
  return rows;
}

export interface HeadlineFigures {
  /** Full-year effect of the recurring cashable savings with a profile (the annual saving once all are in). */
  grossRecurringSavingsPence: bigint;
  /** Full-year effect of the recurring investments (ongoing costs) with a profile. */
  recurringInvestmentPence: bigint;
  /** Gross recurring savings less recurring investment: the annual net saving once all are in. */
  netRecurringSavingsPence: bigint;
  /** All one-off investment (and investment given only as a term total). */
  oneOffInvestmentPence: bigint;
  /** The workstreams' low figures added up (null when no workstream gives one). */
  savingsLowPence: bigint | null;
  /** The workstreams' high figures added up (null when no workstream gives one). */
  savingsHighPence: bigint | null;
}

export function headlineFigures(shape: CaseShape): HeadlineFigures {
  let gross = 0n;
  let recurringInvestment = 0n;
  let oneOff = 0n;
  for (const line of shape.lines) {
    const total = lineTotalPence(line);
    const profiled = line.termAmountPence === null;
    if (line.kind === 'saving') {
      if (line.cashable && line.recurrence === 'recurring' && profiled) gross += total;
    } else if (line.recurrence === 'recurring' && profiled) recurringInvestment += total;
    else oneOff += total;
  }
  return {
    grossRecurringSavingsPence: gross,
    recurringInvestmentPence: recurringInvestment,
    netRecurringSavingsPence: gross - recurringInvestment,
    oneOffInvestmentPence: oneOff,
    savingsLowPence: sumPresent(shape.workstreams.map((w) => w.savingsLowPence)),
    savingsHighPence: sumPresent(shape.workstreams.map((w) => w.savingsHighPence)),
  };
}

function sumPresent(values: readonly (bigint | null)[]): bigint | null {
  const present = values.filter((value): value is bigint => value !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0n);
}

export interface ReturnOverYears {
  years: number;
  cashableSavingsPence: bigint;
  nonCashableBenefitsPence: bigint;
  investmentPence: bigint;
  /** Cashable savings over the years less all investment (recurring and one-off) over them. */
  returnPence: bigint;
}

/**
 * Return over N years = Σ (cashable savings in year k) − Σ (recurring investment in year k) −
 * Σ (one-off investment in year k), for k = 1..N. Recurring lines run on at their full-year
 * effect after the profile; term totals stop at the end of the term. Non-cashable benefits are
 * added up apart and are not part of the return.
 */
export function returnOverYears(shape: CaseShape, years: number): ReturnOverYears {
  const rows = yearFigures(shape, years);
  let cashable = 0n;
  let nonCashable = 0n;
  let investment = 0n;
  for (const row of rows) {
    cashable += row.cashableSavingsPence;
    nonCashable += row.nonCashableBenefitsPence;
    investment += row.recurringInvestmentPence + row.oneOffInvestmentPence;
  }
  return {
    years,
    cashableSavingsPence: cashable,
    nonCashableBenefitsPence: nonCashable,
    investmentPence: investment,
    returnPence: cashable - investment,
  };
}

/** An exact non-negative number of months, numerator over denominator (in lowest terms). */
export interface Months {
  numerator: bigint;
  denominator: bigint;
}

export type Payback = { kind: 'paid_back'; months: Months } | { kind: 'no_investment' } | { kind: 'never' };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function months(wholeYears: number, numerator: bigint, denominator: bigint): Months {
  // (wholeYears + numerator / denominator) years, in months.
  const top = 12n * (BigInt(wholeYears) * denominator + numerator);
  const divisor = gcd(top, denominator) || 1n;
  return { numerator: top / divisor, denominator: denominator / divisor };
}

/**
 * The payback period: how long until the cumulative cashable net saving reaches zero and stays
 * there. Convention: one-off investment is spent at the start of its year; savings, recurring
 * investment and term totals accrue evenly through their year, so within a year the cumulative
 * figure moves in a straight line and the crossing point is exact: for the last year that starts
 * (after its one-off spend) below zero at S and gains G over the year, the payback is
 * (year − 1) + (−S / G) years, in months × 12. After the horizon the recurring lines run on at
 * their full-year effect; if the cumulative is still below zero then and that annual net is not
 * positive, the case never pays back. A case with no investment has no payback period.
 */
export function paybackPeriod(shape: CaseShape): Payback {
  const hasInvestment = shape.lines.some((line) => line.kind === 'investment' && lineTotalPence(line) > 0n);
  if (!hasInvestment) return { kind: 'no_investment' };
  const horizon = horizonYears(shape);
  let cumulative = 0n;
  let crossing: Months | null = null;
  let everNegative = false;
  for (let year = 1; year <= horizon; year += 1) {
    let upfront = 0n;
    let gain = 0n;
    for (const line of shape.lines) {
      if (line.kind === 'saving' && !line.cashable) continue;
      const amount = lineAmountInYear(line, year, shape.termYears);
      if (line.kind === 'saving') gain += amount;
      else if (isUpfront(line)) upfront += amount;
      else gain -= amount;
    }
    const start = cumulative - upfront;
    const end = start + gain;
    if (start < 0n || end < 0n) everNegative = true;
    if (end < 0n) crossing = null;
    else if (start < 0n) crossing = months(year - 1, -start, gain);
    cumulative = end;
  }
  if (cumulative < 0n) {
    const runOn = headlineFigures(shape).netRecurringSavingsPence;
    if (runOn <= 0n) return { kind: 'never' };
    return { kind: 'paid_back', months: months(horizon, -cumulative, runOn) };
  }
  if (headlineFigures(shape).netRecurringSavingsPence < 0n) return { kind: 'never' };
  if (!everNegative || crossing === null) return { kind: 'paid_back', months: { numerator: 0n, denominator: 1n } };
  return { kind: 'paid_back', months: crossing };
}

/** Months as a decimal string with `places` decimals, rounded half up: 197/12 → "16.42". */
export function formatMonths(value: Months, places = 2): string {
  const scale = 10n ** BigInt(places);
  const scaled = (value.numerator * scale * 2n + value.denominator) / (2n * value.denominator);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return places === 0 ? whole.toString() : `${whole}.${fraction}`;
}
