/**
 * The expected failures of every domain, each mapped to a GraphQL error type that mutations
 * return in their payload (never a thrown string). Anything else is unexpected and masked.
 */
export type DomainErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** A brand that survives where `instanceof` does not (a value that crossed module copies). */
  readonly isDomainError = true;
}

const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'];

/** True for any typed domain error, however it reached the caller. */
export function isDomainError(value: unknown): value is DomainError {
  // No `instanceof Error`: the errors plugin hands a mutation's typed error back as an object
  // that does not pass it, though it carries the error's own fields.
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<DomainError>).isDomainError === true &&
    DOMAIN_ERROR_CODES.includes((value as DomainError).code)
  );
}

/** Input that cannot be accepted; `field` names the input path at fault when there is one. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Nothing the caller may see has this id (deliberately the same answer as "not yours"). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The caller is known but its roles do not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'You are not allowed to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The request clashes with what exists (a duplicate, a reused idempotency key, a stale state). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
