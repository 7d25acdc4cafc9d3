import { NATIONS, type Nation } from './nation.ts';

/**
 * The bank holidays of England and Wales, Scotland and Northern Ireland for 2014 to 2030, as data.
 *
 * The regular days come from the rules of the Banking and Financial Dealings Act 1971 (and the
 * St Andrew's Day Bank Holiday (Scotland) Act 2007) as the annual Royal Proclamations apply them;
 * the one-off days come from an explicit table below. Both are expanded once, at module load,
 * into a frozen table, so a working-time clock only ever looks dates up.
 *
 * Checked against the GOV.UK lists (gov.uk/bank-holidays): 2014-2018 against the published data
 * for all three nations, 2019-2026 against the published pages as remembered. Years from 2027 on
 * are projections of the rules: GOV.UK publishes only a couple of years ahead, and any future
 * one-off day (a jubilee, a state funeral) has to be added to ONE_OFF_CHANGES when announced.
 */

export const FIRST_BANK_HOLIDAY_YEAR = 2014;
export const LAST_BANK_HOLIDAY_YEAR = 2030;

/** A civil date written 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface BankHoliday {
  readonly date: IsoDate;
  /** As GOV.UK names it, e.g. 'Boxing Day'; a substitute day keeps the name of the day it replaces. */
  readonly name: string;
  /** True when the holiday fell at a weekend and this is the weekday given in its place. */
  readonly substitute: boolean;
  /** Why a one-off day exists or moved; null for the regular days. */
  readonly note: string | null;
}

/**
 * Asking about a year outside the data is a bug to surface, not a day to call "working": silently
 * treating 2031 as holiday-free would put SLA due dates on Christmas Day.
 */
export class CalendarRangeError extends RangeError {
  constructor(readonly year: number) {
    super(
      `Bank holidays are only held for ${FIRST_BANK_HOLIDAY_YEAR} to ${LAST_BANK_HOLIDAY_YEAR}; ` +
        `${year} is outside that range (extend bank-holidays.ts to cover it)`,
    );
    this.name = 'CalendarRangeError';
  }
}

// ---------------------------------------------------------------------------------------------
// Civil dates as whole days since 1970-01-01. Stepping through days in UTC arithmetic avoids
// any time zone: a date is a label here, not an instant. Also used by working-time.ts.

const DAY_MS = 86_400_000;

