import type pg from 'pg';
import { PLATFORM_ROLE, RUNTIME_ROLE } from '../tenant-context.ts';

/** What one table became on Citus. */
export type TablePlacement = 'reference' | 'distributed by tenant_id';

export interface DistributionReport {
  /** Tables placed by this run (the ones placed by an earlier run are left as they are). */
  placed: { table: string; placement: TablePlacement }[];
  /** Foreign keys set aside while their tables were placed, then added back. */
  foreignKeysReadded: number;
}

/** Whether the database the client is connected to has the citus extension. */
export async function isCitus(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query(`select 1 from pg_extension where extname = 'citus'`);
  return rows.length > 0;
}

/**
 * The session settings the migrations and the distribution need on Citus.
 *
 * `citus.enable_unsafe_triggers`: the append-only tables' triggers only raise an error (they read
 * and write no other row, so none of the cross-shard effects Citus guards against can happen);
 * Citus refuses to distribute a table with triggers, or to create one on a distributed table, unless
 * this says the triggers are meant.
 *
 * `citus.multi_shard_modify_mode = 'sequential'`: a migration that creates a table (placed at once,
 * see `placeNewTablesOnCreate`) and then adds its foreign keys does both in one transaction, which
 * Citus allows only over one connection per node.
 *
 * `ssp_citus.migrating`: the session is migrating, so a table it creates is placed as it is created
 * (and a table created in any other session, a test's rolled-back probe, is left alone).
 */
export async function prepareCitusSession(client: pg.ClientBase): Promise<void> {
  await client.query('set citus.enable_unsafe_triggers = on');
  await client.query(`set citus.multi_shard_modify_mode = 'sequential'`);
  await client.query(`set ssp_citus.migrating = 'on'`);
}

/**
 * Once the tables are placed, a table a later migration creates is placed as it is created (an
 * event trigger at the end of its CREATE TABLE), by the same rule: distributed by `tenant_id` in
 * the tenant tables' colocation group, or a reference table. The migration's own foreign keys from
 * it to tables already distributed (which Citus refuses from a table it does not hold) then find it
 * placed. Only in a migrating session (`prepareCitusSession`). Its own schema, so the application's
 * roles see no function of it in `app`.
 */
async function placeNewTablesOnCreate(client: pg.ClientBase): Promise<void> {
  await client.query('create schema if not exists ssp_citus');
  await client.query(`
    create or replace function ssp_citus.place_new_table() returns event_trigger language plpgsql as $$
    declare created record;
    begin
      if current_setting('ssp_citus.migrating', true) is distinct from 'on' then return; end if;
      -- Placing a table creates its shards (CREATE TABLE again, on the coordinator): not placed twice.
      if current_setting('ssp_citus.placing_table', true) = 'on' then return; end if;
      for created in
        select c.oid, c.relname from pg_event_trigger_ddl_commands() e join pg_class c on c.oid = e.objid
         where e.command_tag = 'CREATE TABLE' and e.schema_name = 'public' and c.relkind in ('r', 'p')
           and not c.relispartition
           and not exists (select 1 from pg_dist_partition d where d.logicalrelid = c.oid)
      loop
        -- A guard read by this trigger alone, on the coordinator: SET LOCAL, as every setting is set.
        set local ssp_citus.placing_table = 'on';
        if exists (select 1 from pg_attribute a
                    where a.attrelid = created.oid and a.attname = 'tenant_id' and not a.attisdropped) then
          perform create_distributed_table(created.oid::regclass::text, 'tenant_id', colocate_with => 'default');
        else
          perform create_reference_table(created.oid::regclass::text);
        end if;
        set local ssp_citus.placing_table = 'off';
      end loop;
    end $$`);
  await client.query('revoke all on function ssp_citus.place_new_table() from public');
  await client.query('drop event trigger if exists ssp_citus_place_new_tables');
  await client.query(
    `create event trigger ssp_citus_place_new_tables on ddl_command_end when tag in ('CREATE TABLE')
       execute function ssp_citus.place_new_table()`,
  );
}

