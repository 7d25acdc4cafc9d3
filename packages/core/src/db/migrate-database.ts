import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/pg-core/async/session';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import {
  configureCitusRoles,
  type DistributionReport,
  distributeTables,
  isCitus,
  prepareCitusSession,
} from './citus/distribute-tables.ts';
import { readMigrationHistory } from './migration-history.ts';

/**
 * drizzle's migrator for PostgreSQL and PGlite (the one both drivers' `migrate` call), given the
 * history gathered from every package's folder. Its bookkeeping is drizzle's default
 * (`drizzle.__drizzle_migrations`, one row per applied folder name), as when the history was one
 * folder, so a database migrated then finds nothing new to apply.
 */
const BOOKKEEPING = { migrationsFolder: '', migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' };

/**
 * Applies every pending migration of the given folders (one timeline: see `readMigrationHistory`)
 * to a PostgreSQL server, connected as the owning user. On a Citus coordinator (the citus
 * extension installed in the database) the tables are then placed: platform-wide ones as
 * reference tables, tenant tables distributed by `tenant_id` (see `distributeTables`), and the
 * application's roles are given the settings Citus needs (`configureCitusRoles`: the tenant
 * context forwarded to the workers, among others); the report says what this run placed. On plain
 * PostgreSQL it is null.
 */
export async function migratePostgres(
  ownerUrl: string,
  migrationsFolders: readonly string[],
): Promise<DistributionReport | null> {
  const history = readMigrationHistory(migrationsFolders);
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // Two processes migrating the same database at once would race on DDL; the advisory lock
    // makes the second wait and then find nothing left to do.
    await client.query('select pg_advisory_lock(727274)');
    const citus = await isCitus(client);
    if (citus) await prepareCitusSession(client);
    await migrate(history, drizzleNodePostgres({ client }), BOOKKEEPING);
    if (!citus) return null;
    await configureCitusRoles(client);
    return await distributeTables(client);
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}

/** Applies every pending migration of the given folders to an embedded database (as its only login, the owner). */
export async function migrateEmbedded(client: PGlite, migrationsFolders: readonly string[]): Promise<void> {
  await migrate(readMigrationHistory(migrationsFolders), drizzlePglite({ client }), BOOKKEEPING);
}
