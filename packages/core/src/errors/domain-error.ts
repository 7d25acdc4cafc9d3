import { CORE_ERRORS } from './core-error-codes.ts';
import type { ErrorCode, ErrorKind } from './error-code.ts';

/**
 * The expected failures of every domain. Each has a kind (its GraphQL type: ValidationError,
 * NotFoundError, ForbiddenError, ConflictError) and a stable, specific code that a client can
 * branch on (`IDEMPOTENCY_KEY_REUSED`, `OPPORTUNITY_NOT_ACCEPTED`, ...). Mutations return them in
 * their payload; queries raise them as top-level errors with the same code in `extensions.code`
 * (see docs/errors.md). Anything else is unexpected and masked.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: Exclude<ErrorKind, 'UNAUTHENTICATED'>;
  abstract readonly code: ErrorCode;
  /** A brand that survives where `instanceof` does not (a value that crossed module copies). */
  readonly isDomainError = true;
}

const DOMAIN_ERROR_KINDS: readonly string[] = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'];

/** True for any typed domain error, however it reached the caller. */
export function isDomainError(value: unknown): value is DomainError {
  // No `instanceof Error`: the errors plugin hands a mutation's typed error back as an object
  // that does not pass it, though it carries the error's own fields.
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<DomainError>).isDomainError === true &&
    DOMAIN_ERROR_KINDS.includes((value as DomainError).kind) &&
    typeof (value as DomainError).code === 'string'
  );
}

/** Input that cannot be accepted; `field` names the input path at fault when there is one. */
export class ValidationError extends DomainError {
  readonly kind = 'VALIDATION' as const;
  constructor(
    message: string,
    readonly field: string | null = null,
    /** Without one, `INVALID_INPUT`: a value out of range or badly formed, `field` says which. */
    readonly code: ErrorCode<'VALIDATION'> = CORE_ERRORS.INVALID_INPUT,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Nothing the caller may see has this id (deliberately the same answer as "not yours"). */
export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND' as const;
  constructor(
    message = 'Not found',
    readonly code: ErrorCode<'NOT_FOUND'> = CORE_ERRORS.NOT_FOUND,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The caller is known but may not do this; the code says why (a role, or whose action it is). */
export class ForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN' as const;
  constructor(
    message: string,
    readonly code: ErrorCode<'FORBIDDEN'>,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The request clashes with what exists (a duplicate, a reused idempotency key, a stale state). */
export class ConflictError extends DomainError {
  readonly kind = 'CONFLICT' as const;
  constructor(
    message: string,
    readonly code: ErrorCode<'CONFLICT'>,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