/**
 * What the application's roles need set on Citus (on the roles, not the database: a role's
 * setting holds for every database of the cluster, copies included, and Citus forwards it to the
 * workers; a database's own settings do not survive CREATE DATABASE ... TEMPLATE).
 *
 * - `citus.propagate_set_commands = 'local'`: the setter function sets the tenant context with
 *   SET LOCAL, which Citus sends on to the workers' side of the transaction only then; left at its
 *   default ('none') the workers' policies see no tenant at all and every query on a tenant table
 *   returns nothing (failing closed, but useless).
 * - `citus.skip_advisory_lock_permission_checks = on`: an `INSERT ... ON CONFLICT` into a
 *   reference table (onboarding, in bulk, into the organisations registry) makes Citus lock the
 *   table's copies on every node with `lock_shard_resources`, which it allows only to a role that
 *   could UPDATE, DELETE or TRUNCATE the table; the runtime role may only insert there, by design.
 *   What the check guards against is a role blocking others' writes with that lock; these roles are
 *   the application's own, and the lock is the one Citus takes for the insert anyway.
 */
export async function configureCitusRoles(client: pg.ClientBase): Promise<void> {
  for (const role of [RUNTIME_ROLE, PLATFORM_ROLE]) {
    await client.query(`alter role ${role} set citus.propagate_set_commands = 'local'`);
    await client.query(`alter role ${role} set citus.skip_advisory_lock_permission_checks = on`);
  }
}

/**
 * Places every table of `public` that Citus does not hold yet, in one transaction: a table without
 * `tenant_id` (the organisations registry, the catalogue, the calendars: platform-wide by the
 * conventions test's rule) becomes a reference table, copied to every node; a table with it is
 * distributed by `tenant_id`, every one in the same colocation group so a tenant's rows of every
 * table sit on the same shard and joins on `tenant_id` stay on one node. Foreign keys that touch a
 * table being placed are set aside first (Citus accepts one between two distributed tables only
 * once both are distributed and colocated) and added back, unchanged, at the end. Runs again after
 * new migrations: it places only what is new.
 */
export async function distributeTables(client: pg.ClientBase): Promise<DistributionReport> {
  await client.query('begin');
  try {
    // Empty or nearly empty tables: one connection per node keeps the DDL of one transaction
    // visible to itself across the placements and the foreign keys that follow.
    await client.query(`set local citus.multi_shard_modify_mode = 'sequential'`);
    const { rows: unplaced } = await client.query<{ table: string; tenant: boolean }>(
      `select c.relname as table,
              exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
         from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          and not exists (select 1 from pg_dist_partition d where d.logicalrelid = c.oid)
        order by 1`,
    );
    if (unplaced.length === 0) {
      await placeNewTablesOnCreate(client);
      await client.query('commit');
      return { placed: [], foreignKeysReadded: 0 };
    }
    const names = unplaced.map((row) => row.table);
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
      `select con.conrelid::regclass::text as table, con.conname as name, pg_get_constraintdef(con.oid) as definition
         from pg_constraint con
        where con.contype = 'f'
          and (con.conrelid = any (select ('public.' || quote_ident(t))::regclass from unnest($1::text[]) t)
               or con.confrelid = any (select ('public.' || quote_ident(t))::regclass from unnest($1::text[]) t))
        order by 1, 2`,
      [names],
    );
    for (const key of foreignKeys) {
      await client.query(`alter table ${key.table} drop constraint ${quoteIdentifier(key.name)}`);
    }
    const placed: DistributionReport['placed'] = [];
    for (const { table, tenant } of unplaced) {
      if (tenant) {
        await client.query(`select create_distributed_table($1, 'tenant_id', colocate_with => 'default')`, [
          `public.${quoteIdentifier(table)}`,
        ]);
      } else {
        await client.query('select create_reference_table($1)', [`public.${quoteIdentifier(table)}`]);
      }
      placed.push({ table, placement: tenant ? 'distributed by tenant_id' : 'reference' });
    }
    for (const key of foreignKeys) {
      await client.query(`alter table ${key.table} add constraint ${quoteIdentifier(key.name)} ${key.definition}`);
    }
    await assertOneColocationGroup(client);
    await placeNewTablesOnCreate(client);
    await client.query('commit');
    return { placed, foreignKeysReadded: foreignKeys.length };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Every tenant table in one colocation group: a tenant's rows of all of them share a shard. */
async function assertOneColocationGroup(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ groups: number }>(
    `select count(distinct d.colocationid)::int as groups
       from pg_dist_partition d join pg_class c on c.oid = d.logicalrelid
      where d.partmethod = 'h' and c.relnamespace = 'public'::regnamespace`,
  );
  if ((rows[0]?.groups ?? 0) > 1) {
    throw new Error('The tables distributed by tenant_id are not all colocated: a join on tenant_id would cross nodes');
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
