import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type PlatformDatabase, ServerDatabase } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import pg from 'pg';
import { inject } from 'vitest';
import { openEmbeddedFolder } from './embedded-copies.ts';
import { createOnEveryNode, dropOnEveryNode } from './server-nodes.ts';
import { fileDatabase, templateDatabase, testServerUrl, urlForDatabase } from './test-database-settings.ts';

export interface TestDatabase {
  database: PlatformDatabase;
  /** The owner's URL of this file's database, on a server run; null on PGlite. */
  serverUrl: string | null;
  /** Raw SQL as the database owner (superuser), for set-up and for checks that go around the app. */
  asOwner<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A database of this test file's own, copied from the migrated and seeded template: no test
 * file sees another's rows, and files run in parallel.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testServerUrl) {
    const runId = inject('testRunId');
    const name = fileDatabase(runId, randomBytes(4).toString('hex'));
    await createOnEveryNode(name, templateDatabase(runId));
    const serverUrl = urlForDatabase(testServerUrl, name);
    const owner = new pg.Pool({ connectionString: serverUrl, max: 2 });
    // Dropping the database (`with (force)`) terminates its sessions. An owner connection still
    // closing then receives the server's FATAL 57P01 as an error event; with no listener that is an
    // unhandled error that fails the whole run. Only that termination is expected here.
    const expectTermination = (error: Error & { code?: string }) => {
      if (error.code !== '57P01') throw error;
    };
    owner.on('error', expectTermination);
    owner.on('connect', (client) => client.on('error', expectTermination));
    const database = new ServerDatabase({
      schema: platformSchema,
      databaseUrl: serverUrl,
      poolSize: 4,
      statementTimeoutMs: 30_000,
    });
    return {
      database,
      serverUrl,
      asOwner: async (text, values) => (await owner.query(text, values)).rows,
      close: async () => {
        await database.close();
        await owner.end();
        await dropOnEveryNode(name);
      },
    };
  }
  const templateFolder = inject('pgliteTemplateFolder');
  if (!templateFolder) throw new Error('The global setup did not prepare a PGlite template');
  const dataDir = join(dirname(templateFolder), `file-${randomBytes(4).toString('hex')}`);
  cpSync(templateFolder, dataDir, { recursive: true });
  const database = await openEmbeddedFolder(dataDir);
  return {
    database,
    serverUrl: null,
    asOwner: async <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      (await database.client.query<T>(text, values as unknown[])).rows,
    close: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
