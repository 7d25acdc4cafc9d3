import { IANAZone } from 'luxon';
import { checkCalendarEpochDay, isBankHolidayEpochDay, isWeekendEpochDay, parseIsoDate } from './bank-holidays.ts';
import type { Nation } from './nation.ts';

/**
 * Working-time arithmetic for SLA clocks: business hours on weekdays that are not bank holidays
 * in the organisation's nation, read on the wall clock in Europe/London.
 *
 * A working hour is a real elapsed hour inside business hours. Each working day's opening and
 * closing are resolved from London wall time to an instant separately, so 09:00 on the Friday
 * before the March clock change is 09:00Z and 09:00 on the Monday after is 08:00Z, and both days
 * still hold exactly eight working hours. (The clocks change at 01:00 UTC on a Sunday, so with
 * weekday-only business hours no working day is ever 23 or 25 hours long.)
 *
 * All functions are pure: Date instants in, Date instants out.
 */

const BUSINESS_ZONE = 'Europe/London';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

export interface WorkingCalendar {
  readonly nation: Nation;
  /** Opening time as minutes after local midnight: 540 is 09:00. */
  readonly opensAtMinute: number;
  /** Closing time as minutes after local midnight; after opening, on the same day. */
  readonly closesAtMinute: number;
  /**
   * The nation's bank holidays as days since 1970-01-01, when they come from the database (a
   * calendar version); absent, the generator's table in bank-holidays.ts.
   */
  readonly holidayEpochDays?: ReadonlySet<number>;
}

export interface BusinessHours {
  /** 'HH:mm' on the 24-hour London wall clock; defaults to '09:00'. */
  readonly opensAt?: string;
  /** 'HH:mm'; defaults to '17:00'. Must be after opensAt on the same day. */
  readonly closesAt?: string;
}

