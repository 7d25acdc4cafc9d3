import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ValidationError } from '../errors/domain-error.ts';

/**
 * Exact money. An amount is a whole number of minor units (pence) held as a bigint, so no
 * arithmetic here can round; the database stores the same integer in a `bigint` column and
 * GraphQL carries it as a decimal string ('1000000.01') plus a currency code, never as a float
 * and never as GraphQL `Int` (32-bit: £21.5m overflows it).
 *
 * Supported range: ±(2^53 - 1) pence, about ±£90 trillion. That is the widest range that
 * survives every way an amount leaves this module: a PostgreSQL `bigint` read back by a driver
 * that hands out JS numbers (PGlite, `pg` with a number parser) is exact only up to
 * Number.MAX_SAFE_INTEGER, and `toPenceNumber` must be able to write any Money it is given.
 * Nothing real comes close, so a value outside it is a mistake and is refused, never clamped:
 * parseMoney and arithmetic throw ValidationError (the amounts came from input, so the caller
 * gets a typed failure), fromPence and toPenceNumber throw plain errors (a bad stored row is a bug).
 */

/** Currencies the platform accepts. Only sterling today; kept a union so a second is one line. */
export const CURRENCIES = ['GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The largest magnitude a Money may hold, in pence: Number.MAX_SAFE_INTEGER. */
export const MAX_PENCE = 9_007_199_254_740_991n;
export const MIN_PENCE = -MAX_PENCE;

// A type-only brand: it costs nothing at run time, but stops anyone writing a Money as an
// object literal, so every Money has been through `money()` and its range check.
declare const moneyBrand: unique symbol;

/** An immutable amount of money. Build one with `parseMoney`, `fromPence` or the arithmetic here. */
export type Money = {
  readonly pence: bigint;
  readonly currency: Currency;
  readonly [moneyBrand]: true;
};

export interface ParseMoneyOptions {
  /** Whether a minus sign is allowed (credits, reversals, restatements). Default false. */
  allowNegative?: boolean;
  /** The input path reported on the ValidationError, e.g. 'input.amount'. */
  field?: string;
}

const RANGE_TEXT = '±90071992547409.91';

function money(pence: bigint, currency: Currency = 'GBP', field: string | null = null): Money {
  if (pence > MAX_PENCE || pence < MIN_PENCE) {
    throw new ValidationError(
      `Amount is outside the supported range (${RANGE_TEXT})`,
      field,
      CORE_ERRORS.INVALID_MONEY,
    );
  }
  return Object.freeze({ pence, currency }) as Money;
}

/** Zero pounds; the starting point of every sum. */
export const ZERO: Money = money(0n);

// Canonical decimal text only: an optional minus, no leading zeros (bar a lone 0), and an
// optional fraction of one or two digits. Everything else ('1e3', ' 1', '1,000', '+1', '.5',
// '5.', '01') is refused rather than guessed at, because a lenient parser is how a pasted
// '1,000.00' silently becomes £1.
const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;
// Longest text that could still be in range ('-' + 14 integer digits + '.' + 2 decimals), with
// headroom. Anything longer is refused before BigInt sees it, so a megabyte of digits costs nothing.
const MAX_TEXT_LENGTH = 24;

/**
 * Reads a decimal string such as '1000000.01', '-5' or '0.5' into Money. Refuses, with a
 * ValidationError naming `field`: more than two decimals, exponents, spaces, thousands
 * separators, a plus sign, empty text, a minus sign unless `allowNegative`, and values outside
 * the supported range. '-0' and '-0.00' are zero, which is not negative, so they are accepted.
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): Money {
  const field = options.field ?? null;
  // GraphQL and JSON callers can hand over anything; a number here would already have been a float.
  if (typeof text !== 'string') {
    throw new ValidationError('Amount must be a decimal string such as "1250.00"', field, CORE_ERRORS.INVALID_MONEY);
  }
  const match = text.length <= MAX_TEXT_LENGTH ? DECIMAL.exec(text) : null;
  if (match === null) {
    const tooLong = text.length > MAX_TEXT_LENGTH && /^-?[0-9]+(\.[0-9]{1,2})?$/.test(text);
    throw new ValidationError(
      tooLong
        ? `Amount is outside the supported range (${RANGE_TEXT})`
        : `"${text.slice(0, 40)}" is not an amount: write a decimal with at most two decimal places, such as "1250.00"`,
      field,
      CORE_ERRORS.INVALID_MONEY,
    );
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  const pence = sign === '-' ? -magnitude : magnitude;
  if (pence < 0n && !options.allowNegative) {
    throw new ValidationError('Amount must not be negative', field, CORE_ERRORS.INVALID_MONEY);
  }
  return money(pence, 'GBP', field);
}

/** Reads a currency code from input; only the codes in CURRENCIES are accepted. */
export function parseCurrency(code: string, options: { field?: string } = {}): Currency {
  if (!(CURRENCIES as readonly string[]).includes(code)) {
    throw new ValidationError(
      `Currency "${code}" is not supported (use ${CURRENCIES.join(', ')})`,
      options.field ?? null,
      CORE_ERRORS.INVALID_MONEY,
    );
  }
  return code as Currency;
}

/**
 * Money from a stored pence value: a bigint, a safe-integer number (PGlite, or `pg` with a
 * number parser) or an integer string (how `pg` returns `bigint` by default). Malformed values
 * throw TypeError and out-of-range ones RangeError: they mean a bug or a bad row, not bad input,
 * so they should stay unexpected (masked) rather than be dressed up as a validation failure.
 */
export function fromPence(value: number | bigint | string, currency: Currency = 'GBP'): Money {
  let pence: bigint;
  if (typeof value === 'bigint') pence = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) pence = BigInt(value);
  else if (typeof value === 'string' && /^-?[0-9]{1,20}$/.test(value)) pence = BigInt(value);
  else throw new TypeError(`Pence must be an integer, got ${String(value).slice(0, 40)}`);
  if (pence > MAX_PENCE || pence < MIN_PENCE) {
    throw new RangeError(`Stored amount ${pence} pence is outside the supported range`);
  }
  return money(pence, currency);
}

