import { CORE_ERRORS, ConflictError } from '@ssp/core';

// The key rule and the input hash are core's, shared by every package.
export { checkIdempotencyKey, idempotencyInputHash as inputHash } from '@ssp/core';

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
  if (existing.inputHash !== hash)
    throw new ConflictError(
      `This idempotency key was used for a different ${what}`,
      CORE_ERRORS.IDEMPOTENCY_KEY_REUSED,
    );
  return existing;
}
