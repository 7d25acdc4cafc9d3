import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrateEmbedded } from './migrate-database.ts';
import type {
  PlatformDatabase,
  PlatformDrizzle,
  PlatformTransaction,
  PlatformWorkPurpose,
} from './platform-database.ts';
import { relations } from './relations.ts';
import { StatementCounter } from './statement-counter.ts';
import {
  beginRequest,
  PLATFORM_ROLE,
  type RequestCaller,
  type RequestSetUp,
  RUNTIME_ROLE,
  setTenantContext,
} from './tenant-context.ts';

export interface EmbeddedDatabaseOptions {
  /** A folder to keep the data in; in memory when absent. */
  dataDir?: string;
  /** A data directory dump (from `dumpDataDir`) to start from, e.g. a migrated test template. */
  loadDataDir?: Blob;
  onPlatformWork?: (purpose: PlatformWorkPurpose) => void;
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

  private constructor(
    readonly client: PGlite,
    private readonly options: EmbeddedDatabaseOptions,
  ) {
    this.#db = drizzle({ client, relations, logger: this.statements }) as unknown as PlatformDrizzle;
  }

  static async open(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    return new EmbeddedDatabase(client, options);
  }

  migrate(): Promise<void> {
    return migrateEmbedded(this.client);
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

  async close(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}
