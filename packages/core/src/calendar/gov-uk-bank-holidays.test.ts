import { describe, expect, it } from 'vitest';
import { readGovUkBankHolidays } from './gov-uk-bank-holidays.ts';

// The shape of https://www.gov.uk/bank-holidays.json, trimmed to a few events.
const DOCUMENT = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
      { title: "New Year's Day", date: '2026-01-01', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
    ],
  },
  scotland: {
    division: 'scotland',
    events: [{ title: "St Andrew's Day", date: '2026-11-30', notes: '', bunting: true }],
  },
};

describe('readGovUkBankHolidays', () => {
  it('reads each division as its nation, holidays in date order, with the years it speaks for', () => {
    expect(readGovUkBankHolidays(DOCUMENT)).toEqual({
      ok: true,
      divisions: [
        {
          nation: 'england_and_wales',
          years: [2026],
          holidays: [
            { date: '2026-01-01', name: "New Year's Day" },
            { date: '2026-12-25', name: 'Christmas Day' },
            { date: '2026-12-28', name: 'Boxing Day' },
          ],
        },
        { nation: 'scotland', years: [2026], holidays: [{ date: '2026-11-30', name: "St Andrew's Day" }] },
      ],
    });
  });

  it.each([
    ['not an object', 'a list', ''],
    ['an unknown division', { wales: { division: 'wales', events: [] } }, 'wales'],
    [
      'a division that disagrees with its key',
      { scotland: { ...DOCUMENT.scotland, division: 'x' } },
      'scotland.division',
    ],
    [
      'a malformed date',
      { scotland: { division: 'scotland', events: [{ title: 'x', date: '2026-02-30' }] } },
      'scotland.events.0.date',
    ],
    [
      'a date twice',
      {
        scotland: {
          division: 'scotland',
          events: [
            { title: 'a', date: '2026-11-30' },
            { title: 'b', date: '2026-11-30' },
          ],
        },
      },
      'scotland.events.1.date',
    ],
    [
      'a year the calendars do not cover',
      { scotland: { division: 'scotland', events: [{ title: 'x', date: '2031-01-01' }] } },
      'scotland.events.0.date',
    ],
    ['no events', { scotland: { division: 'scotland', events: [] } }, 'scotland.events'],
  ])('refuses %s, naming where', (_what, document, path) => {
    const reading = readGovUkBankHolidays(document);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problems.map((problem) => problem.path)).toContain(path);
  });
});
