import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from './bank-holidays.ts';
import type { Nation } from './nation.ts';
import {
  addWorkingDays,
  addWorkingHours,
  isWorkingDay,
  workingCalendar,
  workingHoursBetween,
  workingMillisBetween,
} from './working-time.ts';

// Times are written as London wall-clock times ('2024-06-07T15:00' means 15:00 in London, GMT or
// BST as the date requires) except where a test is about the clock changes, which pins UTC
// instants ('...Z') so that an hour lost or gained cannot hide.

const london = (wallTime: string): Date => {
  const parsed = DateTime.fromISO(wallTime, { zone: 'Europe/London' });
  if (!parsed.isValid) throw new Error(`bad test time ${wallTime}`);
  return parsed.toJSDate();
};
const at = (text: string): Date => (text.endsWith('Z') ? new Date(text) : london(text));
const HOUR = 3_600_000;

const ENGLAND = workingCalendar('england_and_wales');
const SCOTLAND = workingCalendar('scotland');
const NI = workingCalendar('northern_ireland');
const calendarOf: Record<Nation, typeof ENGLAND> = {
  england_and_wales: ENGLAND,
  scotland: SCOTLAND,
  northern_ireland: NI,
};

describe('addWorkingHours', () => {
  it.each([
    // [why, nation, start, hours, expected]
    ['Friday afternoon plus 4 lands Monday morning', 'england_and_wales', '2024-06-07T15:00', 4, '2024-06-10T11:00'],
    ['within one day', 'england_and_wales', '2024-06-11T10:00', 3, '2024-06-11T13:00'],
    ['reaching closing exactly stays on that day', 'england_and_wales', '2024-06-07T13:00', 4, '2024-06-07T17:00'],
    ['16 hours is two whole days', 'england_and_wales', '2024-06-10T09:00', 16, '2024-06-11T17:00'],
    ['fractional hours', 'england_and_wales', '2024-06-11T10:00', 2.5, '2024-06-11T12:30'],
    ['an evening start rolls to the next opening', 'england_and_wales', '2024-06-11T19:30', 1, '2024-06-12T10:00'],
    ['an early start waits for opening', 'england_and_wales', '2024-06-11T07:00', 1, '2024-06-11T10:00'],
    ['a weekend start rolls to Monday', 'england_and_wales', '2024-06-08T11:00', 2, '2024-06-10T11:00'],
    ['zero from the weekend is Monday opening', 'england_and_wales', '2024-06-09T23:00', 0, '2024-06-10T09:00'],
    ['zero in hours is the start itself', 'england_and_wales', '2024-06-11T10:17', 0, '2024-06-11T10:17'],
    // Easter 2024 (and the March clock change on Easter Sunday): Scotland works Easter Monday.
    ['over Easter in England', 'england_and_wales', '2024-03-28T15:00', 4, '2024-04-02T11:00'],
    ['over Easter in Northern Ireland', 'northern_ireland', '2024-03-28T15:00', 4, '2024-04-02T11:00'],
    ['over Easter in Scotland', 'scotland', '2024-03-28T15:00', 4, '2024-04-01T11:00'],
    ['over Christmas 2022 (substitute on the 27th)', 'england_and_wales', '2022-12-23T16:00', 2, '2022-12-28T10:00'],
    ["over St Patrick's Day in Northern Ireland", 'northern_ireland', '2023-03-16T16:00', 2, '2023-03-20T10:00'],
    ["over St Patrick's Day in England", 'england_and_wales', '2023-03-16T16:00', 2, '2023-03-17T10:00'],
    ["over St Andrew's Day in Scotland", 'scotland', '2023-11-29T16:00', 2, '2023-12-01T10:00'],
    ["over St Andrew's Day in England", 'england_and_wales', '2023-11-29T16:00', 2, '2023-11-30T10:00'],
    ['over the Platinum Jubilee', 'scotland', '2022-06-01T16:00', 2, '2022-06-06T10:00'],
  ] as const)('%s', (_why, nation, start, hours, expected) => {
    expect(addWorkingHours(at(start), hours, calendarOf[nation]).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('the clock changes', () => {
  // 2026: clocks go forward at 01:00Z on Sunday 29 March and back at 01:00Z on Sunday 25 October.
  it.each([
    // [why, start, end, hours]
    ['March: Friday 09:00 GMT to Monday 17:00 BST', '2026-03-27T09:00:00Z', '2026-03-30T16:00:00Z', 16],
    ['March: noon UTC to noon UTC is 5 + 4 hours', '2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z', 9],
    ['March: Monday opens at 08:00Z', '2026-03-30T07:00:00Z', '2026-03-30T09:00:00Z', 1],
    ['March: the whole week of the change', '2026-03-23T00:00:00Z', '2026-03-30T00:00:00Z', 40],
    ['October: Friday 09:00 BST to Monday 17:00 GMT', '2026-10-23T08:00:00Z', '2026-10-26T17:00:00Z', 16],
    ['October: noon UTC to noon UTC is 4 + 3 hours', '2026-10-23T12:00:00Z', '2026-10-26T12:00:00Z', 7],
    ['October: Monday opens at 09:00Z', '2026-10-26T08:00:00Z', '2026-10-26T10:00:00Z', 1],
    ['October: the whole week of the change', '2026-10-19T00:00:00Z', '2026-10-26T00:00:00Z', 40],
    ['the changeover Sunday is not worked', '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', 0],
  ])('%s', (_why, start, end, hours) => {
    expect(workingMillisBetween(new Date(start), new Date(end), ENGLAND)).toBe(hours * HOUR);
  });

  it.each([
    // [why, start, hours, expected]: every working hour is a real elapsed hour
    ['March: Friday 15:00 GMT + 4 is Monday 11:00 BST', '2026-03-27T15:00:00Z', 4, '2026-03-30T10:00:00.000Z'],
    ['March: Friday 16:30 GMT + 1 is Monday 09:30 BST', '2026-03-27T16:30:00Z', 1, '2026-03-30T08:30:00.000Z'],
    ['October: Friday 15:00 BST + 4 is Monday 11:00 GMT', '2026-10-23T14:00:00Z', 4, '2026-10-26T11:00:00.000Z'],
    ['October: Friday 16:30 BST + 1 is Monday 09:30 GMT', '2026-10-23T15:30:00Z', 1, '2026-10-26T09:30:00.000Z'],
  ])('%s', (_why, start, hours, expected) => {
    expect(addWorkingHours(new Date(start), hours, ENGLAND).toISOString()).toBe(expected);
  });

  it('applies configured hours on the London clock on both sides of the change', () => {
    const longDay = workingCalendar('england_and_wales', { opensAt: '08:00', closesAt: '18:00' });
    // Friday 17:00 BST (16:00Z) plus 2: one hour to 18:00 BST, one from 08:00 GMT (08:00Z).
    expect(addWorkingHours(new Date('2026-10-23T16:00:00Z'), 2, longDay).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
    expect(workingHoursBetween(new Date('2026-10-19T00:00:00Z'), new Date('2026-10-24T00:00:00Z'), longDay)).toBe(50);
  });
});

describe('workingMillisBetween', () => {
  it.each([
    // [why, nation, start, end, hours]
    [
      'Easter week 2025 in England (Good Friday, Easter Monday)',
      'england_and_wales',
      '2025-04-14T00:00',
      '2025-04-22T00:00',
      32,
    ],
    ['Easter week 2025 in Scotland (Good Friday only)', 'scotland', '2025-04-14T00:00', '2025-04-22T00:00', 40],
    ['Christmas week 2022 (26th and 27th off)', 'england_and_wales', '2022-12-26T00:00', '2022-12-31T00:00', 24],
    [
      'Platinum Jubilee week 2022 (30 May worked, 2-3 June off)',
      'northern_ireland',
      '2022-05-30T00:00',
      '2022-06-04T00:00',
      24,
    ],
    [
      'Boyne week 2025 in Northern Ireland (Monday 14 July off)',
      'northern_ireland',
      '2025-07-14T00:00',
      '2025-07-19T00:00',
      32,
    ],
    ['Boyne week 2025 in England', 'england_and_wales', '2025-07-14T00:00', '2025-07-19T00:00', 40],
    ['part of one day', 'england_and_wales', '2024-06-10T10:30', '2024-06-10T11:15', 0.75],
    ['evening to the next morning', 'england_and_wales', '2024-06-10T18:00', '2024-06-11T09:30', 0.5],
    ['all of a weekend', 'scotland', '2024-06-08T00:00', '2024-06-10T00:00', 0],
    ['the same instant', 'england_and_wales', '2024-06-10T10:00', '2024-06-10T10:00', 0],
    ['backwards is negative', 'england_and_wales', '2024-06-11T10:00', '2024-06-10T10:00', -8],
  ] as const)('%s', (_why, nation, start, end, hours) => {
    expect(workingMillisBetween(at(start), at(end), calendarOf[nation])).toBe(hours * HOUR);
  });

  it('agrees with addWorkingHours', () => {
    const start = at('2024-03-27T11:20');
    for (const hours of [0.5, 7, 13, 40, 100]) {
      const end = addWorkingHours(start, hours, SCOTLAND);
      expect(workingMillisBetween(start, end, SCOTLAND)).toBe(hours * HOUR);
    }
  });
});

describe('whole years', () => {
  // 2024 has 262 weekdays; less 8, 9 or 10 bank holidays, at 8 hours each.
  it.each([
    ['england_and_wales', 254],
    ['scotland', 253],
    ['northern_ireland', 252],
  ] as const)('%s worked %i days in 2024', (nation, workingDays) => {
    expect(workingHoursBetween(at('2024-01-01T00:00'), at('2025-01-01T00:00'), calendarOf[nation])).toBe(
      workingDays * 8,
    );
  });

  // Every Friday and Monday: the days either side of each clock change, and a sample of the rest.
  it("opens and closes on Luxon's London clock on every working Monday and Friday, 2014 to 2030", () => {
    const mismatches: string[] = [];
    for (
      let day = new Date('2014-01-01T12:00:00Z');
      day.getUTCFullYear() <= 2030;
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const isoDate = day.toISOString().slice(0, 10);
      if ((day.getUTCDay() !== 1 && day.getUTCDay() !== 5) || !isWorkingDay(isoDate, ENGLAND)) continue;
      const opens = london(`${isoDate}T09:00`);
      const closes = london(`${isoDate}T17:00`);
      const rolled = addWorkingHours(new Date(opens.getTime() - 1), 0, ENGLAND);
      const closing = addWorkingHours(opens, 8, ENGLAND);
      if (rolled.getTime() !== opens.getTime() || closing.getTime() !== closes.getTime()) mismatches.push(isoDate);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('addWorkingDays: close of business on the Nth working day after the day of receipt', () => {
  it.each([
    // [why, nation, start, days, expected]
    ['Monday morning + 2 is Wednesday close', 'england_and_wales', '2024-06-10T10:00', 2, '2024-06-12T17:00'],
    [
      'before opening counts that day as the day of receipt',
      'england_and_wales',
      '2024-06-10T08:00',
      2,
      '2024-06-12T17:00',
    ],
    [
      'after closing the next day is the day of receipt',
      'england_and_wales',
      '2024-06-10T18:00',
      2,
      '2024-06-13T17:00',
    ],
    ['at closing exactly is after hours', 'england_and_wales', '2024-06-10T17:00', 2, '2024-06-13T17:00'],
    ['a Saturday is received on Monday', 'england_and_wales', '2024-06-08T11:00', 2, '2024-06-12T17:00'],
    ['zero days is the same working day', 'england_and_wales', '2024-06-10T10:00', 0, '2024-06-10T17:00'],
    ['Friday + 1 is Monday', 'england_and_wales', '2024-06-07T16:00', 1, '2024-06-10T17:00'],
    ['Thursday before Easter + 1, England', 'england_and_wales', '2024-03-28T10:00', 1, '2024-04-02T17:00'],
    ['Thursday before Easter + 1, Scotland', 'scotland', '2024-03-28T10:00', 1, '2024-04-01T17:00'],
    ['over Christmas 2022', 'england_and_wales', '2022-12-23T10:00', 1, '2022-12-28T17:00'],
    ['received on a bank holiday', 'northern_ireland', '2023-07-12T10:00', 2, '2023-07-17T17:00'],
  ] as const)('%s', (_why, nation, start, days, expected) => {
    expect(addWorkingDays(at(start), days, calendarOf[nation]).toISOString()).toBe(at(expected).toISOString());
  });

  it('lands on the London close across the March change (17:00 BST is 16:00Z)', () => {
    expect(addWorkingDays(new Date('2026-03-27T10:00:00Z'), 2, ENGLAND).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['england_and_wales', '2024-06-10', true],
    ['england_and_wales', '2024-06-08', false],
    ['england_and_wales', '2025-04-21', false],
    ['scotland', '2025-04-21', true],
    ['scotland', '2025-01-02', false],
    ['northern_ireland', '2025-03-17', false],
  ] as const)('%s %s: %s', (nation, date, expected) => {
    expect(isWorkingDay(date, calendarOf[nation])).toBe(expected);
  });
});

describe('refusals', () => {
  it.each([
    ['negative hours', () => addWorkingHours(at('2024-06-10T10:00'), -1, ENGLAND), RangeError],
    ['NaN hours', () => addWorkingHours(at('2024-06-10T10:00'), Number.NaN, ENGLAND), RangeError],
    ['fractional days', () => addWorkingDays(at('2024-06-10T10:00'), 1.5, ENGLAND), RangeError],
    ['an invalid date', () => addWorkingHours(new Date('nonsense'), 1, ENGLAND), TypeError],
    [
      'hours that close before they open',
      () => workingCalendar('scotland', { opensAt: '17:00', closesAt: '09:00' }),
      RangeError,
    ],
    ['hours not written HH:mm', () => workingCalendar('scotland', { opensAt: '9am' }), TypeError],
    [
      'running past the bank-holiday data',
      () => addWorkingHours(at('2030-12-31T16:00'), 2, ENGLAND),
      CalendarRangeError,
    ],
    [
      'counting across the end of the data',
      () => workingMillisBetween(at('2030-12-30T10:00'), at('2031-01-02T10:00'), ENGLAND),
      CalendarRangeError,
    ],
  ] as const)('%s', (_why, run, error) => {
    expect(run).toThrow(error);
  });
});
