import { createHash } from 'node:crypto';
import { ConflictError, ValidationError } from '@ssp/core';

/** What makes two creations "the same": everything the client sent except the key itself. */
export function inputHash(values: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

export function checkIdempotencyKey(key: string, field = 'input.idempotencyKey'): void {
  if (key.length < 8 || key.length > 200)
    throw new ValidationError('The idempotency key is 8 to 200 characters', field);
}

/**
 * The row a key already made, when it made one: the same input returns it (a replay), other input
 * under the same key is a ConflictError. Null when the key is new.
 */
export function replayed<Row extends { inputHash: string | null }>(
  existing: Row | undefined,
  hash: string,
  what: string,
): Row | null {
  if (!existing) return null;
  if (existing.inputHash !== hash) throw new ConflictError(`This idempotency key was used for a different ${what}`);
  return existing;
}
