import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase, migratePostgres, ServerDatabase } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, testServerUrl, urlForDatabase } from './test-database-settings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded runs: a file holding the migrated, seeded PGlite data directory. */
    pgliteTemplateFile: string | null;
  }
}

async function dropTestDatabases(admin: pg.Client, includeTemplate: boolean): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like $1 or ($2 and datname = $3)`,
    [`${TEST_DATABASE_PREFIX}%`, includeTemplate, TEMPLATE_DATABASE],
  );
  for (const { datname } of rows) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
  }
}

/** Migrates and seeds one template; every test file works on its own copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testServerUrl) {
    const admin = new pg.Client({ connectionString: testServerUrl });
    await admin.connect();
    await dropTestDatabases(admin, true);
    await admin.query(`create database "${TEMPLATE_DATABASE}"`);
    const templateUrl = urlForDatabase(testServerUrl, TEMPLATE_DATABASE);
    await migratePostgres(templateUrl);
    const template = new ServerDatabase({ databaseUrl: templateUrl, poolSize: 2, statementTimeoutMs: 30_000 });
    await loadSeedData(template);
    await template.close();
    project.provide('pgliteTemplateFile', null);
    return async () => {
      await dropTestDatabases(admin, true);
      await admin.end();
    };
  }
  const template = await EmbeddedDatabase.open();
  await template.migrate();
  await loadSeedData(template);
  const dump = await template.client.dumpDataDir('none');
  await template.close();
  const folder = mkdtempSync(join(tmpdir(), 'ssp-test-'));
  const file = join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplateFile', file);
  return async () => rmSync(folder, { recursive: true, force: true });
}