/** Whole days from 1970-01-01 to the given civil date (month 1-12). */
export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDateOfEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function weekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 non-negative.
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekendEpochDay(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads 'YYYY-MM-DD' strictly: '2024-02-30' and '2024-2-3' are refused, not rolled over. */
export function parseIsoDate(isoDate: IsoDate): { year: number; month: number; day: number; epochDay: number } {
  const match = ISO_DATE.exec(isoDate);
  const epochDay = match ? epochDayOf(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
  if (!match || !Number.isInteger(epochDay) || isoDateOfEpochDay(epochDay) !== isoDate) {
    throw new TypeError(`Expected a date written YYYY-MM-DD, got '${isoDate}'`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), epochDay };
}

// ---------------------------------------------------------------------------------------------
// The regular rules.

/**
 * Easter Sunday in the Gregorian calendar by the anonymous algorithm (Meeus/Jones/Butcher),
 * which is exact for every Gregorian year; returned as { month, day }.
 */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const MONDAY = 1;

function firstMondayOf(year: number, month: number): number {
  const first = epochDayOf(year, month, 1);
  return first + ((MONDAY - weekdayOfEpochDay(first) + 7) % 7);
}

function lastMondayOf(year: number, month: number): number {
  const last = epochDayOf(year, month + 1, 0); // day 0 of the next month is the last of this one
  return last - ((weekdayOfEpochDay(last) - MONDAY + 7) % 7);
}

interface PlacedDay {
  readonly epochDay: number;
  readonly name: string;
  readonly substitute: boolean;
}

/**
 * Days fixed to a date (New Year's Day, Christmas, St Patrick's...) move to a weekday when they
 * fall at a weekend. The rule the proclamations follow: a fixed day that falls on a weekday keeps
 * it; each one that falls at a weekend, in date order, takes the next weekday that is not already
 * a holiday. So Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28 (2021), while
 * Christmas on a Sunday leaves Boxing Day on Monday 26 and moves Christmas to Tuesday 27 (2016,
 * 2022), and in Scotland New Year's Day on a Sunday leaves 2nd January on Monday 2 and moves New
 * Year's Day to Tuesday 3 (2017, as GOV.UK lists it).
 */
function placeFixedDays(
  weekdayRuleDays: readonly PlacedDay[],
  fixedDays: readonly { epochDay: number; name: string }[],
): PlacedDay[] {
  const taken = new Set(weekdayRuleDays.map((holiday) => holiday.epochDay));
  const placed: PlacedDay[] = [...weekdayRuleDays];
  const atWeekend = [];
  for (const fixed of fixedDays) {
    if (isWeekendEpochDay(fixed.epochDay)) {
      atWeekend.push(fixed);
    } else {
      taken.add(fixed.epochDay);
      placed.push({ ...fixed, substitute: false });
    }
  }
  atWeekend.sort((left, right) => left.epochDay - right.epochDay);
  for (const fixed of atWeekend) {
    let epochDay = fixed.epochDay + 1;
    while (isWeekendEpochDay(epochDay) || taken.has(epochDay)) epochDay += 1;
    taken.add(epochDay);
    placed.push({ epochDay, name: fixed.name, substitute: true });
  }
  return placed;
}

function regularHolidays(nation: Nation, year: number): PlacedDay[] {
  const easter = easterSunday(year);
  const easterDay = epochDayOf(year, easter.month, easter.day);
  const onRule = (epochDay: number, name: string): PlacedDay => ({ epochDay, name, substitute: false });
  const onDate = (month: number, day: number, name: string) => ({ epochDay: epochDayOf(year, month, day), name });

  // Days defined by weekday (never at a weekend, so never substituted).
  const weekdayRuleDays: PlacedDay[] = [
    onRule(easterDay - 2, 'Good Friday'),
    onRule(firstMondayOf(year, 5), 'Early May bank holiday'),
    onRule(lastMondayOf(year, 5), 'Spring bank holiday'),
  ];
  // Scotland has no Easter Monday bank holiday, and its summer one is in early August.
  if (nation !== 'scotland') weekdayRuleDays.push(onRule(easterDay + 1, 'Easter Monday'));
  weekdayRuleDays.push(
    nation === 'scotland'
      ? onRule(firstMondayOf(year, 8), 'Summer bank holiday')
      : onRule(lastMondayOf(year, 8), 'Summer bank holiday'),
  );

  const fixedDays = [onDate(1, 1, "New Year's Day")];
  if (nation === 'scotland') fixedDays.push(onDate(1, 2, '2nd January'), onDate(11, 30, "St Andrew's Day"));
  if (nation === 'northern_ireland') {
    fixedDays.push(onDate(3, 17, "St Patrick's Day"), onDate(7, 12, "Battle of the Boyne (Orangemen's Day)"));
  }
  fixedDays.push(onDate(12, 25, 'Christmas Day'), onDate(12, 26, 'Boxing Day'));

  return placeFixedDays(weekdayRuleDays, fixedDays);
}

// ---------------------------------------------------------------------------------------------
// The one-off days: the departures from the rules, as the proclamations made them.

type OneOffChange =
  | { kind: 'moved'; nations: readonly Nation[]; from: IsoDate; to: IsoDate; name: string; note: string }
  | { kind: 'added'; nations: readonly Nation[]; date: IsoDate; name: string; note: string };

/** Every change applied UK-wide: none of the one-offs since 2014 differed between the nations. */
export const ONE_OFF_CHANGES: readonly OneOffChange[] = Object.freeze([
  {
    kind: 'moved',
    nations: NATIONS,
    from: '2020-05-04',
    to: '2020-05-08',
    name: 'Early May bank holiday (VE day)',
    note: 'Moved from Monday 4 May to Friday 8 May for the 75th anniversary of VE day',
  },
  {
    kind: 'moved',
    nations: NATIONS,
    from: '2022-05-30',
    to: '2022-06-02',
    name: 'Spring bank holiday',
    note: 'Moved from Monday 30 May to Thursday 2 June for the Platinum Jubilee weekend',
  },
  {
    kind: 'added',
    nations: NATIONS,
    date: '2022-06-03',
    name: 'Platinum Jubilee bank holiday',
    note: 'Extra bank holiday',
  },
  {
    kind: 'added',
    nations: NATIONS,
    date: '2022-09-19',
    name: 'Bank Holiday for the State Funeral of Queen Elizabeth II',
    note: 'Extra bank holiday',
  },
  {
    kind: 'added',
    nations: NATIONS,
    date: '2023-05-08',
    name: 'Bank holiday for the coronation of King Charles III',
    note: 'Extra bank holiday',
  },
] satisfies OneOffChange[]);

function applyOneOffChanges(nation: Nation, year: number, regular: PlacedDay[]): BankHoliday[] {
  const holidays: BankHoliday[] = regular.map((day) => ({
    date: isoDateOfEpochDay(day.epochDay),
    name: day.name,
    substitute: day.substitute,
    note: null,
  }));
  for (const change of ONE_OFF_CHANGES) {
    if (!change.nations.includes(nation)) continue;
    if (change.kind === 'moved') {
      if (parseIsoDate(change.from).year !== year) continue;
      const index = holidays.findIndex((holiday) => holiday.date === change.from);
      // A mismatch means the rules or the table are wrong; fail at load rather than ship a gap.
      if (index < 0) throw new Error(`One-off change moves ${change.from}, which is not a ${nation} bank holiday`);
      holidays[index] = { date: change.to, name: change.name, substitute: false, note: change.note };
    } else {
      if (parseIsoDate(change.date).year !== year) continue;
      holidays.push({ date: change.date, name: change.name, substitute: false, note: change.note });
    }
  }
  holidays.sort((left, right) => left.date.localeCompare(right.date));
  for (let index = 1; index < holidays.length; index += 1) {
    if (holidays[index]!.date === holidays[index - 1]!.date) {
      throw new Error(`Two ${nation} bank holidays fall on ${holidays[index]!.date}`);
    }
  }
  return holidays.map((holiday) => Object.freeze(holiday));
}

// ---------------------------------------------------------------------------------------------
// The expanded table.

const BY_NATION_AND_YEAR = new Map<Nation, Map<number, readonly BankHoliday[]>>();
// Epoch days rather than ISO strings: working-time loops ask about every day they cross, and a
// number lookup avoids formatting a string per day.
const EPOCH_DAYS_BY_NATION = new Map<Nation, Set<number>>();
for (const nation of NATIONS) {
  const byYear = new Map<number, readonly BankHoliday[]>();
  const epochDays = new Set<number>();
  for (let year = FIRST_BANK_HOLIDAY_YEAR; year <= LAST_BANK_HOLIDAY_YEAR; year += 1) {
    const holidays = Object.freeze(applyOneOffChanges(nation, year, regularHolidays(nation, year)));
    byYear.set(year, holidays);
    for (const holiday of holidays) epochDays.add(parseIsoDate(holiday.date).epochDay);
  }
  BY_NATION_AND_YEAR.set(nation, byYear);
  EPOCH_DAYS_BY_NATION.set(nation, epochDays);
}

const FIRST_EPOCH_DAY = epochDayOf(FIRST_BANK_HOLIDAY_YEAR, 1, 1);
const LAST_EPOCH_DAY = epochDayOf(LAST_BANK_HOLIDAY_YEAR, 12, 31);

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_BANK_HOLIDAY_YEAR || year > LAST_BANK_HOLIDAY_YEAR) {
    throw new CalendarRangeError(year);
  }
}

