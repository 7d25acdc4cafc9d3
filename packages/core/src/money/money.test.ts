import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/domain-error.ts';
import {
  add,
  compare,
  equals,
  formatMoney,
  formatPounds,
  fromPence,
  isNegative,
  isZero,
  MAX_PENCE,
  type Money,
  negate,
  parseCurrency,
  parseMoney,
  subtract,
  sum,
  times,
  toPenceNumber,
  ZERO,
} from './money.ts';

// The money rules of issue 5: integer pence, decimal strings at the edges, refusals typed and
// naming the field, totals from lines. Every expectation is on exact pence.

const gbp = (pence: bigint | number) => fromPence(pence);

/** The ValidationError a call throws, so a test can check both its message and its field. */
function validationErrorOf(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

describe('parseMoney', () => {
  it.each([
    ['1000000.01', 100_000_001n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['0', 0n],
    ['0.00', 0n],
    ['12', 1200n],
    ['21474836.48', 2_147_483_648n], // one penny past GraphQL Int: still exact
    ['90071992547409.91', MAX_PENCE],
  ])('reads %s as %s pence', (text, pence) => {
    expect(parseMoney(text).pence).toBe(pence);
  });

  it.each([
    ['-5', -500n],
    ['-0.50', -50n],
    ['-90071992547409.91', -MAX_PENCE],
  ])('reads %s as %s pence when negatives are allowed', (text, pence) => {
    expect(parseMoney(text, { allowNegative: true }).pence).toBe(pence);
  });

  it('treats -0 as zero, which is not negative', () => {
    expect(parseMoney('-0').pence).toBe(0n);
    expect(parseMoney('-0.00').pence).toBe(0n);
  });

  it.each([
    '1.001',
    '0.005',
    '1e3',
    '1E3',
    ' 1',
    '1 ',
    '1,000',
    '1_000',
    '',
    '+1',
    '--1',
    '-',
    'NaN',
    'Infinity',
    '.5',
    '5.',
    '01',
    '00.50',
    '£5',
    '0x10',
    '١٢', // Arabic-Indic digits
  ])('refuses %j with a ValidationError naming the field', (text) => {
    const error = validationErrorOf(() => parseMoney(text, { field: 'input.amount', allowNegative: true }));
    expect(error.field).toBe('input.amount');
    expect(error.kind).toBe('VALIDATION');
    expect(error.code).toBe('INVALID_MONEY');
  });

  it('refuses a negative amount unless allowed, naming the field', () => {
    const error = validationErrorOf(() => parseMoney('-5', { field: 'input.amount' }));
    expect(error.message).toMatch(/negative/);
    expect(error.field).toBe('input.amount');
  });

  it.each(['90071992547409.92', '-90071992547409.92', '100000000000000000000', '9'.repeat(10_000)])(
    'refuses an amount beyond the supported range',
    (text) => {
      const error = validationErrorOf(() => parseMoney(text, { field: 'input.amount', allowNegative: true }));
      expect(error.message).toMatch(/supported range/);
      expect(error.field).toBe('input.amount');
    },
  );

  it('refuses non-strings, since a number has already been a float', () => {
    expect(validationErrorOf(() => parseMoney(12.5 as unknown as string)).field).toBeNull();
  });

  it('leaves the field null when none is given', () => {
    expect(validationErrorOf(() => parseMoney('1.001')).field).toBeNull();
  });

  it('returns a frozen value', () => {
    expect(Object.isFrozen(parseMoney('1'))).toBe(true);
  });
});

describe('formatMoney and formatPounds', () => {
  it.each([
    [100_000_001n, '1000000.01', '£1,000,000.01'],
    [-50n, '-0.50', '-£0.50'],
    [0n, '0.00', '£0.00'],
    [5n, '0.05', '£0.05'],
    [100n, '1.00', '£1.00'],
    [99_999n, '999.99', '£999.99'],
    [100_000n, '1000.00', '£1,000.00'],
    [-247_600_000n, '-2476000.00', '-£2,476,000.00'],
    [MAX_PENCE, '90071992547409.91', '£90,071,992,547,409.91'],
  ])('%s pence is %s and %s', (pence, decimal, pounds) => {
    expect(formatMoney(gbp(pence))).toBe(decimal);
    expect(formatPounds(gbp(pence))).toBe(pounds);
  });

  it('round-trips every formatted amount through parseMoney', () => {
    for (const pence of [0n, 1n, -1n, 10n, 99n, 100n, 101n, 123_456_789n, -MAX_PENCE, MAX_PENCE]) {
      expect(parseMoney(formatMoney(gbp(pence)), { allowNegative: true }).pence).toBe(pence);
    }
  });
});

describe('fromPence and toPenceNumber', () => {
  it('accepts what the drivers return: numbers, bigints and pg bigint strings', () => {
    expect(fromPence(123).pence).toBe(123n);
    expect(fromPence(-123n).pence).toBe(-123n);
    expect(fromPence('9007199254740991').pence).toBe(MAX_PENCE);
    expect(fromPence('-42').pence).toBe(-42n);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, '1.50', '', ' 1', '1e3', 2 ** 53])(
    'refuses the malformed stored value %j with a TypeError',
    (value) => {
      expect(() => fromPence(value)).toThrow(TypeError);
    },
  );

  it('refuses a stored value beyond the range with a RangeError', () => {
    expect(() => fromPence('9007199254740992')).toThrow(RangeError);
    expect(() => fromPence(-(MAX_PENCE + 1n))).toThrow(RangeError);
  });

  it('writes back the exact number of pence', () => {
    expect(toPenceNumber(parseMoney('1000000.01'))).toBe(100_000_001);
    expect(toPenceNumber(fromPence(MAX_PENCE))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses to write a forged out-of-range value', () => {
    const forged = { pence: MAX_PENCE + 1n, currency: 'GBP' } as unknown as Money;
    expect(() => toPenceNumber(forged)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  const a = parseMoney('1000000.01');
  const b = parseMoney('0.02');

  it('adds, subtracts and negates exactly', () => {
    expect(formatMoney(add(a, b))).toBe('1000000.03');
    expect(formatMoney(subtract(b, a))).toBe('-999999.99');
    expect(formatMoney(negate(b))).toBe('-0.02');
    expect(negate(ZERO).pence).toBe(0n);
  });

  it('does not suffer the float error 0.1 + 0.2', () => {
    expect(formatMoney(add(parseMoney('0.1'), parseMoney('0.2')))).toBe('0.30');
  });

  it('multiplies by whole counts only', () => {
    expect(formatMoney(times(parseMoney('12.34'), 3))).toBe('37.02');
    expect(formatMoney(times(parseMoney('12.34'), -1n))).toBe('-12.34');
    expect(() => times(parseMoney('1'), 1.5)).toThrow(TypeError);
  });

  it('compares and tests', () => {
    expect(compare(a, b)).toBe(1);
    expect(compare(b, a)).toBe(-1);
    expect(compare(a, parseMoney('1000000.01'))).toBe(0);
    expect(equals(a, parseMoney('1000000.01'))).toBe(true);
    expect(isZero(subtract(a, a))).toBe(true);
    expect(isZero(a)).toBe(false);
    expect(isNegative(negate(a))).toBe(true);
    expect([a, negate(b), b].sort(compare).map(formatMoney)).toEqual(['-0.02', '0.02', '1000000.01']);
  });

  it('sums a list of lines, and an empty list is zero', () => {
    // The first seven lines of Lancashire's 2017/18 savings table ("Financial Benefits"), in pounds.
    const lines = ['1000000', '64000', '0', '141000', '63000', '23000', '200000'].map((text) => parseMoney(text));
    expect(formatMoney(sum(lines))).toBe('1491000.00');
    expect(sum([]).pence).toBe(0n);
    expect(formatMoney(sum([parseMoney('0.01'), parseMoney('0.01'), parseMoney('0.01')]))).toBe('0.03');
  });

  it('refuses a result beyond the range with a ValidationError', () => {
    const max = fromPence(MAX_PENCE);
    expect(() => add(max, parseMoney('0.01'))).toThrow(ValidationError);
    expect(() => subtract(negate(max), parseMoney('0.01'))).toThrow(ValidationError);
    expect(() => sum([max, max])).toThrow(ValidationError);
    expect(() => times(max, 2)).toThrow(ValidationError);
  });

  it('lets a running total stray beyond the range when the final total is inside it', () => {
    const max = fromPence(MAX_PENCE);
    expect(sum([max, max, negate(max)]).pence).toBe(MAX_PENCE);
  });
});

describe('parseCurrency', () => {
  it('accepts GBP and refuses anything else, naming the field', () => {
    expect(parseCurrency('GBP')).toBe('GBP');
    expect(validationErrorOf(() => parseCurrency('gbp', { field: 'input.currency' })).field).toBe('input.currency');
    expect(validationErrorOf(() => parseCurrency('EUR')).field).toBeNull();
  });
});
