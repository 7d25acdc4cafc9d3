import { fromPence, type Money } from './money.ts';

/**
 * Splitting an amount without losing or inventing a penny: instalments of an annual charge,
 * a saving spread across categories, a credit shared between lines.
 *
 * Method: largest remainder, done in bigint so it is exact for any weights. Each part first gets
 * floor(|total| × weight / Σweights); the pennies left over (fewer than the number of parts) go
 * one each to the parts with the largest remainders, and on a tie to the EARLIER part. With equal
 * weights every remainder ties, so the first k parts carry one extra penny each: no two parts
 * differ by more than 1p, and the schedule is the same every time it is regenerated.
 *
 * Negative totals (credits, reversals) split their magnitude the same way and negate every part,
 * so -£0.05 over 12 gives -£0.01 to the first five; sign never changes which parts get the odd
 * pennies.
 */

/** How an annual amount is paid through the fiscal year. */
export const PAYMENT_PROFILES = ['monthly', 'quarterly'] as const;
export type PaymentProfile = (typeof PAYMENT_PROFILES)[number];

const INSTALMENT_COUNT: Record<PaymentProfile, number> = { monthly: 12, quarterly: 4 };

/**
 * Splits `total` into parts that add up to it exactly. `parts` is either a count of equal parts
 * or a list of non-negative whole-number weights (e.g. [2, 1], or other amounts' pence as
 * bigints). Fractional weights are refused: they would bring floating point back in.
 * Misuse (no parts, all-zero weights) throws RangeError, as it is a programming error.
 */
export function allocate(total: Money, parts: number | readonly (number | bigint)[]): Money[] {
  const weights = typeof parts === 'number' ? equalWeights(parts) : parts.map(toWeight);
  if (weights.length === 0) throw new RangeError('Cannot allocate over no parts');
  const weightTotal = weights.reduce((acc, weight) => acc + weight, 0n);
  if (weightTotal === 0n) throw new RangeError('Cannot allocate over weights that are all zero');

  const negative = total.pence < 0n;
  const magnitude = negative ? -total.pence : total.pence;
  const shares = weights.map((weight) => (magnitude * weight) / weightTotal);
  const remainders = weights.map((weight) => (magnitude * weight) % weightTotal);
  let leftover = magnitude - shares.reduce((acc, share) => acc + share, 0n);

  // Largest remainder first; equal remainders keep index order, so earlier parts win ties.
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const index of order) {
    if (leftover === 0n) break;
    shares[index] = shares[index]! + 1n;
    leftover -= 1n;
  }

  return shares.map((share) => fromPence(negative ? -share : share, total.currency));
}

/**
 * The instalments of an annual amount: 12 (April to March) or 4 (quarters from April), adding up
 * exactly to the total, differing by at most 1p, with the odd pennies in the earliest
 * instalments. £1,000,000.01 monthly is five of £83,333.34 then seven of £83,333.33. Pair them
 * with `monthsOf` / `quartersOf` from the fiscal-year module for dates.
 */
export function instalments(total: Money, profile: PaymentProfile): Money[] {
  return allocate(total, INSTALMENT_COUNT[profile]);
}

function equalWeights(count: number): bigint[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Number of parts must be a positive whole number, got ${count}`);
  }
  return Array.from({ length: count }, () => 1n);
}

function toWeight(weight: number | bigint): bigint {
  if (typeof weight === 'bigint') {
    if (weight < 0n) throw new RangeError(`Weights must not be negative, got ${weight}`);
    return weight;
  }
  if (!Number.isSafeInteger(weight) || weight < 0) {
    throw new RangeError(`Weights must be non-negative whole numbers, got ${weight}`);
  }
  return BigInt(weight);
}
