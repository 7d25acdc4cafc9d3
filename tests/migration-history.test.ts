import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationHistory } from '@ssp/core';
import { platformSchema, SHIPPED_MIGRATIONS } from '@ssp/schema';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './support/fresh-database.ts';
import { openTestDatabase } from './support/test-database.ts';
import { onCitus } from './support/test-database-settings.ts';

/**
 * The migrations moved from one folder into the packages that own them, unchanged: a database
 * migrated from the one folder (as every database was before) must find nothing new to apply, and
 * a fresh database must get the schema it has.
 */

import type { Query } from './support/fresh-database.ts';

/** The schema as the catalogs describe it: every table, column, constraint, index, policy, grant, function, trigger and enum. */
const CATALOG: Record<string, string> = {
  columns: `select table_schema, table_name, column_name, ordinal_position, data_type, udt_name, is_nullable,
              column_default, is_identity, generation_expression
            from information_schema.columns where table_schema in ('public', 'app') order by 1, 2, 4`,
  relations: `select c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text as acl
              from pg_class c where c.relnamespace = 'public'::regnamespace order by 1`,
  constraints: `select conrelid::regclass::text as relation, conname, pg_get_constraintdef(oid) as definition
                from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`,
  policies: `select tablename, policyname, permissive, roles::text, cmd, qual, with_check
             from pg_policies where schemaname = 'public' order by 1, 2`,
  functions: `select p.proname, pg_get_function_identity_arguments(p.oid) as arguments,
                pg_get_functiondef(p.oid) as definition, p.proacl::text as acl
              from pg_proc p where p.pronamespace = 'app'::regnamespace order by 1, 2`,
  triggers: `select tgrelid::regclass::text as relation, tgname, pg_get_triggerdef(oid) as definition
             from pg_trigger where not tgisinternal order by 1, 2`,
  enums: `select t.typname, array_agg(e.enumlabel order by e.enumsortorder)::text as labels
          from pg_type t join pg_enum e on e.enumtypid = t.oid group by 1 order by 1`,
  schemas: `select nspname, nspacl::text as acl from pg_namespace where nspname in ('public', 'app', 'drizzle') order by 1`,
  applied: 'select name, hash from drizzle.__drizzle_migrations order by id',
};

async function catalogOf(query: Query): Promise<Record<string, Record<string, unknown>[]>> {
  const catalog: Record<string, Record<string, unknown>[]> = {};
  for (const [part, text] of Object.entries(CATALOG)) catalog[part] = await query(text);
  return catalog;
}

let oneFolder: string;

beforeAll(() => {
  // Every package's migrations in one folder: the layout the history had before it was split.
  oneFolder = mkdtempSync(join(tmpdir(), 'ssp-one-folder-'));
  for (const folder of platformSchema.migrationsFolders) {
    for (const name of readdirSync(folder)) cpSync(join(folder, name), join(oneFolder, name), { recursive: true });
  }
});

afterAll(() => rmSync(oneFolder, { recursive: true, force: true }));

describe('the migration timeline across packages', () => {
  it('is the history drizzle reads from one folder holding every migration: same names, order, hashes, SQL', () => {
    const byPackage = readMigrationHistory(platformSchema.migrationsFolders);
    expect(byPackage).toEqual(readMigrationFiles({ migrationsFolder: oneFolder }));
    expect(byPackage.map((migration) => migration.name)).toEqual(byPackage.map((migration) => migration.name).sort());
  });

  it('still holds every shipped migration, by the same name and byte for byte (drizzle applies by name)', () => {
    const history = new Map(
      readMigrationHistory(platformSchema.migrationsFolders).map((migration) => [migration.name, migration.hash]),
    );
    const changed = [...SHIPPED_MIGRATIONS].filter(([name, hash]) => history.get(name) !== hash).map(([name]) => name);
    expect(changed).toEqual([]);
  });

  it('refuses two packages holding the same migration, which drizzle would record applied once', () => {
    const [first] = platformSchema.migrationsFolders;
    expect(() => readMigrationHistory([first!, first!])).toThrow(/Two migrations folders hold the migration \d{14}_/);
  });

  it('a database migrated from the one folder finds nothing new to apply, and a fresh one gets its schema', async () => {
    const before = await freshDatabase();
    let oneFolderCatalog: Awaited<ReturnType<typeof catalogOf>>;
    try {
      await before.migrateFromOneFolder(oneFolder);
      oneFolderCatalog = await catalogOf(before.query);
      await before.migrateByPackage();
      const afterwards = await catalogOf(before.query);
      expect(afterwards.applied).toEqual(oneFolderCatalog.applied);
      expect(afterwards).toEqual(oneFolderCatalog);
    } finally {
      await before.close();
    }
    // This file's database is a copy of the run's template, migrated fresh by package (its seed
    // data changes no catalog). On Citus the template is distributed, which changes the catalog
    // (its triggers and constraints), so a fresh database is migrated there instead.
    const fresh = onCitus ? await freshDatabase() : null;
    const testDatabase = fresh ? null : await openTestDatabase();
    try {
      await fresh?.migrateByPackage();
      const freshCatalog = await catalogOf(fresh ? fresh.query : (text) => testDatabase!.asOwner(text));
      expect(freshCatalog.applied!.length).toBe(readMigrationHistory(platformSchema.migrationsFolders).length);
      expect(freshCatalog).toEqual(oneFolderCatalog);
    } finally {
      await fresh?.close();
      await testDatabase?.close();
    }
  }, 120_000);
});