/** The pence as a JS number for writing to the database; exact because of the range invariant. */
export function toPenceNumber(amount: Money): number {
  // Re-checked rather than trusted: a Money forged with a cast would otherwise lose pennies here.
  if (amount.pence > MAX_PENCE || amount.pence < MIN_PENCE) {
    throw new RangeError(`Amount ${amount.pence} pence cannot be written exactly`);
  }
  return Number(amount.pence);
}

/** The canonical decimal string used in GraphQL and CSV: always two decimals, '-0.50'. */
export function formatMoney(amount: Money): string {
  const negative = amount.pence < 0n;
  const magnitude = negative ? -amount.pence : amount.pence;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${magnitude / 100n}.${fraction}`;
}

/** For people: '£1,000,000.01', '-£0.50'. Not for machines: parseMoney refuses the separators. */
export function formatPounds(amount: Money): string {
  const [whole = '0', fraction = '00'] = formatMoney(amount).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.pence < 0n ? '-' : ''}£${grouped}.${fraction}`;
}

function sameCurrency(a: Money, b: Money): Currency {
  if (a.currency !== b.currency) {
    throw new TypeError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
  return a.currency;
}

export function add(a: Money, b: Money): Money {
  return money(a.pence + b.pence, sameCurrency(a, b));
}

export function subtract(a: Money, b: Money): Money {
  return money(a.pence - b.pence, sameCurrency(a, b));
}

/** The range is symmetric, so negation can never leave it. */
export function negate(a: Money): Money {
  return money(-a.pence, a.currency);
}

/** Multiplies by a whole count (units used, months); fractions would need a rounding rule, so none. */
export function times(a: Money, count: number | bigint): Money {
  if (typeof count === 'number' && !Number.isSafeInteger(count)) {
    throw new TypeError(`Count must be a whole number, got ${count}`);
  }
  return money(a.pence * BigInt(count), a.currency);
}

/** -1, 0 or 1, for sorting and comparisons. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.pence < b.pence ? -1 : a.pence > b.pence ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.pence === b.pence;
}

export function isZero(a: Money): boolean {
  return a.pence === 0n;
}

export function isNegative(a: Money): boolean {
  return a.pence < 0n;
}

/**
 * The total of a list of lines; an empty list is zero. Intermediate sums are bigints, so only the
 * final total is range-checked (a list whose running total strays out and back is still exact).
 */
export function sum(amounts: Iterable<Money>, currency: Currency = 'GBP'): Money {
  let total = 0n;
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new TypeError(`Cannot combine ${currency} with ${amount.currency}`);
    total += amount.pence;
  }
  return money(total, currency);
}
