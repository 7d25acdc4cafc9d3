import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  CalendarRangeError,
  easterSunday,
  FIRST_BANK_HOLIDAY_YEAR,
  isBankHoliday,
  LAST_BANK_HOLIDAY_YEAR,
  ONE_OFF_CHANGES,
} from './bank-holidays.ts';
import { NATIONS, type Nation } from './nation.ts';

// The generated table against lists typed in from GOV.UK (gov.uk/bank-holidays), not derived
// from the generator: 2014-2018 from GOV.UK's published data for all three nations, later years
// from its pages. Dates are written MM-DD within the year.

const PUBLISHED: readonly [Nation, number, string][] = [
  ['england_and_wales', 2014, '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26'],
  ['england_and_wales', 2015, '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28'],
  ['england_and_wales', 2016, '01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27'],
  ['england_and_wales', 2017, '01-02 04-14 04-17 05-01 05-29 08-28 12-25 12-26'],
  ['england_and_wales', 2018, '01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26'],
  ['england_and_wales', 2019, '01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26'],
  ['england_and_wales', 2020, '01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28'],
  ['england_and_wales', 2021, '01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28'],
  ['england_and_wales', 2022, '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27'],
  ['england_and_wales', 2023, '01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26'],
  ['england_and_wales', 2024, '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26'],
  ['england_and_wales', 2025, '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26'],
  ['england_and_wales', 2026, '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28'],
  ['england_and_wales', 2027, '01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28'],
  ['scotland', 2014, '01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26'],
  ['scotland', 2015, '01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28'],
  ['scotland', 2016, '01-01 01-04 03-25 05-02 05-30 08-01 11-30 12-26 12-27'],
  ['scotland', 2017, '01-02 01-03 04-14 05-01 05-29 08-07 11-30 12-25 12-26'],
  ['scotland', 2018, '01-01 01-02 03-30 05-07 05-28 08-06 11-30 12-25 12-26'],
  ['scotland', 2020, '01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28'],
  ['scotland', 2021, '01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28'],
  ['scotland', 2022, '01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27'],
  ['scotland', 2023, '01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26'],
  ['scotland', 2024, '01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26'],
  ['scotland', 2025, '01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26'],
  ['northern_ireland', 2014, '01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26'],
  ['northern_ireland', 2015, '01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28'],
  ['northern_ireland', 2016, '01-01 03-17 03-25 03-28 05-02 05-30 07-12 08-29 12-26 12-27'],
  ['northern_ireland', 2017, '01-02 03-17 04-14 04-17 05-01 05-29 07-12 08-28 12-25 12-26'],
  ['northern_ireland', 2018, '01-01 03-19 03-30 04-02 05-07 05-28 07-12 08-27 12-25 12-26'],
  ['northern_ireland', 2019, '01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26'],
  ['northern_ireland', 2020, '01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28'],
  ['northern_ireland', 2022, '01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27'],
  ['northern_ireland', 2024, '01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26'],
  ['northern_ireland', 2025, '01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26'],
  ['northern_ireland', 2026, '01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28'],
];

describe('bankHolidays against the published lists', () => {
  it.each(PUBLISHED)('%s %i', (nation, year, monthDays) => {
    const expected = monthDays.split(' ').map((monthDay) => `${year}-${monthDay}`);
    expect(bankHolidays(nation, year).map((holiday) => holiday.date)).toEqual(expected);
  });
});

