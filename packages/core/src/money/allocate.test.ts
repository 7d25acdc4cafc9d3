import { describe, expect, it } from 'vitest';
import { allocate, instalments, PAYMENT_PROFILES } from './allocate.ts';
import { formatMoney, fromPence, type Money, negate, parseMoney, sum } from './money.ts';

// Splits must add up to the total to the penny, put the odd pennies in the earliest parts, and
// treat credits (negative totals) as mirror images of charges.

const texts = (parts: Money[]) => parts.map(formatMoney);
const spread = (parts: Money[]) => {
  const pence = parts.map((part) => part.pence).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return pence[pence.length - 1]! - pence[0]!;
};

describe('allocate', () => {
  it.each([
    {
      name: '£1,000,000.01 over 12 months',
      total: '1000000.01',
      parts: 12,
      expected: [...Array(5).fill('83333.34'), ...Array(7).fill('83333.33')],
    },
    {
      name: '£0.05 over 12 months: five pennies, then nothing',
      total: '0.05',
      parts: 12,
      expected: [...Array(5).fill('0.01'), ...Array(7).fill('0.00')],
    },
    { name: '£100 over weights [1, 1, 1]', total: '100', parts: [1, 1, 1], expected: ['33.34', '33.33', '33.33'] },
    { name: '£100 over weights [2, 1]', total: '100', parts: [2, 1], expected: ['66.67', '33.33'] },
    {
      name: '£0.01 over weights [1, 2]: the larger remainder wins',
      total: '0.01',
      parts: [1, 2],
      expected: ['0.00', '0.01'],
    },
    { name: '£10 over weights [0, 1, 0]', total: '10', parts: [0, 1, 0], expected: ['0.00', '10.00', '0.00'] },
    { name: '£1 over weights [3, 3, 1]', total: '1', parts: [3, 3, 1], expected: ['0.43', '0.43', '0.14'] },
    { name: 'zero over 4', total: '0', parts: 4, expected: ['0.00', '0.00', '0.00', '0.00'] },
    { name: 'one part takes everything', total: '123.45', parts: 1, expected: ['123.45'] },
    { name: 'a credit of -£100 over 3', total: '-100', parts: 3, expected: ['-33.34', '-33.33', '-33.33'] },
    {
      name: 'a credit of -£0.05 over 12',
      total: '-0.05',
      parts: 12,
      expected: [...Array(5).fill('-0.01'), ...Array(7).fill('0.00')],
    },
    { name: 'a credit of -£100 over weights [2, 1]', total: '-100', parts: [2, 1], expected: ['-66.67', '-33.33'] },
  ])('$name', ({ total, parts, expected }) => {
    const amount = parseMoney(total, { allowNegative: true });
    const result = allocate(amount, parts);
    expect(texts(result)).toEqual(expected);
    expect(sum(result).pence).toBe(amount.pence);
  });

  it('takes bigint weights, such as other amounts in pence, exactly', () => {
    // Split £3m in proportion to £1,000,000 and £2,000,000.01: the weights are 100000000 and 200000001 pence.
    const weights = [parseMoney('1000000').pence, parseMoney('2000000.01').pence];
    // Exact shares are £999,999.99|67 and £2,000,000.00|33: the spare penny goes to the larger remainder.
    const result = allocate(parseMoney('3000000'), weights);
    expect(texts(result)).toEqual(['1000000.00', '2000000.00']);
    expect(texts(allocate(parseMoney('3000000.01'), weights))).toEqual(['1000000.00', '2000000.01']);
  });

  it('is exact at the edge of the range', () => {
    const max = fromPence(9_007_199_254_740_991n);
    for (const parts of [7, [1, 2, 3], [1_000_000n, 1n]]) {
      expect(sum(allocate(max, parts)).pence).toBe(max.pence);
      expect(sum(allocate(negate(max), parts)).pence).toBe(-max.pence);
    }
  });

  it.each([
    ['no parts', 0],
    ['a negative count', -1],
    ['a fractional count', 1.5],
    ['empty weights', []],
    ['all-zero weights', [0, 0]],
    ['a negative weight', [1, -1]],
    ['fractional weights', [0.5, 0.5]],
    ['a negative bigint weight', [-1n, 2n]],
  ] as const)('refuses %s with a RangeError', (_, parts) => {
    expect(() => allocate(parseMoney('1'), parts)).toThrow(RangeError);
  });

  it('adds up and stays within a penny for a few hundred pseudo-random totals', () => {
    // A fixed-seed linear congruential generator: the same cases every run, so a failure reproduces.
    let seed = 20_170_401n;
    const next = () => {
      seed = (seed * 6_364_136_223_846_793_005n + 1_442_695_040_888_963_407n) % 2n ** 64n;
      return seed;
    };
    for (let i = 0; i < 400; i += 1) {
      const magnitude = next() % 10n ** BigInt(1 + (i % 15)); // from pennies up to £10 trillion
      const total = fromPence(i % 3 === 0 ? -magnitude : magnitude);
      const count = Number(next() % 24n) + 1;

      const equal = allocate(total, count);
      expect(equal).toHaveLength(count);
      expect(sum(equal).pence).toBe(total.pence);
      expect(spread(equal)).toBeLessThanOrEqual(1n);
      // Odd pennies come first: the magnitudes never increase along the list.
      const magnitudes = equal.map((part) => (part.pence < 0n ? -part.pence : part.pence));
      expect(magnitudes).toEqual([...magnitudes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

      const weights = Array.from({ length: count }, () => Number(next() % 5n));
      if (!weights.some((weight) => weight > 0)) weights[0] = 1;
      const weighted = allocate(total, weights);
      expect(sum(weighted).pence).toBe(total.pence);
      weighted.forEach((part, index) => {
        if (weights[index] === 0) expect(part.pence).toBe(0n);
      });
    }
  });
});

describe('instalments', () => {
  it('has one profile per way of paying', () => {
    expect(PAYMENT_PROFILES).toEqual(['monthly', 'quarterly']);
  });

  it.each([
    ['1000000.01', 'monthly', 12],
    ['1000000.01', 'quarterly', 4],
    ['0.05', 'monthly', 12],
    ['21474836.48', 'monthly', 12],
    ['-3000000', 'quarterly', 4],
    ['0', 'monthly', 12],
  ] as const)('%s %s is %i instalments that add up exactly and differ by at most 1p', (total, profile, count) => {
    const amount = parseMoney(total, { allowNegative: true });
    const result = instalments(amount, profile);
    expect(result).toHaveLength(count);
    expect(sum(result).pence).toBe(amount.pence);
    expect(spread(result)).toBeLessThanOrEqual(1n);
  });

  it('puts the odd pennies of £1,000,000.01 quarterly in the first instalment', () => {
    expect(texts(instalments(parseMoney('1000000.01'), 'quarterly'))).toEqual([
      '250000.01',
      '250000.00',
      '250000.00',
      '250000.00',
    ]);
  });
});