function tableFor<T>(table: Map<Nation, T>, nation: Nation): T {
  const entry = table.get(nation);
  // Reached only when an unchecked string from outside the type system is passed as a nation.
  if (entry === undefined) throw new TypeError(`Unknown nation '${nation}'`);
  return entry;
}

/** The nation's bank holidays in a calendar year, in date order. */
export function bankHolidays(nation: Nation, year: number): readonly BankHoliday[] {
  checkYear(year);
  return tableFor(BY_NATION_AND_YEAR, nation).get(year)!;
}

/** Whether the civil date 'YYYY-MM-DD' is a bank holiday in the nation. */
export function isBankHoliday(nation: Nation, isoDate: IsoDate): boolean {
  return isBankHolidayEpochDay(nation, parseIsoDate(isoDate).epochDay);
}

/** Throws CalendarRangeError for a day outside the years the calendars cover. */
export function checkCalendarEpochDay(epochDay: number): void {
  if (!(epochDay >= FIRST_EPOCH_DAY && epochDay <= LAST_EPOCH_DAY)) {
    throw new CalendarRangeError(new Date(epochDay * DAY_MS).getUTCFullYear());
  }
}

/** isBankHoliday for a civil date given as whole days since 1970-01-01 (see epochDayOf). */
export function isBankHolidayEpochDay(nation: Nation, epochDay: number): boolean {
  checkCalendarEpochDay(epochDay);
  return tableFor(EPOCH_DAYS_BY_NATION, nation).has(epochDay);
}