describe('isBankHoliday, nation by nation', () => {
  const E = 'england_and_wales';
  const S = 'scotland';
  const N = 'northern_ireland';
  it.each([
    // Easter: Good Friday everywhere, Easter Monday everywhere but Scotland.
    [E, '2024-03-29', true, 'Good Friday 2024'],
    [S, '2024-03-29', true, 'Good Friday 2024'],
    [N, '2024-03-29', true, 'Good Friday 2024'],
    [E, '2025-04-21', true, 'Easter Monday 2025'],
    [S, '2025-04-21', false, 'Easter Monday 2025 (not a Scottish bank holiday)'],
    [N, '2025-04-21', true, 'Easter Monday 2025'],
    [E, '2016-03-28', true, 'Easter Monday 2016, in March'],
    [S, '2016-03-28', false, 'Easter Monday 2016, in March'],
    // Scotland only: 2 January, St Andrew's Day, first Monday of August.
    [S, '2024-01-02', true, '2nd January 2024'],
    [E, '2024-01-02', false, '2nd January 2024'],
    [N, '2024-01-02', false, '2nd January 2024'],
    [S, '2023-11-30', true, "St Andrew's Day 2023 (Thursday)"],
    [E, '2023-11-30', false, "St Andrew's Day 2023 (Thursday)"],
    [N, '2023-11-30', false, "St Andrew's Day 2023 (Thursday)"],
    [S, '2025-12-01', true, "St Andrew's Day 2025 substitute (30 Nov a Sunday)"],
    [E, '2025-12-01', false, "St Andrew's Day 2025 substitute"],
    [S, '2024-12-02', true, "St Andrew's Day 2024 substitute (30 Nov a Saturday)"],
    [S, '2024-08-05', true, 'Scottish summer bank holiday 2024'],
    [E, '2024-08-05', false, 'Scottish summer bank holiday 2024'],
    [E, '2024-08-26', true, 'summer bank holiday 2024 in England and Wales'],
    [S, '2024-08-26', false, 'summer bank holiday 2024 in England and Wales'],
    // Northern Ireland only: St Patrick's Day and the Battle of the Boyne, with substitutes.
    [N, '2023-03-17', true, "St Patrick's Day 2023"],
    [E, '2023-03-17', false, "St Patrick's Day 2023"],
    [S, '2023-03-17', false, "St Patrick's Day 2023"],
    [N, '2024-03-18', true, "St Patrick's Day 2024 substitute (17th a Sunday)"],
    [N, '2018-03-19', true, "St Patrick's Day 2018 substitute (17th a Saturday)"],
    [N, '2023-07-12', true, 'Battle of the Boyne 2023'],
    [E, '2023-07-12', false, 'Battle of the Boyne 2023'],
    [S, '2023-07-12', false, 'Battle of the Boyne 2023'],
    [N, '2025-07-14', true, 'Battle of the Boyne 2025 substitute (12th a Saturday)'],
    [N, '2026-07-13', true, 'Battle of the Boyne 2026 substitute (12th a Sunday)'],
    // The one-off days, in every nation.
    [E, '2020-05-04', false, 'first Monday of May 2020, moved for VE day'],
    [S, '2020-05-04', false, 'first Monday of May 2020, moved for VE day'],
    [N, '2020-05-04', false, 'first Monday of May 2020, moved for VE day'],
    [E, '2020-05-08', true, 'VE day 2020'],
    [S, '2020-05-08', true, 'VE day 2020'],
    [N, '2020-05-08', true, 'VE day 2020'],
    [E, '2022-05-30', false, 'last Monday of May 2022, moved for the Platinum Jubilee'],
    [S, '2022-05-30', false, 'last Monday of May 2022, moved for the Platinum Jubilee'],
    [E, '2022-06-02', true, 'Spring bank holiday 2022 (moved)'],
    [N, '2022-06-02', true, 'Spring bank holiday 2022 (moved)'],
    [E, '2022-06-03', true, 'Platinum Jubilee'],
    [S, '2022-06-03', true, 'Platinum Jubilee'],
    [N, '2022-06-03', true, 'Platinum Jubilee'],
    [E, '2022-09-19', true, 'State Funeral of Queen Elizabeth II'],
    [S, '2022-09-19', true, 'State Funeral of Queen Elizabeth II'],
    [N, '2022-09-19', true, 'State Funeral of Queen Elizabeth II'],
    [E, '2023-05-08', true, 'Coronation of King Charles III'],
    [S, '2023-05-08', true, 'Coronation of King Charles III'],
    [N, '2023-05-08', true, 'Coronation of King Charles III'],
    // Substitute days for Christmas, Boxing Day and New Year.
    [E, '2020-12-28', true, 'Boxing Day 2020 substitute (26th a Saturday)'],
    [E, '2021-12-27', true, 'Christmas Day 2021 substitute (25th a Saturday)'],
    [E, '2021-12-28', true, 'Boxing Day 2021 substitute (26th a Sunday)'],
    [E, '2022-12-26', true, 'Boxing Day 2022 (Christmas a Sunday)'],
    [E, '2022-12-27', true, 'Christmas Day 2022 substitute'],
    [E, '2022-01-03', true, "New Year's Day 2022 substitute (1st a Saturday)"],
    [E, '2022-01-04', false, 'no second January holiday in England and Wales'],
    [S, '2022-01-04', true, '2nd January 2022 substitute (2nd a Sunday)'],
    // Ordinary working days, and weekends (which are not bank holidays, just not working days).
    [E, '2024-03-28', false, 'Thursday before Easter'],
    [E, '2025-12-24', false, 'Christmas Eve'],
    [E, '2021-12-25', false, 'Christmas Day on a Saturday: the holiday is the Monday'],
  ] as const)('%s %s is %s: %s', (nation, date, expected, _why) => {
    expect(isBankHoliday(nation, date)).toBe(expected);
  });
});

