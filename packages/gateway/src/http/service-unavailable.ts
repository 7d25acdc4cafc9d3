import { type DatabaseOutageError, databaseOutageOf } from '@ssp/core';
import { GraphQLError } from 'graphql';

/** The code clients see on a 503: retry after the `Retry-After` seconds. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

export function retryAfterHeader(outage: DatabaseOutageError): Record<string, string> {
  return { 'retry-after': String(outage.retryAfterSeconds) };
}

/**
 * A database outage met while executing (busy pool, server gone, statement timed out, server
 * stopping) as the error the client sees: a 503 with Retry-After and the outage's plain
 * message (no driver text), instead of a masked 500. Null for anything else.
 */
export function serviceUnavailableError(error: unknown): GraphQLError | null {
  const cause = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const outage = databaseOutageOf(cause);
  if (!outage) return null;
  return new GraphQLError(outage.message, {
    ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
    extensions: {
      code: SERVICE_UNAVAILABLE,
      reason: outage.kind,
      http: { status: 503, headers: { 'Retry-After': String(outage.retryAfterSeconds) } },
    },
  });
}
