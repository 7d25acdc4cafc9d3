import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/domain-error.ts';
import {
  compareFiscalYears,
  currentFiscalYear,
  fiscalYearContains,
  fiscalYearEndDate,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearStartDate,
  fiscalYearStarting,
  fiscalYearsEqual,
  formatFiscalYear,
  monthsOf,
  nextFiscalYear,
  parseFiscalYear,
  previousFiscalYear,
  quartersOf,
} from './fiscal-year.ts';

// Fiscal years run 1 April to 31 March on the London calendar and are written '2017/18'.

const fy = (text: string) => parseFiscalYear(text);
const label = (when: string | Date) => formatFiscalYear(fiscalYearOf(when));

function validationErrorOf(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

describe('parseFiscalYear and formatFiscalYear', () => {
  it.each([
    ['2017/18', 2017],
    ['2015/16', 2015],
    ['1999/00', 1999],
    ['2009/10', 2009],
    ['2099/00', 2099],
  ])('reads %s as the year starting in %i and writes it back the same', (text, startYear) => {
    const year = parseFiscalYear(text);
    expect(year.startYear).toBe(startYear);
    expect(formatFiscalYear(year)).toBe(text);
  });

  it.each([
    '2017/19',
    '2017/17',
    '2017-18',
    '17/18',
    '2017/2018',
    '2017/8',
    ' 2017/18',
    '2017/18 ',
    '2017 / 18',
    '2017',
    '',
    'FY2017/18',
    '1899/00',
  ])('refuses %j with a ValidationError naming the field', (text) => {
    const error = validationErrorOf(() => parseFiscalYear(text, { field: 'input.fiscalYear' }));
    expect(error.field).toBe('input.fiscalYear');
    expect(error.kind).toBe('VALIDATION');
    expect(error.code).toBe('INVALID_FISCAL_YEAR');
  });

  it('refuses a start year outside the supported span', () => {
    expect(() => fiscalYearStarting(1899)).toThrow(ValidationError);
    expect(() => fiscalYearStarting(2999)).toThrow(ValidationError);
    expect(() => fiscalYearStarting(2017.5)).toThrow(ValidationError);
  });
});

describe('start and end dates', () => {
  it('runs from 1 April to 31 March', () => {
    expect(fiscalYearStartDate(fy('2017/18'))).toBe('2017-04-01');
    expect(fiscalYearEndDate(fy('2017/18'))).toBe('2018-03-31');
    expect(fiscalYearEndDate(fy('1999/00'))).toBe('2000-03-31');
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2017-04-01', '2017/18'],
    ['2018-03-31', '2017/18'],
    ['2018-04-01', '2018/19'],
    ['2018-01-01', '2017/18'],
    ['2017-12-31', '2017/18'],
    ['2017-03-31', '2016/17'],
    ['2020-02-29', '2019/20'],
  ])('puts the calendar date %s in %s', (date, expected) => {
    expect(label(date)).toBe(expected);
  });

  it('judges instants on the London calendar across the BST change of 25 March 2018', () => {
    // On 31 March 2018 London was already on BST (UTC+1): 23:30Z was 00:30 on 1 April.
    expect(label(new Date('2018-03-31T23:30:00Z'))).toBe('2018/19');
    expect(label('2018-03-31T23:30:00Z')).toBe('2018/19');
    expect(label(new Date('2018-03-31T22:59:59.999Z'))).toBe('2017/18');
    expect(label(new Date('2018-03-31T23:00:00Z'))).toBe('2018/19');
    expect(formatFiscalYear(fiscalYearOf(DateTime.fromISO('2018-03-31T23:30:00Z', { zone: 'UTC' })))).toBe('2018/19');
  });

  it('reads a time with no offset as London local time', () => {
    expect(label('2018-03-31T23:30:00')).toBe('2017/18');
    expect(label('2018-04-01T00:00:00')).toBe('2018/19');
  });

  it('honours an explicit offset', () => {
    // 1 April 2019 00:30 in Paris (UTC+2) is 23:30 on 31 March in London (UTC+1).
    expect(label('2019-04-01T00:30:00+02:00')).toBe('2018/19');
  });

  it('uses GMT when the year end falls before the clocks change', () => {
    // In 2024 the clocks changed on 31 March at 01:00 UTC, so 31 March 23:30Z was already BST.
    expect(label(new Date('2024-03-31T23:30:00Z'))).toBe('2024/25');
    // In 2016 they changed on 27 March; and in winter London is UTC, so the date is as written.
    expect(label(new Date('2017-01-31T23:30:00Z'))).toBe('2016/17');
  });

  it.each(['2018', '2018-W13', '2018-090', '31/03/2018', '2018-02-30', '2018-13-01', 'not a date', ''])(
    'refuses %j with a ValidationError naming the field',
    (text) => {
      expect(validationErrorOf(() => fiscalYearOf(text, { field: 'input.date' })).field).toBe('input.date');
    },
  );

  it('refuses an invalid Date', () => {
    expect(() => fiscalYearOf(new Date('nonsense'))).toThrow(ValidationError);
  });

  it('answers the current year and containment by the same rule', () => {
    expect(formatFiscalYear(currentFiscalYear(new Date('2018-03-31T23:30:00Z')))).toBe('2018/19');
    expect(fiscalYearContains(fy('2017/18'), '2018-03-31')).toBe(true);
    expect(fiscalYearContains(fy('2017/18'), new Date('2018-03-31T23:30:00Z'))).toBe(false);
  });
});

describe('ordering and ranges', () => {
  it('steps, compares and checks equality', () => {
    expect(formatFiscalYear(nextFiscalYear(fy('2017/18')))).toBe('2018/19');
    expect(formatFiscalYear(previousFiscalYear(fy('2017/18')))).toBe('2016/17');
    expect(formatFiscalYear(nextFiscalYear(fy('1999/00')))).toBe('2000/01');
    expect(compareFiscalYears(fy('2015/16'), fy('2017/18'))).toBe(-1);
    expect(compareFiscalYears(fy('2017/18'), fy('2015/16'))).toBe(1);
    expect(compareFiscalYears(fy('2017/18'), fy('2017/18'))).toBe(0);
    expect(fiscalYearsEqual(fy('2017/18'), fiscalYearStarting(2017))).toBe(true);
    expect([fy('2018/19'), fy('2015/16'), fy('2017/18')].sort(compareFiscalYears).map(formatFiscalYear)).toEqual([
      '2015/16',
      '2017/18',
      '2018/19',
    ]);
  });

  it('lists an inclusive range', () => {
    expect(fiscalYearRange(fy('2015/16'), fy('2018/19')).map(formatFiscalYear)).toEqual([
      '2015/16',
      '2016/17',
      '2017/18',
      '2018/19',
    ]);
    expect(fiscalYearRange(fy('2017/18'), fy('2017/18')).map(formatFiscalYear)).toEqual(['2017/18']);
  });

  it('refuses a reversed range rather than answering with nothing', () => {
    const error = validationErrorOf(() => fiscalYearRange(fy('2018/19'), fy('2017/18'), { field: 'input.to' }));
    expect(error.field).toBe('input.to');
  });
});

describe('months and quarters', () => {
  it('lists the twelve months from April to March', () => {
    expect(monthsOf(fy('2017/18'))).toEqual([
      '2017-04',
      '2017-05',
      '2017-06',
      '2017-07',
      '2017-08',
      '2017-09',
      '2017-10',
      '2017-11',
      '2017-12',
      '2018-01',
      '2018-02',
      '2018-03',
    ]);
  });

  it('puts every month of the year in that year', () => {
    const year = fy('2019/20');
    for (const month of monthsOf(year)) {
      expect(fiscalYearContains(year, `${month}-01`)).toBe(true);
    }
  });

  it('lists the four quarters from April', () => {
    expect(quartersOf(fy('2017/18'))).toEqual([
      { quarter: 1, months: ['2017-04', '2017-05', '2017-06'], startDate: '2017-04-01', endDate: '2017-06-30' },
      { quarter: 2, months: ['2017-07', '2017-08', '2017-09'], startDate: '2017-07-01', endDate: '2017-09-30' },
      { quarter: 3, months: ['2017-10', '2017-11', '2017-12'], startDate: '2017-10-01', endDate: '2017-12-31' },
      { quarter: 4, months: ['2018-01', '2018-02', '2018-03'], startDate: '2018-01-01', endDate: '2018-03-31' },
    ]);
  });
});
