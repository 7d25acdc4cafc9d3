import {
  CORE_ERRORS,
  FIRST_BANK_HOLIDAY_YEAR,
  isWorkingDay,
  LAST_BANK_HOLIDAY_YEAR,
  type Nation,
  ValidationError,
  workingCalendar,
} from '@ssp/core';
import { DateTime } from 'luxon';

/**
 * Out-of-hours time, as real elapsed intervals. Working hours are Monday to Friday 09:00-17:00 on
 * the London wall clock, except the bank holidays of the member's nation (the platform's working
 * calendar); everything else is out of hours. Each day's midnight, opening and closing are
 * resolved from London wall time by Luxon, so the night the clocks go forward holds one hour less
 * and the night they go back one hour more: hours here are elapsed hours, not wall-clock ones.
 */

const LONDON = 'Europe/London';
const HOUR_MS = 3_600_000;

/** A half-open interval of instants in epoch milliseconds: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** The instant London's wall clock reads `hour`:00 on a date (Luxon resolves the offset). */
function londonInstant(isoDate: string, hour: number): number {
  return DateTime.fromISO(isoDate, { zone: LONDON }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toMillis();
}

function nextDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;
}

/** The instants a period of London dates covers, both days included. */
export function periodOf(fromDate: string, toDate: string): Interval {
  return { start: londonInstant(fromDate, 0), end: londonInstant(nextDate(toDate), 0) };
}

/** Refuses a period the bank-holiday calendars do not cover, or longer than a year. */
export function checkReportPeriod(fromDate: string, toDate: string): void {
  for (const [field, date] of [
    ['from', fromDate],
    ['to', toDate],
  ] as const) {
    const year = Number(date.slice(0, 4));
    if (year < FIRST_BANK_HOLIDAY_YEAR || year > LAST_BANK_HOLIDAY_YEAR) {
      throw new ValidationError(
        `The bank-holiday calendars cover ${FIRST_BANK_HOLIDAY_YEAR} to ${LAST_BANK_HOLIDAY_YEAR}`,
        field,
      );
    }
  }
  if (toDate < fromDate)
    throw new ValidationError('The period ends before it starts', 'to', CORE_ERRORS.PERIOD_ENDS_BEFORE_START);
  if (DateTime.fromISO(toDate).diff(DateTime.fromISO(fromDate), 'days').days > 366) {
    throw new ValidationError('A report covers at most a year', 'to');
  }
}

/** The out-of-hours intervals of a nation's members over a period of London dates. */
export function outOfHours(nation: Nation, fromDate: string, toDate: string): Interval[] {
  const calendar = workingCalendar(nation);
  const intervals: Interval[] = [];
  for (let date = fromDate; date <= toDate; date = nextDate(date)) {
    const midnight = londonInstant(date, 0);
    const nextMidnight = londonInstant(nextDate(date), 0);
    if (isWorkingDay(date, calendar)) {
      intervals.push({ start: midnight, end: londonInstant(date, 9) });
      intervals.push({ start: londonInstant(date, 17), end: nextMidnight });
    } else {
      intervals.push({ start: midnight, end: nextMidnight });
    }
  }
  return union(intervals);
}

/** The out-of-hours intervals of a nation around an arbitrary span of instants. */
export function outOfHoursAround(nation: Nation, span: Interval): Interval[] {
  const from = DateTime.fromMillis(span.start, { zone: LONDON }).toISODate() as string;
  const to = DateTime.fromMillis(span.end, { zone: LONDON }).toISODate() as string;
  return intersect(outOfHours(nation, from, to), [span]);
}

/** Sorted, merged (touching intervals join). */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The parts of `a` inside `b`. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = union(a);
  const right = union(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as Interval;
    const y = right[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

/** The parts of `a` outside `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = union(b);
  const out: Interval[] = [];
  for (const interval of union(a)) {
    let start = interval.start;
    for (const c of cut) {
      if (c.end <= start || c.start >= interval.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
    }
    if (start < interval.end) out.push({ start, end: interval.end });
  }
  return out;
}

export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

export const hoursOf = (ms: number): number => ms / HOUR_MS;

export interface RotaMember {
  memberId: string;
  name: string;
  nation: Nation;
  /** Its agreed weight in the rota; its share is weight / sum of weights. */
  weight: number;
}

export interface RotaShiftSpan extends Interval {
  /** The member whose person holds the shift (after any accepted swap). */
  memberId: string;
}

export interface MemberCover {
  memberId: string;
  name: string;
  nation: Nation;
  outOfHoursMs: number;
  coveredMs: number;
  uncovered: Interval[];
  /** Shift time its people held in the period. */
  heldMs: number;
  /** Its share of the partnership: weight over the sum of weights, 0 to 1. */
  share: number;
  /** Its share of all the shift time held in the period. */
  expectedHeldMs: number;
}

export interface CoverReport {
  period: Interval;
  /** Times at least one member was out of hours. */
  outOfHoursMs: number;
  /** Times at least one member was out of hours and nobody was on call. */
  uncovered: Interval[];
  heldMs: number;
  members: MemberCover[];
}

/**
 * Uncovered hours over a period: for each member, its own out-of-hours time (its nation's bank
 * holidays) not covered by any shift (a shift covers the whole partnership), and for the
 * partnership the times some member was out of hours with nobody on call. With each member's
 * shift time held against its share of the partnership.
 */
export function coverReport(
  members: readonly RotaMember[],
  shifts: readonly RotaShiftSpan[],
  fromDate: string,
  toDate: string,
): CoverReport {
  checkReportPeriod(fromDate, toDate);
  const period = periodOf(fromDate, toDate);
  const onCall = union(shifts.map(({ start, end }) => ({ start, end })));
  const byNation = new Map<Nation, Interval[]>();
  const ooh = (nation: Nation) => {
    let intervals = byNation.get(nation);
    if (!intervals) {
      intervals = outOfHours(nation, fromDate, toDate);
      byNation.set(nation, intervals);
    }
    return intervals;
  };
  const everyone = union(members.flatMap((m) => ooh(m.nation)));
  const heldMs = shifts.reduce((sum, s) => sum + totalMs(intersect([s], [period])), 0);
  const weights = members.reduce((sum, m) => sum + m.weight, 0);
  return {
    period,
    outOfHoursMs: totalMs(everyone),
    uncovered: subtract(everyone, onCall),
    heldMs,
    members: members.map((member) => {
      const own = ooh(member.nation);
      const share = weights === 0 ? 0 : member.weight / weights;
      const heldByMember = shifts
        .filter((s) => s.memberId === member.memberId)
        .reduce((sum, s) => sum + totalMs(intersect([s], [period])), 0);
      return {
        memberId: member.memberId,
        name: member.name,
        nation: member.nation,
        outOfHoursMs: totalMs(own),
        coveredMs: totalMs(intersect(own, onCall)),
        uncovered: subtract(own, onCall),
        heldMs: heldByMember,
        share,
        expectedHeldMs: Math.round(heldMs * share),
      };
    }),
  };
}
