/**
 * Why a request could not be served by the database although nothing was wrong with it: the
 * caller should retry, so these are answered 503 with Retry-After rather than masked as a 500.
 * - `busy`: every connection stayed taken past the wait limit (or the server has no slots);
 * - `unavailable`: the server refused or dropped the connection, or stopped answering;
 * - `timeout`: a statement ran past its time limit (and its transaction was rolled back);
 * - `stopping`: this process is shutting down, and the transaction was refused or rolled back.
 */
export type DatabaseOutageKind = 'busy' | 'unavailable' | 'timeout' | 'stopping';

export class DatabaseOutageError extends Error {
  /** A brand that survives where `instanceof` does not (a value that crossed module copies). */
  readonly isDatabaseOutage = true;
  constructor(
    readonly kind: DatabaseOutageKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOutageError';
  }

  /** How long a client should wait before trying again, in seconds. */
  get retryAfterSeconds(): number {
    return this.kind === 'unavailable' ? 5 : 1;
  }
}

// PostgreSQL SQLSTATEs that mean "try again later", not "your request is wrong".
const OUTAGE_SQLSTATES: Record<string, DatabaseOutageKind> = {
  '53300': 'busy', // too_many_connections
  '57014': 'timeout', // query_canceled (statement_timeout)
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
  '08000': 'unavailable', // connection_exception
  '08003': 'unavailable', // connection_does_not_exist
  '08006': 'unavailable', // connection_failure
  '08001': 'unavailable', // sqlclient_unable_to_establish_sqlconnection
  '08004': 'unavailable', // sqlserver_rejected_establishment_of_sqlconnection
};

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/** What node-postgres says, in its own words, when it gives up (it sets no code for these). */
function outageFromDriverMessage(message: string): DatabaseOutageKind | null {
  if (message.includes('timeout exceeded when trying to connect')) return 'busy';
  if (message === 'Query read timeout') return 'unavailable';
  if (/^Connection terminated/.test(message)) return 'unavailable';
  if (message === 'Client was closed and is not queryable') return 'unavailable';
  return null;
}

/**
 * The outage behind an error, or null when it is something else. Drizzle wraps driver errors
 * (`DrizzleQueryError` with the driver's error as `cause`), so the whole cause chain is read.
 */
export function databaseOutageOf(error: unknown): DatabaseOutageError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth += 1) {
    if (typeof current !== 'object') return null;
    const candidate = current as { isDatabaseOutage?: boolean; code?: unknown; message?: unknown; cause?: unknown };
    if (candidate.isDatabaseOutage === true) return current as DatabaseOutageError;
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    const kind =
      OUTAGE_SQLSTATES[code] ??
      (NETWORK_ERROR_CODES.has(code) ? 'unavailable' : null) ??
      (typeof candidate.message === 'string' ? outageFromDriverMessage(candidate.message) : null);
    if (kind) return new DatabaseOutageError(kind, describeOutage(kind), { cause: current });
    // AggregateError (e.g. a refused connection on both ::1 and 127.0.0.1) keeps its causes here.
    const inner = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      const found = databaseOutageOf(inner[0]);
      if (found) return found;
    }
    current = candidate.cause;
  }
  return null;
}

export function describeOutage(kind: DatabaseOutageKind): string {
  switch (kind) {
    case 'busy':
      return 'The service is busy; retry shortly';
    case 'unavailable':
      return 'The database is unavailable; retry later';
    case 'timeout':
      return 'The request took too long and was rolled back; retry later';
    case 'stopping':
      return 'The server is stopping; the request was not carried out; retry';
  }
}
