import { CORE_ERRORS, ValidationError } from '@ssp/core';
import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30), or a ValidationError. */
export function isoDate(text: string, field: string): string {
  if (!ISO_DATE.test(text) || !DateTime.fromISO(text, { zone: 'utc' }).isValid) {
    throw new ValidationError('Write dates as YYYY-MM-DD', field, CORE_ERRORS.INVALID_DATE);
  }
  return text;
}

/** Days from `from` to `to`, both counted (2026-01-05 to 2026-01-05 is 1). */
export function daysInclusive(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'utc' });
  const b = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days) + 1;
}

/** Today's date on the London wall clock. */
export function londonToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/London' }).toISODate() as string;
}
