import { type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DatabaseOutageError, databaseOutageOf, describeOutage } from './database-outage.ts';
import { guardedPgClient } from './guarded-pg-client.ts';
import { PipelinedBeginPool, type PipelinedStatement } from './pipelined-begin-pool.ts';
import type {
  PlatformDatabase,
  PlatformDrizzle,
  PlatformTransaction,
  PlatformWorkPurpose,
} from './platform-database.ts';
import type { PlatformSchema } from './platform-schema.ts';
import { StatementCounter } from './statement-counter.ts';
import {
  BEGIN_READ_AHEAD_SQL,
  beginRequest,
  beginRequestValues,
  isReadAheadRefusal,
  PLATFORM_ROLE,
  type ReadRequest,
  type RequestCaller,
  type RequestSetUp,
  RUNTIME_ROLE,
  requestSetUpOf,
  type SetUpRow,
  setTenantContext,
} from './tenant-context.ts';
import { TransactionStopGuard } from './transaction-stop-guard.ts';

export interface ServerDatabaseOptions {
  /** The domains' relations (`platformSchema` of `@ssp/schema`); migrations run before, by the opener. */
  schema: PlatformSchema;
  /** The owner's URL (migrations). The runtime and platform pools log in as their own roles. */
  databaseUrl: string;
  runtimeUrl?: string;
  platformUrl?: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** Client-side limit on one query's answer (a hung server); default statement timeout + 5 s. */
  queryTimeoutMs?: number;
  /** How long a transaction waits for a pooled connection before it is refused as busy. */
  poolWaitMs?: number;
  onPoolError?: (error: Error) => void;
  onPlatformWork?: (purpose: PlatformWorkPurpose) => void;
}

/** The same server and database, logged in as another role (trust or password from the URL). */
export function urlForRole(databaseUrl: string, role: string): string {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = '';
  return url.toString();
}

/**
 * Interrupts one backend's running statement from a connection of its own (the pool may be
 * full). The role may signal its own backends; a failure only means the statement runs on to
 * its statement timeout.
 */
async function cancelBackend(connectionString: string, processId: number): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  try {
    await client.connect();
    await client.query('select pg_cancel_backend($1)', [processId]);
  } catch {
    // Best effort, as above.
  } finally {
    await client.end().catch(() => undefined);
  }
}

const dialect = new PgDialect();

/**
 * A PostgreSQL server through `pg`. Requests and partnership-wide work use separate pools, each
 * logged in as its own role, so no pooled connection can ever act as the table owner.
 */
export class ServerDatabase implements PlatformDatabase {
  readonly engine = 'postgres' as const;
  readonly statements = new StatementCounter();
  readonly roundTrips = new StatementCounter();
  readonly #runtimePool: pg.Pool;
  readonly #platformPool: pg.Pool;
  readonly #runtime: PlatformDrizzle;
  readonly #platform: PlatformDrizzle;
  readonly #guard = new TransactionStopGuard();

