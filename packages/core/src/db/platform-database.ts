import type { SQL } from 'drizzle-orm';
import type { PgAsyncDatabase, PgAsyncTransaction, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PlatformRelations } from './platform-schema.ts';
import type { StatementCounter } from './statement-counter.ts';
import type { ReadRequest, RequestCaller, RequestSetUp } from './tenant-context.ts';

/** A drizzle handle on the platform schema, on either driver. */
export type PlatformDrizzle = PgAsyncDatabase<PgQueryResultHKT, PlatformRelations>;
/** The transaction every request runs in; resolvers and domain services receive this. */
export type PlatformTransaction = PgAsyncTransaction<PgQueryResultHKT, PlatformRelations>;

/** Why a piece of work needs to see every tenant; recorded with it. */
export interface PlatformWorkPurpose {
  /** Who asked: a subject, or the name of a system process such as `seed-loader`. */
  actor: string;
  /** What for, in a few words. */
  reason: string;
}

/**
 * The database as the application sees it: tenant transactions under the runtime role, and the
 * one explicit path for partnership-wide work under the platform role. Neither runs as the table
 * owner.
 */
export interface PlatformDatabase {
  readonly engine: 'pglite' | 'postgres';
  readonly statements: StatementCounter;
  /** Exchanges that wait on the server (on PGlite, in-process calls: the statements). */
  readonly roundTrips: StatementCounter;
  /** Runs `work` in one transaction that sees only `tenantIds` (row-level security). */
  inTenantTransaction<T>(tenantIds: readonly string[], work: (tx: PlatformTransaction) => Promise<T>): Promise<T>;
  /**
   * The one way a request's transaction is opened under the runtime role: its first statement,
   * sent with BEGIN, confirms the caller and sets the final tenant context (the caller's
   * organisation and those delegated to it, found by the database). `work` decides from the
   * set-up whether the caller may act.
   */
  inRequestTransaction<T>(
    caller: RequestCaller,
    work: (tx: PlatformTransaction, setUp: RequestSetUp) => Promise<T>,
  ): Promise<T>;
  /**
   * A read-only request in one transaction opened as `inRequestTransaction` opens it, whose
   * reads are known before it begins: BEGIN, the set-up, `reads` and COMMIT are written together
   * (one round trip on a server). `reads` must only read, and the caller uses their rows only once
   * it has accepted the set-up. They run only for a caller the database confirms
   * (`app.begin_read_ahead`); for any other the answer is null, nothing of theirs having run, and
   * the caller asks again the ordinary way. With `platformWork`, on the partnership-wide path
   * instead, as `inPlatformTransaction` records it (the database then also wants a platform admin).
   */
  readInRequestTransaction(
    caller: RequestCaller,
    reads: readonly SQL[],
    platformWork?: PlatformWorkPurpose,
  ): Promise<ReadRequest | null>;
  /** Runs `work` in one transaction that sees every tenant; use only for partnership-wide work. */
  inPlatformTransaction<T>(purpose: PlatformWorkPurpose, work: (tx: PlatformTransaction) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; a DatabaseOutageError says busy or down. */
  ping(): Promise<void>;
  /** Every connection for requests is taken and more requests wait (busy, not down). */
  isSaturated(): boolean;
  /**
   * For a stopping server: no transaction begins any more, open ones roll back at their next
   * statement (running statements are interrupted), and COMMITs already sent finish.
   */
  stopTransactions(): Promise<void>;
  close(): Promise<void>;
}
