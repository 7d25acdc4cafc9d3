import type { ForbiddenResult } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ForbiddenError, isDomainError } from '../errors/domain-error.ts';
import type { RequestContext } from './request-context.ts';

/** Where a caller without a token learns what to do (shown in the error and its extensions). */
export const AUTHENTICATION_HINT = 'send Authorization: Bearer <token>; get one from POST /oauth/token';

/** The top-level error of a call that needs a caller and sent no token. */
export function unauthenticatedError(): GraphQLError {
  return new GraphQLError(`Authentication required: ${AUTHENTICATION_HINT}`, {
    extensions: { code: CORE_ERRORS.UNAUTHENTICATED, kind: 'UNAUTHENTICATED', hint: AUTHENTICATION_HINT },
  });
}

/**
 * scope-auth's refusal, said plainly: no token is UNAUTHENTICATED (with the hint), a domain error
 * an auth scope raised keeps its own code, anything else is ROLE_REQUIRED. A ForbiddenError is a
 * domain error, so the one error rule applies (typed in a mutation's payload, top-level in a query).
 */
export function scopeAuthError(
  _parent: unknown,
  context: RequestContext,
  info: GraphQLResolveInfo,
  result: ForbiddenResult,
): Error {
  if (context.principal === null) return unauthenticatedError();
  const raised = 'error' in result.failure ? result.failure.error : null;
  if (isDomainError(raised)) return raised;
  return roleRefusal(info.parentType.name, info.fieldName);
}

/**
 * The refusal of a field to a known caller whose roles do not allow it (what scope-auth's
 * refusal says, and what the selection compiler writes for a field it refuses in its statement).
 */
export function roleRefusal(typeName: string, fieldName: string): ForbiddenError {
  return new ForbiddenError(`Your roles do not allow ${typeName}.${fieldName}`, CORE_ERRORS.ROLE_REQUIRED);
}
