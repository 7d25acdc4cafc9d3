import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { migrateEmbedded, migratePostgres } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgresFolder } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteFolder } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { createOnEveryNode, dropOnEveryNode } from './server-nodes.ts';
import { fileDatabase, testServerUrl, urlForDatabase } from './test-database-settings.ts';

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A fresh, empty database on the engine under test, for tests of the migrations themselves. */
export interface FreshDatabase {
  /** drizzle's own migrator on one folder, as the history was kept before. */
  migrateFromOneFolder(folder: string): Promise<void>;
  /** The platform's migrator on every package's folder. */
  migrateByPackage(): Promise<void>;
  /** As the owner (the migrations' user): no row-level security. */
  query: Query;
  close(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  if (testServerUrl) {
    const name = fileDatabase(inject('testRunId'), `history_${randomBytes(4).toString('hex')}`);
    await createOnEveryNode(name);
    const url = urlForDatabase(testServerUrl, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      migrateFromOneFolder: async (migrationsFolder) => {
        await migrateNodePostgresFolder(drizzleNodePostgres({ client }), { migrationsFolder });
      },
      migrateByPackage: async () => {
        await migratePostgres(url, platformSchema.migrationsFolders);
      },
      query: async (text, params) => (await client.query(text, params)).rows,
      close: async () => {
        await client.end();
        await dropOnEveryNode(name);
      },
    };
  }
  const client = await PGlite.create();
  return {
    migrateFromOneFolder: async (migrationsFolder) => {
      await migratePgliteFolder(drizzlePglite({ client }), { migrationsFolder });
    },
    migrateByPackage: () => migrateEmbedded(client, platformSchema.migrationsFolders),
    query: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
    close: () => client.close(),
  };
}
