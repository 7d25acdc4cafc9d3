import type { AppConfig } from '../config/app-config.ts';
import { EmbeddedDatabase } from './embedded-database.ts';
import { migratePostgres } from './migrate-database.ts';
import type { PlatformDatabase, PlatformWorkPurpose } from './platform-database.ts';
import { ServerDatabase } from './server-database.ts';

export interface OpenDatabaseHooks {
  onPoolError?: (error: Error) => void;
  onPlatformWork?: (purpose: PlatformWorkPurpose) => void;
}

/**
 * Opens the configured database and brings its schema up to date: the PostgreSQL server at
 * `DATABASE_URL` when set, otherwise embedded PGlite with its data in a local folder.
 */
export async function openDatabase(config: AppConfig, hooks: OpenDatabaseHooks = {}): Promise<PlatformDatabase> {
  if (config.databaseUrl) {
    await migratePostgres(config.databaseUrl);
    return new ServerDatabase({
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      ...hooks,
    });
  }
  const embedded = await EmbeddedDatabase.open({ dataDir: config.pgliteDataDir, ...hooks });
  await embedded.migrate();
  return embedded;
}
