import { EmbeddedDatabase } from '@ssp/core';
import pg from 'pg';
import type { TestDatabase } from './test-database.ts';

/**
 * Makes the database keep requests waiting until `release()`, as a slow or contended one would:
 * on a server, the owner locks `table` (EXCLUSIVE lets reads through and stops writes; ACCESS
 * EXCLUSIVE stops both); on PGlite, which runs one transaction at a time, the owner holds the
 * one transaction open, so every request waits whatever the table.
 */
export async function holdDatabase(
  db: TestDatabase,
  table: string,
  mode: 'exclusive' | 'access exclusive',
): Promise<() => Promise<void>> {
  if (db.serverUrl) {
    const owner = new pg.Client({ connectionString: db.serverUrl });
    await owner.connect();
    await owner.query('begin');
    await owner.query(`lock table ${table} in ${mode} mode`);
    return async () => {
      await owner.query('rollback');
      await owner.end();
    };
  }
  if (!(db.database instanceof EmbeddedDatabase)) throw new Error('expected PGlite');
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  const transaction = db.database.client.transaction(async () => {
    held();
    await released;
  });
  await holding;
  return async () => {
    release();
    await transaction;
  };
}