export const DEFAULT_BUSINESS_HOURS = Object.freeze({ opensAt: '09:00', closesAt: '17:00' });

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(text: string, what: string): number {
  const match = HH_MM.exec(text);
  if (!match) throw new TypeError(`Business hours ${what} must be written HH:mm (00:00 to 23:59), got '${text}'`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A nation's working calendar, Monday to Friday 09:00-17:00 unless other hours are given, on the
 * generator's bank holidays unless `holidayEpochDays` (a stored calendar version) is given.
 */
export function workingCalendar(
  nation: Nation,
  hours: BusinessHours = {},
  holidayEpochDays?: readonly number[] | ReadonlySet<number>,
): WorkingCalendar {
  const opensAtMinute = minuteOfDay(hours.opensAt ?? DEFAULT_BUSINESS_HOURS.opensAt, 'opening');
  const closesAtMinute = minuteOfDay(hours.closesAt ?? DEFAULT_BUSINESS_HOURS.closesAt, 'closing');
  if (closesAtMinute <= opensAtMinute) {
    // Overnight hours would make a "working day" straddle two dates with different holiday rules.
    throw new RangeError('Business hours must close after they open, on the same day');
  }
  if (holidayEpochDays === undefined) return Object.freeze({ nation, opensAtMinute, closesAtMinute });
  const holidays = holidayEpochDays instanceof Set ? holidayEpochDays : new Set(holidayEpochDays);
  return Object.freeze({ nation, opensAtMinute, closesAtMinute, holidayEpochDays: holidays });
}

/** The working time of one whole working day on the calendar, in milliseconds. */
export function workingDayMillis(calendar: WorkingCalendar): number {
  return (calendar.closesAtMinute - calendar.opensAtMinute) * MINUTE_MS;
}

// ---------------------------------------------------------------------------------------------
// Days and their windows.

const LONDON = IANAZone.create(BUSINESS_ZONE);
if (!LONDON.isValid) throw new Error(`This runtime has no time zone data for ${BUSINESS_ZONE}`);

/** London's offset from UTC, in minutes, at an instant. */
const offsetAt = (instant: number): number => LONDON.offset(instant);

// Wall-clock-to-instant lookups go through Luxon's Intl-backed zone rules, slow enough to matter
// when a report recomputes tens of thousands of clocks. The answer for a (date, minute) pair never
// changes: in practice the cache holds the midnights, openings and closings of the days in use.
const instantCache = new Map<number, number>();
// londonEpochDay caches midnights for any date it is asked about, in or out of range; past this
// size the cache starts again rather than grow without limit.
const INSTANT_CACHE_LIMIT = 200_000;

/**
 * The instant at which London's wall clock reads `minute` past midnight on a date. Asks the zone
 * directly (as Luxon's own DateTime.fromObject does internally) rather than building a DateTime,
 * whose locale set-up was most of the cost. A wall time skipped by the spring change resolves to
 * the instant an hour later, as Luxon does; weekday business hours never meet one.
 */
function londonInstant(epochDay: number, minute: number): number {
  const key = epochDay * MINUTES_PER_DAY + minute;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
  const wallAsUtc = epochDay * DAY_MS + minute * MINUTE_MS;
  const firstOffset = offsetAt(wallAsUtc);
  let instant = wallAsUtc - firstOffset * MINUTE_MS;
  const secondOffset = offsetAt(instant);
  if (secondOffset !== firstOffset) {
    instant -= (secondOffset - firstOffset) * MINUTE_MS;
    const thirdOffset = offsetAt(instant);
    if (thirdOffset !== secondOffset) instant = wallAsUtc - Math.min(secondOffset, thirdOffset) * MINUTE_MS;
  }
  instantCache.set(key, instant);
  return instant;
}

/**
 * The London civil date (as an epoch day) that an instant falls on. London is never behind UTC
 * and at most an hour ahead, so the date is the UTC date or the day after; comparing with the
 * (cached) London midnight that starts the day after settles which, without a Luxon call.
 */
function londonEpochDay(instant: number): number {
  const utcDay = Math.floor(instant / DAY_MS);
  return instant >= londonInstant(utcDay + 1, 0) ? utcDay + 1 : utcDay;
}

function isWorkingEpochDay(epochDay: number, calendar: WorkingCalendar): boolean {
  // Weekends first: they need no data, and the bank-holiday lookup is what enforces the
  // 2014-2030 range, so a clock reaching past it fails loudly instead of going holiday-free.
  if (isWeekendEpochDay(epochDay)) return false;
  if (calendar.holidayEpochDays === undefined) return !isBankHolidayEpochDay(calendar.nation, epochDay);
  checkCalendarEpochDay(epochDay); // stored calendars cover the generator's years, no more
  return !calendar.holidayEpochDays.has(epochDay);
}

interface BusinessWindow {
  readonly opens: number;
  readonly closes: number;
}

/** The business-hours window of a London date as UTC milliseconds, or null on a non-working day. */
function windowOf(epochDay: number, calendar: WorkingCalendar): BusinessWindow | null {
  if (!isWorkingEpochDay(epochDay, calendar)) return null;
  return {
    opens: londonInstant(epochDay, calendar.opensAtMinute),
    closes: londonInstant(epochDay, calendar.closesAtMinute),
  };
}

function instantOf(value: Date, what: string): number {
  const instant = value.getTime();
  if (!Number.isFinite(instant)) throw new TypeError(`${what} is not a valid date`);
  return instant;
}

// ---------------------------------------------------------------------------------------------
// Public arithmetic.

/** Whether a London civil date ('YYYY-MM-DD') is a working day on the calendar. */
export function isWorkingDay(isoDate: string, calendar: WorkingCalendar): boolean {
  // parseIsoDate is strict, so a malformed date throws rather than counts as a working day.
  return isWorkingEpochDay(parseIsoDate(isoDate).epochDay, calendar);
}

/**
 * The instant at which `millis` of working time has elapsed after `start`.
 *
 * `atClosing: 'next_opening'` names an end that falls exactly at a closing time by the next
 * opening instead (the same working instant: no working time lies between them), as "the same
 * clock time N working days later" reads a start at an opening.
 *
 * Time before opening, after closing, at weekends and on bank holidays does not count, so a start
 * outside business hours rolls to the next opening (even for zero). Reaching the exact end of a
 * day's hours returns that day's closing time, not the next opening: Friday 13:00 plus 4 hours is
 * Friday 17:00, and Friday 15:00 plus 4 hours is Monday 11:00.
 */
export function addWorkingMillis(
  start: Date,
  millis: number,
  calendar: WorkingCalendar,
  options: { atClosing?: 'closing' | 'next_opening' } = {},
): Date {
  let at = instantOf(start, 'start');
  if (!Number.isFinite(millis) || millis < 0) {
    throw new RangeError(`Working time to add must be a finite, non-negative amount, got ${millis}`);
  }
  let left = Math.round(millis);
  for (let epochDay = londonEpochDay(at); ; epochDay += 1) {
    const window = windowOf(epochDay, calendar);
    if (window === null || at >= window.closes) continue;
    at = Math.max(at, window.opens);
    const available = window.closes - at;
    if (left < available || (left === available && options.atClosing !== 'next_opening')) {
      return new Date(at + left);
    }
    left -= available;
  }
}

/** `hours` working hours after `start`; fractional hours are fine. See addWorkingMillis. */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  return addWorkingMillis(start, hours * HOUR_MS, calendar);
}

/**
 * `days` working days after `start`: the close of business on the Nth working day after the day
 * of receipt.
 *
 * The day of receipt is the working day on which `start` falls, if it arrives before that day's
 * closing time; otherwise (evening, weekend, bank holiday) it is the next working day, as with
 * post received after hours. Examples, England and Wales, 09:00-17:00:
 *   - Monday 10:00 plus 2 working days is Wednesday 17:00;
 *   - Monday 08:00 (before opening) plus 2 is also Wednesday 17:00;
 *   - Monday 18:00 (after closing) plus 2 is Thursday 17:00, Tuesday being the day of receipt;
 *   - Saturday plus 2 is Wednesday 17:00; Thursday before Easter plus 1 is Tuesday 17:00;
 *   - plus 0 is the close of business on the day of receipt ("same working day").
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const at = instantOf(start, 'start');
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Working days to add must be a whole, non-negative number, got ${days}`);
  }
  let epochDay = londonEpochDay(at);
  let window = windowOf(epochDay, calendar);
  while (window === null || at >= window.closes) {
    epochDay += 1;
    window = windowOf(epochDay, calendar);
  }
  for (let counted = 0; counted < days; ) {
    epochDay += 1;
    const next = windowOf(epochDay, calendar);
    if (next !== null) {
      window = next;
      counted += 1;
    }
  }
  return new Date(window.closes);
}

/**
 * Working time between two instants, in milliseconds. Signed, so that
 * workingMillisBetween(a, b) === -workingMillisBetween(b, a): an overrun is simply negative.
 */
export function workingMillisBetween(start: Date, end: Date, calendar: WorkingCalendar): number {
  const from = instantOf(start, 'start');
  const to = instantOf(end, 'end');
  if (to < from) {
    const backwards = workingMillisBetween(end, start, calendar);
    return backwards === 0 ? 0 : -backwards; // never -0, which toBe(0) and Object.is reject
  }
  let total = 0;
  const lastDay = londonEpochDay(to);
  for (let epochDay = londonEpochDay(from); epochDay <= lastDay; epochDay += 1) {
    const window = windowOf(epochDay, calendar);
    if (window === null) continue;
    const overlap = Math.min(to, window.closes) - Math.max(from, window.opens);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/** Working hours between two instants (signed); see workingMillisBetween. */
export function workingHoursBetween(start: Date, end: Date, calendar: WorkingCalendar): number {
  return workingMillisBetween(start, end, calendar) / HOUR_MS;
}