describe('names and substitute days', () => {
  const holiday = (nation: Nation, date: string) =>
    bankHolidays(nation, Number(date.slice(0, 4))).find((entry) => entry.date === date);

  it.each([
    ['england_and_wales', '2020-12-28', 'Boxing Day', true],
    ['england_and_wales', '2021-12-27', 'Christmas Day', true],
    ['england_and_wales', '2021-12-28', 'Boxing Day', true],
    ['england_and_wales', '2022-12-26', 'Boxing Day', false],
    ['england_and_wales', '2022-12-27', 'Christmas Day', true],
    ['england_and_wales', '2023-01-02', "New Year's Day", true],
    // As GOV.UK lists 2017: 2nd January keeps its Monday and New Year's Day moves to Tuesday.
    ['scotland', '2017-01-02', '2nd January', false],
    ['scotland', '2017-01-03', "New Year's Day", true],
    ['scotland', '2014-12-01', "St Andrew's Day", true],
    ['northern_ireland', '2019-03-18', "St Patrick's Day", true],
    ['northern_ireland', '2020-07-13', "Battle of the Boyne (Orangemen's Day)", true],
    ['scotland', '2020-05-08', 'Early May bank holiday (VE day)', false],
    ['northern_ireland', '2022-06-03', 'Platinum Jubilee bank holiday', false],
  ] as const)('%s %s is %s (substitute: %s)', (nation, date, name, substitute) => {
    expect(holiday(nation, date)).toMatchObject({ name, substitute });
  });
});

describe('every nation and year in range', () => {
  const cases = NATIONS.flatMap((nation) =>
    Array.from({ length: LAST_BANK_HOLIDAY_YEAR - FIRST_BANK_HOLIDAY_YEAR + 1 }, (_, offset) => ({
      nation,
      year: FIRST_BANK_HOLIDAY_YEAR + offset,
    })),
  );
  const REGULAR_COUNT: Record<Nation, number> = { england_and_wales: 8, scotland: 9, northern_ireland: 10 };
  const EXTRA_DAYS: Record<number, number> = { 2022: 2, 2023: 1 }; // the Jubilee and funeral; the coronation

  it.each(cases)('$nation $year: weekdays only, in order, the right number', ({ nation, year }) => {
    const holidays = bankHolidays(nation, year);
    expect(holidays).toHaveLength(REGULAR_COUNT[nation] + (EXTRA_DAYS[year] ?? 0));
    for (const { date } of holidays) {
      expect(date.startsWith(`${year}-`)).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
      expect(isBankHoliday(nation, date)).toBe(true);
    }
    const dates = holidays.map((entry) => entry.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('applies every one-off change in every nation', () => {
    for (const change of ONE_OFF_CHANGES) {
      for (const nation of NATIONS) {
        if (change.kind === 'moved') {
          expect(isBankHoliday(nation, change.from)).toBe(false);
          expect(isBankHoliday(nation, change.to)).toBe(true);
        } else {
          expect(isBankHoliday(nation, change.date)).toBe(true);
        }
      }
    }
  });
});

describe('easterSunday', () => {
  it.each([
    [2014, 4, 20],
    [2015, 4, 5],
    [2016, 3, 27],
    [2017, 4, 16],
    [2018, 4, 1],
    [2019, 4, 21],
    [2020, 4, 12],
    [2021, 4, 4],
    [2022, 4, 17],
    [2023, 4, 9],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2028, 4, 16],
    [2029, 4, 1],
    [2030, 4, 21],
  ])('%i: %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('outside the data', () => {
  it.each([2013, 2031, 1999, 2014.5])('bankHolidays refuses %s', (year) => {
    expect(() => bankHolidays('england_and_wales', year)).toThrow(CalendarRangeError);
    expect(() => bankHolidays('england_and_wales', year)).toThrow(/only held for 2014 to 2030/);
  });

  it.each(['2013-12-31', '2031-01-01', '2031-03-03'])('isBankHoliday refuses %s rather than answer false', (date) => {
    expect(() => isBankHoliday('scotland', date)).toThrow(CalendarRangeError);
  });

  it.each(['2024-2-3', '2024-02-30', '03/01/2024', ''])('isBankHoliday refuses the malformed date %j', (date) => {
    expect(() => isBankHoliday('scotland', date)).toThrow(TypeError);
  });

  it('refuses an unknown nation passed from unchecked input', () => {
    expect(() => isBankHoliday('wales' as Nation, '2024-01-01')).toThrow(/Unknown nation 'wales'/);
  });
});
