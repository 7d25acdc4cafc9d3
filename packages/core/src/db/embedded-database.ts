import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrateEmbedded } from './migrate-database.ts';
import type {
  PlatformDatabase,
  PlatformDrizzle,
  PlatformTransaction,
  PlatformWorkPurpose,
} from './platform-database.ts';
import type { PlatformSchema } from './platform-schema.ts';
import { queryRows } from './query-rows.ts';
import { StatementCounter } from './statement-counter.ts';
import {
  beginReadAhead,
  beginRequest,
  isReadAheadRefusal,
  PLATFORM_ROLE,
  type ReadRequest,
  type RequestCaller,
  type RequestSetUp,
  RUNTIME_ROLE,
  setTenantContext,
} from './tenant-context.ts';
import { TransactionStopGuard } from './transaction-stop-guard.ts';

/** A transaction handle whose statements are refused once the guard stops. */
function guardedTransaction(tx: Transaction, guard: TransactionStopGuard): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'query' && property !== 'exec' && property !== 'sql') return value.bind(target);
      return (...args: unknown[]) => {
        guard.assertRunning();
        return value.apply(target, args);
      };
    },
  });
}

/**
 * The client drizzle is given: its transactions are refused once the guard stops (also one
 * that was queued behind the running one), and one that finishes its work after the stop rolls
 * back instead of committing. PGlite cannot interrupt a running statement.
 */
function guardedClient(client: PGlite, guard: TransactionStopGuard): PGlite {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return <T>(callback: (tx: Transaction) => Promise<T>) => {
        guard.assertRunning();
        return target.transaction(async (tx) => {
          guard.assertRunning();
          const open = { committing: false, interrupt: async () => undefined };
          const untrack = guard.track(open);
          try {
            const result = await callback(guardedTransaction(tx, guard));
            guard.assertRunning();
            open.committing = true;
            return result;
          } finally {
            untrack();
          }
        });
      };
    },
  });
}

export interface EmbeddedDatabaseOptions {
  /** The domains' relations and migrations (`platformSchema` of `@ssp/schema`). */
  schema: PlatformSchema;
  /** A folder to keep the data in; in memory when absent. */
  dataDir?: string;
  /**
   * PGlite's WebAssembly, compiled once (`compileEmbeddedEngine`) by a process that opens many
   * databases, as a test worker does: each open then skips compiling it, and the code the engine
   * optimised while it ran is kept for the next.
   */
  engine?: WebAssembly.Module;
  /** PostgreSQL settings on top of PGlite's own, e.g. `{ shared_buffers: '32MB' }`. */
  settings?: Record<string, string>;
  onPlatformWork?: (purpose: PlatformWorkPurpose) => void;
}

/** Compiles PGlite's WebAssembly (9 MB), for `EmbeddedDatabaseOptions.engine`. */
export async function compileEmbeddedEngine(): Promise<WebAssembly.Module> {
  const packageEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return WebAssembly.compile(await readFile(join(dirname(packageEntry), 'pglite.wasm')));
}

/**
 * PGlite: one PostgreSQL backend inside this process, one login (the owner). Transactions
 * therefore switch to the runtime or platform role with SET LOCAL ROLE, which ends with them.
 * PGlite runs one transaction at a time: concurrent requests queue.
 */
export class EmbeddedDatabase implements PlatformDatabase {
  readonly engine = 'pglite' as const;
  readonly statements = new StatementCounter();
  /** In-process calls, not network round trips: counted as the statements are. */
  readonly roundTrips = this.statements;
  readonly #db: PlatformDrizzle;
  readonly #guard = new TransactionStopGuard();

  private constructor(
    readonly client: PGlite,
    private readonly options: EmbeddedDatabaseOptions,
  ) {
    this.#db = drizzle({
      client: guardedClient(client, this.#guard),
      relations: options.schema.relations,
      logger: this.statements,
    }) as unknown as PlatformDrizzle;
  }

  static async open(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.engine ? { pgliteWasmModule: options.engine } : {}),
      ...(settings.length > 0 ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {}),
    });
    return new EmbeddedDatabase(client, options);
  }

  migrate(): Promise<void> {
    return migrateEmbedded(this.client, this.options.schema.migrationsFolders);
  }

  inTenantTransaction<T>(tenantIds: readonly string[], work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    return this.#db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${RUNTIME_ROLE}`));
      await setTenantContext(tx, tenantIds);
      return work(tx);
    });
  }

  inRequestTransaction<T>(
    caller: RequestCaller,
    work: (tx: PlatformTransaction, setUp: RequestSetUp) => Promise<T>,
  ): Promise<T> {
    return this.#db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${RUNTIME_ROLE}`));
      return work(tx, await beginRequest(tx, caller));
    });
  }

  /** In process there are no round trips to save: the same transaction, statement by statement. */
  async readInRequestTransaction(
    caller: RequestCaller,
    reads: readonly SQL[],
    platformWork?: PlatformWorkPurpose,
  ): Promise<ReadRequest | null> {
    const read = async (tx: PlatformTransaction): Promise<ReadRequest> => {
      const setUp = await beginReadAhead(tx, caller);
      const rows: Record<string, unknown>[][] = [];
      for (const statement of reads) rows.push(await queryRows(tx, statement));
      return { setUp, rows };
    };
    try {
      if (platformWork) return await this.inPlatformTransaction(platformWork, read);
      return await this.#db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${RUNTIME_ROLE}`));
        return read(tx);
      });
    } catch (error) {
      if (isReadAheadRefusal(error)) return null;
      throw error;
    }
  }

  inPlatformTransaction<T>(purpose: PlatformWorkPurpose, work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    this.options.onPlatformWork?.(purpose);
    return this.#db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${PLATFORM_ROLE}`));
      return work(tx);
    });
  }

  async ping(): Promise<void> {
    await this.client.query('select 1');
  }

  /** One backend, no pool: its queue is the HTTP layer's to watch. */
  isSaturated(): boolean {
    return false;
  }

  stopTransactions(): Promise<void> {
    return this.#guard.stop();
  }

  async close(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}
