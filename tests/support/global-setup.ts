import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migratePostgres, ServerDatabase } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { loadSeedData } from '@ssp/seeds';
import type { TestProject } from 'vitest/node';
import { makeRunFolder, openEmbeddedFolder } from './embedded-copies.ts';
import {
  createOnEveryNode,
  databasesLike,
  dropOnEveryNode,
  joinCitusNodes,
  releaseOnEveryNode,
} from './server-nodes.ts';
import { TEST_DATABASE_PREFIX, templateDatabase, testServerUrl, urlForDatabase } from './test-database-settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded runs: the migrated, seeded PGlite data folder that each test file copies. */
    pgliteTemplateFolder: string | null;
    /** Names this run's databases on a server. */
    testRunId: string;
  }
}

/** Drops this run's databases (its template and any file copies a crashed file left), on every node. */
async function dropRunDatabases(runId: string): Promise<void> {
  for (const name of await databasesLike(`${TEST_DATABASE_PREFIX}${runId}\\_%`)) await dropOnEveryNode(name);
}

/** Migrates and seeds one template; every test file works on its own copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
  project.provide('testRunId', runId);
  if (testServerUrl) {
    await createOnEveryNode(templateDatabase(runId));
    // On Citus the template is distributed before it is seeded, so every copy is a distributed
    // database whose shards (on the workers' copies) already hold the seed data.
    await joinCitusNodes(templateDatabase(runId));
    const templateUrl = urlForDatabase(testServerUrl, templateDatabase(runId));
    await migratePostgres(templateUrl, platformSchema.migrationsFolders);
    const template = new ServerDatabase({
      schema: platformSchema,
      databaseUrl: templateUrl,
      poolSize: 2,
      statementTimeoutMs: 30_000,
    });
    await loadSeedData(template);
    await template.close();
    await releaseOnEveryNode(templateDatabase(runId));
    project.provide('pgliteTemplateFolder', null);
    return () => dropRunDatabases(runId);
  }
  const folder = makeRunFolder();
  const templateFolder = join(folder, 'template');
  const template = await openEmbeddedFolder(templateFolder);
  await template.migrate();
  await loadSeedData(template);
  // Nothing connects to template0 or template1 (no test file creates a database on PGlite):
  // without them a copy is 15 MB and 600 files smaller.
  for (const database of ['template0', 'template1']) {
    await template.client.query(`alter database ${database} is_template false`);
    await template.client.query(`drop database ${database}`);
  }
  // Every test file copies this folder, so its size and state are paid for 100 times over. A
  // checkpoint first means a copy starts without replaying the migrations' and seeds' WAL; with
  // recycling off, the checkpoint deletes the WAL segments it no longer needs instead of keeping
  // them as spares.
  await template.client.query('set wal_recycle = off');
  await template.client.query('checkpoint');
  await template.close();
  project.provide('pgliteTemplateFolder', templateFolder);
  return async () => rmSync(folder, { recursive: true, force: true });
}
