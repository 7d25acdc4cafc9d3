import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** Applies every pending migration to a PostgreSQL server, connected as the owning user. */
export async function migratePostgres(ownerUrl: string, migrationsFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // Two processes migrating the same database at once would race on DDL; the advisory lock
    // makes the second wait and then find nothing left to do.
    await client.query('select pg_advisory_lock(727274)');
    await migrateNodePostgres(drizzleNodePostgres({ client }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}

/** Applies every pending migration to an embedded database (as its only login, the owner). */
export async function migrateEmbedded(client: PGlite, migrationsFolder: string): Promise<void> {
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
}
