import { backOff } from 'exponential-backoff';
import type { AppConfig } from '../config/app-config.ts';
import { databaseOutageOf } from './database-outage.ts';
import { EmbeddedDatabase } from './embedded-database.ts';
import { migratePostgres } from './migrate-database.ts';
import type { PlatformDatabase, PlatformWorkPurpose } from './platform-database.ts';
import type { PlatformSchema } from './platform-schema.ts';
import { ServerDatabase } from './server-database.ts';

export interface OpenDatabaseHooks {
  onPoolError?: (error: Error) => void;
  onPlatformWork?: (purpose: PlatformWorkPurpose) => void;
  /** Start-up could not reach the server; it tries again after `delayMs`. */
  onConnectRetry?: (failure: { attempt: number; attempts: number; delayMs: number; reason: string }) => void;
}

/** Start-up gave up reaching the database: the one line an operator needs, no stack. */
export class DatabaseStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseStartupError';
  }
}

/** The server's address without its credentials, for messages. */
function where(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
}

/**
 * Migrates the server, trying again with exponential backoff while it refuses connections (a
 * database that starts after us, or restarts). Errors that are not an outage (bad credentials,
 * a failing migration) are not retried.
 */
async function migrateWhenReachable(
  config: AppConfig,
  databaseUrl: string,
  migrationsFolders: readonly string[],
  hooks: OpenDatabaseHooks,
): Promise<void> {
  const attempts = config.databaseConnectAttempts;
  const startingDelay = 250;
  const maxDelay = 5_000;
  try {
    await backOff(() => migratePostgres(databaseUrl, migrationsFolders), {
      numOfAttempts: attempts,
      startingDelay,
      timeMultiple: 2,
      maxDelay,
      // exponential-backoff calls this after every failure, the last one included, with the
      // number of attempts made so far.
      retry: (error: unknown, attemptsMade: number) => {
        if (!databaseOutageOf(error) || attemptsMade >= attempts) return false;
        const delayMs = Math.min(maxDelay, startingDelay * 2 ** (attemptsMade - 1));
        hooks.onConnectRetry?.({ attempt: attemptsMade, attempts, delayMs, reason: reasonOf(error) });
        return true;
      },
    });
  } catch (error) {
    if (!databaseOutageOf(error)) throw error;
    throw new DatabaseStartupError(
      `Cannot reach the database at ${where(databaseUrl)} after ${attempts} attempts (${reasonOf(error)})`,
      { cause: error },
    );
  }
}

/**
 * Opens the configured database and brings its schema up to date: the PostgreSQL server at
 * `DATABASE_URL` when set, otherwise embedded PGlite with its data in a local folder.
 */
export async function openDatabase(
  config: AppConfig,
  schema: PlatformSchema,
  hooks: OpenDatabaseHooks = {},
): Promise<PlatformDatabase> {
  const { onConnectRetry: _onConnectRetry, ...databaseHooks } = hooks;
  if (config.databaseUrl) {
    await migrateWhenReachable(config, config.databaseUrl, schema.migrationsFolders, hooks);
    return new ServerDatabase({
      schema,
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      queryTimeoutMs: config.queryTimeoutMs,
      ...databaseHooks,
    });
  }
  const embedded = await EmbeddedDatabase.open({ schema, dataDir: config.pgliteDataDir, ...databaseHooks });
  await embedded.migrate();
  return embedded;
}
