import { describe, expect, it } from 'vitest';
import { coverReport, hoursOf, outOfHours, subtract, totalMs, union } from './out-of-hours.ts';

const at = (iso: string) => new Date(iso).getTime();
const hours = (intervals: { start: number; end: number }[]) => hoursOf(totalMs(intervals));

describe('out-of-hours time on each nation calendar, in elapsed hours', () => {
  it('a working weekday is 16 hours out of hours (00:00-09:00 and 17:00-24:00 London)', () => {
    expect(hours(outOfHours('england_and_wales', '2026-06-10', '2026-06-10'))).toBe(16);
    // In summer London is UTC+1: 09:00 London is 08:00Z.
    expect(outOfHours('england_and_wales', '2026-06-10', '2026-06-10')[0]).toEqual({
      start: at('2026-06-09T23:00:00Z'),
      end: at('2026-06-10T08:00:00Z'),
    });
  });

  it('Easter Monday is a bank holiday in England and Wales (24 hours) but a working day in Scotland (16)', () => {
    expect(hours(outOfHours('england_and_wales', '2026-04-06', '2026-04-06'))).toBe(24);
    expect(hours(outOfHours('scotland', '2026-04-06', '2026-04-06'))).toBe(16);
    // And 2 January the other way round.
    expect(hours(outOfHours('scotland', '2026-01-02', '2026-01-02'))).toBe(24);
    expect(hours(outOfHours('england_and_wales', '2026-01-02', '2026-01-02'))).toBe(16);
  });

  it('the Sunday the clocks go forward holds 23 hours, the Sunday they go back 25', () => {
    expect(hours(outOfHours('england_and_wales', '2026-03-29', '2026-03-29'))).toBe(23);
    expect(hours(outOfHours('england_and_wales', '2026-10-25', '2026-10-25'))).toBe(25);
    // Friday 17:00 to Monday 09:00 across the spring change: 7 + 24 + 23 + 9 = 63 elapsed hours.
    const weekend = outOfHours('england_and_wales', '2026-03-27', '2026-03-30');
    expect(union(weekend).map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ['2026-03-27T00:00:00.000Z', '2026-03-27T09:00:00.000Z'],
      ['2026-03-27T17:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      ['2026-03-30T16:00:00.000Z', '2026-03-30T23:00:00.000Z'],
    ]);
    expect(hoursOf(at('2026-03-30T08:00:00Z') - at('2026-03-27T17:00:00Z'))).toBe(63);
  });
});

describe('the uncovered-hours report', () => {
  const england = { memberId: 'e', name: 'English council', nation: 'england_and_wales' as const, weight: 1 };
  const scotland = { memberId: 's', name: 'Scottish council', nation: 'scotland' as const, weight: 1 };

  it('across Easter Monday: the Scottish member has no gap in its working day, the English one has', () => {
    // Cover only the evening and night around Easter Monday (Sun 17:00 to Mon 09:00, Mon 17:00 to Tue 09:00).
    const shifts = [
      { start: at('2026-04-05T16:00:00Z'), end: at('2026-04-06T08:00:00Z'), memberId: 'e' },
      { start: at('2026-04-06T16:00:00Z'), end: at('2026-04-07T08:00:00Z'), memberId: 's' },
    ];
    const report = coverReport([england, scotland], shifts, '2026-04-06', '2026-04-06');
    const [e, s] = report.members;
    expect(hoursOf(e!.outOfHoursMs)).toBe(24);
    expect(hoursOf(e!.coveredMs)).toBe(16);
    expect(hours(e!.uncovered)).toBe(8); // 09:00-17:00 on the bank holiday
    expect(e!.uncovered).toEqual([{ start: at('2026-04-06T08:00:00Z'), end: at('2026-04-06T16:00:00Z') }]);
    expect(hours(s!.uncovered)).toBe(0);
    // The partnership: someone is out of hours all day; the daytime gap is England's.
    expect(hours(report.uncovered)).toBe(8);
    // Shift hours held within the period (Monday only): 9 by the English member, 7 by the Scottish one.
    expect(hoursOf(e!.heldMs)).toBe(9);
    expect(hoursOf(s!.heldMs)).toBe(7);
    expect(hoursOf(e!.expectedHeldMs)).toBe(8);
  });

  it('across the clock change: a night shift of fixed wall-clock times holds one hour less', () => {
    // Sat 28 March 17:00 to Sun 29 March 17:00 London is 23 elapsed hours.
    const shifts = [{ start: at('2026-03-28T17:00:00Z'), end: at('2026-03-29T16:00:00Z'), memberId: 'e' }];
    const report = coverReport([england], shifts, '2026-03-28', '2026-03-29');
    expect(hoursOf(report.outOfHoursMs)).toBe(47);
    expect(hoursOf(report.members[0]!.coveredMs)).toBe(23);
    expect(hours(report.uncovered)).toBe(24);
  });

  it('subtracts overlapping shifts once', () => {
    const gaps = subtract(
      [{ start: 0, end: 10 }],
      [
        { start: 1, end: 4 },
        { start: 3, end: 6 },
        { start: 8, end: 12 },
      ],
    );
    expect(gaps).toEqual([
      { start: 0, end: 1 },
      { start: 6, end: 8 },
    ]);
  });

  it('refuses a period the calendars do not cover', () => {
    expect(() => coverReport([england], [], '2031-01-01', '2031-01-02')).toThrow(/2014 to 2030/);
  });
});
