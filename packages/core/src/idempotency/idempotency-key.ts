import { createHash } from 'node:crypto';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ValidationError } from '../errors/domain-error.ts';

/**
 * Creating mutations take an idempotency key: the same key with the same input returns the first
 * result, with other input it is a ConflictError (IDEMPOTENCY_KEY_REUSED). These are the two rules every package shares.
 */

/** Refuses a key outside 8-200 characters (short keys collide; long ones are abuse). Returns it. */
export function checkIdempotencyKey(key: string, field = 'input.idempotencyKey'): string {
  if (key.length < 8 || key.length > 200)
    throw new ValidationError('The idempotency key is 8 to 200 characters', field, CORE_ERRORS.IDEMPOTENCY_KEY_INVALID);
  return key;
}

/**
 * What makes two calls "the same": everything the client sent except the key, as a SHA-256 of
 * its JSON (bigints as their decimal text, so money in pence hashes exactly). The input is a list
 * of the values that matter, or an object of them (onboarding hashes its input object). Without
 * bigints the JSON is `JSON.stringify`'s own, so hashes stored before this helper took objects
 * (onboarding's, taken as `sha256(JSON.stringify(input))`) still match their retries.
 */
export function idempotencyInputHash(input: readonly unknown[] | Readonly<Record<string, unknown>>): string {
  const json = JSON.stringify(input, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha256').update(json).digest('hex');
}
