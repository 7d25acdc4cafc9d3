import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  onCitus,
  testCitusWorkerUrls,
  testServerNodes,
  testServerUrl,
  urlForDatabase,
} from './test-database-settings.ts';

/** Runs `work` as the superuser of one node's maintenance database. */
async function onNode<T>(nodeUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: nodeUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** PostgreSQL refuses to copy a database that any session is connected to. */
const SOURCE_IN_USE = '55006';

/**
 * Ends every session on `database`. On Citus that includes the maintenance daemon each node runs
 * in every Citus database, which holds a connection of its own to it.
 */
async function endSessions(admin: pg.Client, database: string): Promise<void> {
  await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
}

/**
 * Creates `name` on every node (the server; on Citus the coordinator and each worker, under the
 * same name, which is how the coordinator finds its shards), as a copy of `template` if given.
 * A template still held by a session (Citus's maintenance daemon comes back after a while) has its
 * sessions ended and the copy tried again.
 */
export async function createOnEveryNode(name: string, template?: string): Promise<void> {
  for (const node of testServerNodes) {
    await onNode(node, async (admin) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await admin.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
          return;
        } catch (error) {
          if (!template || (error as { code?: string }).code !== SOURCE_IN_USE || attempt === 20) throw error;
          await endSessions(admin, template);
          await sleep(50 * attempt);
        }
      }
    });
  }
}

/** Drops `name` from every node, sessions and all. */
export async function dropOnEveryNode(name: string): Promise<void> {
  for (const node of testServerNodes) {
    await onNode(node, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
  }
}

/** This run's databases on the server (the same on every node), for the run's clean-up. */
export async function databasesLike(pattern: string): Promise<string[]> {
  if (!testServerUrl) return [];
  return onNode(testServerUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      pattern,
    ]);
    return rows.map((row) => row.datname);
  });
}

/**
 * Makes a new, empty database a Citus one: the extension on every node, and the coordinator told
 * where it is and which workers it has (Citus keeps its node list per database).
 */
export async function joinCitusNodes(database: string): Promise<void> {
  if (!onCitus || !testServerUrl) return;
  for (const worker of testCitusWorkerUrls) {
    await onNode(urlForDatabase(worker, database), (client) => client.query('create extension if not exists citus'));
  }
  await onNode(urlForDatabase(testServerUrl, database), async (client) => {
    await client.query('create extension if not exists citus');
    const coordinator = new URL(testServerUrl as string);
    await client.query('select citus_set_coordinator_host($1, $2)', [
      coordinator.hostname,
      Number(coordinator.port || 5432),
    ]);
    for (const worker of testCitusWorkerUrls) {
      const url = new URL(worker);
      await client.query('select citus_add_node($1, $2)', [url.hostname, Number(url.port || 5432)]);
    }
  });
}

/** Ends every session on `database` on every node, so it can be copied. */
export async function releaseOnEveryNode(database: string): Promise<void> {
  for (const node of testServerNodes) await onNode(node, (admin) => endSessions(admin, database));
}