  constructor(private readonly options: ServerDatabaseOptions) {
    this.#runtimePool = this.#pool(options.runtimeUrl ?? urlForRole(options.databaseUrl, RUNTIME_ROLE), 'ssp-runtime');
    this.#platformPool = this.#pool(
      options.platformUrl ?? urlForRole(options.databaseUrl, PLATFORM_ROLE),
      'ssp-platform',
      Math.max(2, Math.ceil(options.poolSize / 4)),
    );
    this.#runtime = drizzle({
      client: this.#runtimePool,
      relations: options.schema.relations,
      logger: this.statements,
    }) as unknown as PlatformDrizzle;
    this.#platform = drizzle({
      client: this.#platformPool,
      relations: options.schema.relations,
      logger: this.statements,
    }) as unknown as PlatformDrizzle;
  }

  #pool(connectionString: string, applicationName: string, max = this.options.poolSize): pg.Pool {
    const pool = new PipelinedBeginPool({
      connectionString,
      max,
      application_name: applicationName,
      connectionTimeoutMillis: this.options.poolWaitMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: this.options.statementTimeoutMs,
      // The server's own limit fires first and rolls back; this one covers a server or network
      // that no longer answers at all (the guarded client then closes the connection).
      query_timeout: this.options.queryTimeoutMs ?? this.options.statementTimeoutMs + 5_000,
      idle_in_transaction_session_timeout: this.options.statementTimeoutMs * 2,
      Client: guardedPgClient(this.#guard, (processId) => cancelBackend(connectionString, processId)),
    });
    // A backend killed under an idle client must fail that client only, never the process.
    pool.on('error', (error) => this.options.onPoolError?.(error));
    pool.roundTrips = this.roundTrips;
    return pool;
  }

  inTenantTransaction<T>(tenantIds: readonly string[], work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    return this.#runtime.transaction(async (tx) => {
      await setTenantContext(tx, tenantIds);
      return work(tx);
    });
  }

  inRequestTransaction<T>(
    caller: RequestCaller,
    work: (tx: PlatformTransaction, setUp: RequestSetUp) => Promise<T>,
  ): Promise<T> {
    // BEGIN waits for the set-up statement and goes with it (PipelinedBeginPool): one round trip.
    return this.#runtime.transaction(async (tx) => work(tx, await beginRequest(tx, caller)));
  }

  /**
   * BEGIN, the set-up, the reads and COMMIT written together on one connection: one round trip.
   * The reads are the selection compiler's: named (prepared) statements, as the set-up is. A
   * caller the database does not confirm aborts the transaction at the set-up
   * (`app.begin_read_ahead`): the reads fail unrun, COMMIT ends it as a rollback, and the answer
   * is null.
   */
  async readInRequestTransaction(
    caller: RequestCaller,
    reads: readonly SQL[],
    platformWork?: PlatformWorkPurpose,
  ): Promise<ReadRequest | null> {
    this.#guard.assertRunning();
    if (platformWork) this.options.onPlatformWork?.(platformWork);
    const pool = (platformWork ? this.#platformPool : this.#runtimePool) as PipelinedBeginPool;
    const statements: PipelinedStatement[] = [
      { text: 'begin' },
      { text: BEGIN_READ_AHEAD_SQL, values: beginRequestValues(caller), prepared: true },
      ...reads.map((read) => {
        const query = dialect.sqlToQuery(read);
        return { text: query.sql, values: query.params, prepared: true };
      }),
      { text: 'commit' },
    ];
    for (const statement of statements) this.statements.logQuery(statement.text, statement.values ?? []);
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      const answers = await pool.sendTogether(client, statements);
      const setUpRow = answers[1]!.rows[0] as SetUpRow | undefined;
      if (!setUpRow) throw new Error('app.begin_read_ahead answered no row');
      return { setUp: requestSetUpOf(setUpRow), rows: answers.slice(2, -1).map((answer) => answer.rows) };
    } catch (error) {
      if (isReadAheadRefusal(error)) return null;
      throw error;
    } finally {
      if (!broken) client.off('error', onError);
      client.release(broken);
    }
  }

  inPlatformTransaction<T>(purpose: PlatformWorkPurpose, work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    this.options.onPlatformWork?.(purpose);
    return this.#platform.transaction(work);
  }

  /** Every request connection taken and requests waiting for one. */
  isSaturated(): boolean {
    const pool = this.#runtimePool;
    return pool.waitingCount > 0 && pool.idleCount === 0 && pool.totalCount >= this.options.poolSize;
  }

  /** Busy (saturated pool) and down (no answer) are told apart: both throw a DatabaseOutageError. */
  async ping(): Promise<void> {
    if (this.isSaturated()) throw new DatabaseOutageError('busy', describeOutage('busy'));
    try {
      await this.#runtime.execute(sql`select 1`);
    } catch (error) {
      throw databaseOutageOf(error) ?? error;
    }
  }

  stopTransactions(): Promise<void> {
    return this.#guard.stop();
  }

  #closed: Promise<void> | null = null;

  /** Ends both pools; safe to call more than once (pg refuses a second `end`). */
  close(): Promise<void> {
    this.#closed ??= Promise.all([this.#runtimePool.end(), this.#platformPool.end()]).then(() => undefined);
    return this.#closed;
  }
}
