import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratePostgres } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { onCitus } from '../support/test-database-settings.ts';

// On an already distributed cluster, a later migration that creates a tenant table with foreign
// keys to distributed tables (and to a new reference table) runs as on PostgreSQL: Citus refuses a
// foreign key from a table it does not hold to a distributed one, so each new table is placed as
// the migration creates it, and the keys are added as written.

const LATER_MIGRATION = [
  `CREATE TABLE "later_notes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "request_id" uuid NOT NULL,
     "body" text NOT NULL, CONSTRAINT "later_notes_pkey" PRIMARY KEY("tenant_id","id"))`,
  `CREATE TABLE "later_note_kinds" ("code" text PRIMARY KEY NOT NULL)`,
  `ALTER TABLE "later_notes" ADD COLUMN "kind" text`,
  `ALTER TABLE "later_notes" ADD CONSTRAINT "later_notes_kind_fkey" FOREIGN KEY ("kind") REFERENCES "later_note_kinds"("code")`,
  `ALTER TABLE "later_notes" ADD CONSTRAINT "later_notes_request_fkey" FOREIGN KEY ("tenant_id","request_id")
     REFERENCES "service_requests"("tenant_id","id")`,
].join('\n--> statement-breakpoint\n');

describe.runIf(onCitus)('on Citus: a later migration', () => {
  let db: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'ssp-later-migration-'));
    mkdirSync(join(folder, '29991231000000_later-notes'));
    writeFileSync(join(folder, '29991231000000_later-notes', 'migration.sql'), LATER_MIGRATION);
  });
  afterAll(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    await db?.close();
  });

  it('creates a table with foreign keys to distributed tables: placed as it is created, its keys kept', async () => {
    // Every package's history as the product has it, then the later migration in a folder of its own.
    await migratePostgres(db.serverUrl!, [...platformSchema.migrationsFolders, folder]);
    const placements = await db.asOwner<{ table: string; method: string; colocated: boolean }>(
      `select c.relname as table, d.partmethod::text as method,
              d.colocationid = (select colocationid from pg_dist_partition
                                 where logicalrelid = 'public.service_requests'::regclass) as colocated
         from pg_dist_partition d join pg_class c on c.oid = d.logicalrelid
        where c.relname in ('later_notes', 'later_note_kinds') order by 1`,
    );
    expect(placements).toEqual([
      { table: 'later_note_kinds', method: 'n', colocated: false },
      { table: 'later_notes', method: 'h', colocated: true },
    ]);
    const keys = await db.asOwner<{ name: string }>(
      `select conname as name from pg_constraint where conrelid = 'public.later_notes'::regclass and contype = 'f' order by 1`,
    );
    expect(keys.map((key) => key.name)).toEqual(['later_notes_kind_fkey', 'later_notes_request_fkey']);
  });
});
