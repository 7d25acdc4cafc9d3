// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the deliberately broken snippets are source text the checks read, not templates
import { type EmbeddedDatabase, isEnumArray } from '@ssp/core';
import { tables } from '@ssp/schema';
import { getColumns, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castsInReturning,
  insertSelects,
  locksWithoutTenant,
  productSources,
  type SourceFile,
} from './support/statement-sources.ts';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';
import { onCitus } from './support/test-database-settings.ts';

// The tenancy rules of DESIGN.md ("Tenancy and isolation", "Security floor"), read from the
// catalog of the migrated database as its owner. Every table that exists is checked, so a new
// table that breaks a rule fails here without anyone writing a test for it. Each rule is also run
// once against a deliberately broken table (created in a transaction that is rolled back), so a
// catalog query that silently matches nothing cannot pass for a working check.

/**
 * Platform-wide tables: no `tenant_id`, the same rows for every tenant (Citus reference tables).
 * Adding a table here is a design decision; every other table in `public` is a tenant table.
 */
const PLATFORM_WIDE_TABLES = [
  'organisations',
  'api_client_directory',
  'identity_providers',
  // Reference data (Citus reference tables): the service catalogue and the bank-holiday calendars.
  'service_lines',
  'service_offerings',
  'sla_definitions',
  'bank_holidays',
  'working_days',
  'calendar_versions',
  'nation_calendars',
  // Shared support: the skills taxonomy every partnership's directory uses.
  'support_skills',
];
/**
 * Objects an installed extension owns (Citus's `citus_tables` view in public, its columnar
 * schemas): the extension's, not the product's, and no rule here is about them.
 */
const NOT_AN_EXTENSION_OBJECT = `not exists (select 1 from pg_depend d
  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;
/** drizzle-orm keeps its migration journal (`__drizzle_migrations`) in a schema of its own. */
const DRIZZLE_SCHEMA = 'drizzle';
const APPLICATION_ROLES = ['ssp_runtime', 'ssp_platform'];
/**
 * Append-only tables (audit trail, request histories, savings ledger, statement credits): no UPDATE,
 * DELETE or TRUNCATE grant, a row trigger refusing UPDATE and DELETE, a statement trigger refusing
 * TRUNCATE. A new append-only table is added here.
 */
const APPEND_ONLY_TABLES = [
  'audit_events',
  'calendar_versions',
  'service_request_status_changes',
  'service_request_comments',
  'savings_ledger_entries',
  'statement_credits',
  'recovery_tests',
  'shared_read_receipts',
  'payrolls',
  'pay_periods',
  'payroll_changes',
  'payroll_errors',
  'dbs_checks',
  'contract_letters',
  'vacancies',
  'applications',
  'application_stages',
  'record_imports',
];

type Query = <Row extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const owner: Query = (text, values) => db.asOwner(text, values);

/** Runs `work` as the owner in a transaction that is always rolled back. */
async function inRolledBackTransaction(work: (query: Query) => Promise<void>): Promise<void> {
  if (db.serverUrl) {
    const client = new pg.Client({ connectionString: db.serverUrl });
    await client.connect();
    try {
      await client.query('begin');
      await work(async (text, values) => (await client.query(text, values)).rows);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
    return;
  }
  const rollback = new Error('roll back');
  const { client } = db.database as EmbeddedDatabase;
  await client
    .transaction(async (tx) => {
      await work(async <Row>(text: string, values?: unknown[]) => (await tx.query<Row>(text, values)).rows);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
}

/** Tables (plain and partitioned) in `public` that are not on the platform-wide allow-list. */
async function tenantTables(query: Query): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and not (c.relname = any ($1::text[]))
      order by 1`,
    [PLATFORM_WIDE_TABLES],
  );
  return rows.map((row) => row.name);
}

interface Rule {
  name: string;
  /** Every violation, each naming the table (or role, function, view) at fault. */
  check(query: Query): Promise<string[]>;
  /**
   * Statements that break the rule, and the name the check must then report. `refusedOnCitus`:
   * on a Citus cluster the database itself refuses the breach with this message, which is the
   * rule holding there.
   */
  breach: { statements: string[]; offender: string; refusedOnCitus?: string };
}

/** A well-formed tenant table to start a breach from: only the breach itself is wrong. */
const goodTenantTable = (name: string, extra = '') => [
  `create table ${name} (
     tenant_id uuid not null, id uuid not null, code text, created_at timestamptz,${extra}
     primary key (tenant_id, id))`,
  `alter table ${name} enable row level security`,
  `alter table ${name} force row level security`,
  `create policy ${name}_tenant_isolation on ${name} for all to ssp_runtime
     using (tenant_id = any (app.current_tenant_ids())) with check (app.in_tenant_context(tenant_id))`,
];

/**
 * How a policy limits the tenant column. Reads (`using`) compare it with the visible tenants' array,
 * which the planner turns into an index condition evaluated once per scan. Writes (`with check`)
 * are checked row by row, so they look the one id up with `app.in_tenant_context(column)` (constant
 * time) rather than parse the whole context into an array again for every row written.
 */
const TENANT_POLICY_COMPARISON = '= ANY (app.current_tenant_ids())';
const TENANT_WRITE_CHECK = (column: string) => `app.in_tenant_context(${column})`;
/**
 * Tables a partnership shares with its members (shared support). Their rows belong to the
 * partnership; a member reads them only while its sharing agreement stands, through a policy that
 * compares `tenant_id` with `app.current_partnership_ids()` (set from the member's own opted-in
 * agreements by `app.set_partnership_context()`). Only these tables may use that comparison, and
 * on these it stands in for the tenant comparison. Adding a table here is a design decision.
 */
const PARTNERSHIP_SHARED_TABLES = [
  'shared_members',
  'rota_shares',
  'shared_people',
  'shared_person_skills',
  'shared_person_unavailability',
  'shared_support_programmes',
  'help_requests',
  'help_loans',
  'rota_shifts',
  'rota_swaps',
  'recovery_templates',
  'recovery_template_items',
  'shared_read_receipts',
];
const PARTNERSHIP_POLICY_COMPARISON = 'tenant_id = ANY (app.current_partnership_ids())';

/**
 * The permissive policies that apply to the runtime role (named for it, or for PUBLIC). Restrictive
 * ones can only narrow what the permissive ones allow, so they are free to say anything.
 */
const RUNTIME_POLICIES = `
  select tablename as table, policyname as policy, qual, with_check
    from pg_policies
   where schemaname = 'public' and permissive = 'PERMISSIVE'
     and ('ssp_runtime' = any (roles) or 'public' = any (roles))`;

const rules: Rule[] = [
  {
    name: 'tables live only in public (and drizzle keeps its journal in its own schema)',
    check: async (query) => {
      const rows = await query<{ name: string }>(
        `select n.nspname || '.' || c.relname as name
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'v', 'm', 'f')
            and n.nspname not in ('public', 'pg_catalog', 'information_schema', 'pg_toast')
            and n.nspname not like 'pg_temp_%' and n.nspname not like 'pg_toast_temp_%'
            and not (n.nspname = $1 and c.relname = '__drizzle_migrations')
            and ${NOT_AN_EXTENSION_OBJECT}
          order by 1`,
        [DRIZZLE_SCHEMA],
      );
      return rows.map((row) => `${row.name} is outside schema public, where no rule checks it`);
    },
    breach: { statements: ['create table app.rogue_hidden (id uuid primary key)'], offender: 'app.rogue_hidden' },
  },
  {
    name: 'every tenant table has a tenant_id uuid not null column',
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string }>(
        `select c.relname as table from pg_class c
          where c.relname = any ($1::text[]) and c.relnamespace = 'public'::regnamespace
            and not exists (select 1 from pg_attribute a
                             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                               and a.atttypid = 'uuid'::regtype and a.attnotnull)
          order by 1`,
        [tables],
      );
      return rows.map((row) => `${row.table} has no tenant_id uuid not null column`);
    },
    breach: {
      statements: ['create table rogue_nullable (tenant_id uuid, id uuid not null, primary key (id))'],
      offender: 'rogue_nullable',
    },
  },
  {
    name: "every tenant table's primary key leads with tenant_id",
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string; key: string | null }>(
        `select c.relname as table, pg_get_constraintdef(con.oid) as key
           from pg_class c
           left join pg_constraint con on con.conrelid = c.oid and con.contype = 'p'
           left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          where c.relname = any ($1::text[]) and c.relnamespace = 'public'::regnamespace
            and (con.oid is null or a.attnum is null or con.conkey[1] <> a.attnum)
          order by 1`,
        [tables],
      );
      return rows.map((row) => `${row.table}: ${row.key ?? 'no primary key'} does not start with tenant_id`);
    },
    breach: {
      statements: ['create table rogue_key (tenant_id uuid not null, id uuid not null, primary key (id, tenant_id))'],
      offender: 'rogue_key',
    },
  },
  {
    name: 'every unique constraint and unique index on a tenant table leads with tenant_id',
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string; index: string; definition: string }>(
        `select c.relname as table, ic.relname as index, pg_get_indexdef(i.indexrelid) as definition
           from pg_index i
           join pg_class c on c.oid = i.indrelid
           join pg_class ic on ic.oid = i.indexrelid
           left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          where c.relname = any ($1::text[]) and c.relnamespace = 'public'::regnamespace
            and (i.indisunique or i.indisexclusion)
            and (a.attnum is null or i.indkey[0] <> a.attnum)
          order by 1, 2`,
        [tables],
      );
      return rows.map((row) => `${row.table}: unique ${row.index} (${row.definition}) does not start with tenant_id`);
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_unique'),
        'create unique index rogue_unique_code on rogue_unique (code, tenant_id)',
      ],
      offender: 'rogue_unique',
    },
  },
  {
    name: 'every foreign key between tenant tables leads with tenant_id on both sides',
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string; constraint: string; definition: string }>(
        `select c.relname as table, con.conname as constraint, pg_get_constraintdef(con.oid) as definition
           from pg_constraint con
           join pg_class c on c.oid = con.conrelid
           join pg_class f on f.oid = con.confrelid
           left join pg_attribute ca on ca.attrelid = c.oid and ca.attname = 'tenant_id' and not ca.attisdropped
           left join pg_attribute fa on fa.attrelid = f.oid and fa.attname = 'tenant_id' and not fa.attisdropped
          where con.contype = 'f'
            and c.relnamespace = 'public'::regnamespace and c.relname = any ($1::text[])
            and f.relnamespace = 'public'::regnamespace and f.relname = any ($1::text[])
            and (ca.attnum is null or fa.attnum is null
                 or con.conkey[1] is distinct from ca.attnum or con.confkey[1] is distinct from fa.attnum)
          order by 1, 2`,
        [tables],
      );
      return rows.map((row) => `${row.table}: ${row.constraint} (${row.definition}) leaves tenant_id out`);
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_parent'),
        'create unique index rogue_parent_id on rogue_parent (id)',
        ...goodTenantTable('rogue_child', ' parent_id uuid,'),
        // Joins on the id alone: Citus cannot route it, and it lets a row point into another tenant.
        'alter table rogue_child add foreign key (parent_id) references rogue_parent (id)',
      ],
      offender: 'rogue_child',
    },
  },
  {
    name: 'platform-wide tables hold no foreign key into tenant tables',
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string; constraint: string; referenced: string }>(
        `select c.relname as table, con.conname as constraint, f.relname as referenced
           from pg_constraint con
           join pg_class c on c.oid = con.conrelid
           join pg_class f on f.oid = con.confrelid
          where con.contype = 'f' and c.relnamespace = 'public'::regnamespace and not (c.relname = any ($1::text[]))
            and f.relnamespace = 'public'::regnamespace and f.relname = any ($1::text[])
          order by 1, 2`,
        [tables],
      );
      return rows.map((row) => `${row.table}: ${row.constraint} references tenant table ${row.referenced}`);
    },
    breach: {
      // identity_providers is platform-wide; pointing it at a tenant table breaks the rule.
      statements: [
        'alter table identity_providers add column membership_tenant uuid, add column membership_id uuid',
        `alter table identity_providers add constraint rogue_platform_fk
           foreign key (membership_tenant, membership_id) references memberships (tenant_id, id)`,
      ],
      offender: 'identity_providers',
      refusedOnCitus: 'foreign keys from reference tables and local tables to distributed tables are not supported',
    },
  },
  {
    name: 'every index on a tenant table leads with tenant_id',
    check: async (query) => {
      const tables = await tenantTables(query);
      const rows = await query<{ table: string; index: string; definition: string }>(
        `select c.relname as table, ic.relname as index, pg_get_indexdef(i.indexrelid) as definition
           from pg_index i
           join pg_class c on c.oid = i.indrelid
           join pg_class ic on ic.oid = i.indexrelid
           left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          where c.relname = any ($1::text[]) and c.relnamespace = 'public'::regnamespace
            and (a.attnum is null or i.indkey[0] <> a.attnum)
          order by 1, 2`,
        [tables],
      );
      return rows.map((row) => `${row.table}: ${row.index} (${row.definition}) does not start with tenant_id`);
    },
    breach: {
      statements: [...goodTenantTable('rogue_index'), 'create index rogue_index_created on rogue_index (created_at)'],
      offender: 'rogue_index',
    },
  },
  {
    name: 'row-level security is enabled and forced on every table, tenant and platform-wide (organisations too)',
    check: async (query) => {
      const rows = await query<{ table: string; enabled: boolean; forced: boolean }>(
        `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
           from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
            and not (c.relrowsecurity and c.relforcerowsecurity)
          order by 1`,
      );
      return rows.map(
        (row) => `${row.table}: row-level security ${row.enabled ? 'enabled but not forced' : 'not enabled'}`,
      );
    },
    breach: {
      statements: [...goodTenantTable('rogue_unforced'), 'alter table rogue_unforced no force row level security'],
      offender: 'rogue_unforced',
    },
  },
  {
    name: 'every tenant table (and the organisations registry) limits ssp_runtime to the visible tenants',
    check: async (query) => {
      const tables = await tenantTables(query);
      // The registry is keyed by the organisation's id, which is the tenant_id everywhere else.
      const guarded = [
        ...tables.map((table) => ({ table, column: 'tenant_id' })),
        { table: 'organisations', column: 'id' },
      ];
      const policies = await query<{ table: string; policy: string; qual: string | null; with_check: string | null }>(
        RUNTIME_POLICIES,
      );
      const violations: string[] = [];
      for (const { table, column } of guarded) {
        const own = policies.filter((policy) => policy.table === table);
        if (own.length === 0) violations.push(`${table}: no permissive row-level security policy for ssp_runtime`);
        for (const policy of own) {
          // Permissive policies are OR-ed: one that does not compare the tenant column with the
          // visible tenants (a `using (true)` for PUBLIC, say) opens the whole table. Reads compare
          // with the array (an index condition), writes ask app.in_tenant_context (constant time).
          for (const [expression, limit] of [
            [policy.qual, `${column} ${TENANT_POLICY_COMPARISON}`],
            [policy.with_check, TENANT_WRITE_CHECK(column)],
          ] as const) {
            if (expression === null) continue;
            const compares =
              expression.includes(limit) ||
              (PARTNERSHIP_SHARED_TABLES.includes(table) && expression.includes(PARTNERSHIP_POLICY_COMPARISON));
            if (!compares || /\bOR\b/i.test(expression)) {
              violations.push(
                `${table}: policy ${policy.policy} (${expression}) does not limit ${column} with ${limit}`,
              );
            }
          }
        }
      }
      return violations;
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_open'),
        'create policy rogue_open_everyone on rogue_open for select using (true)',
      ],
      offender: 'rogue_open',
    },
  },
  {
    name: 'no policy checks written rows against app.current_tenant_ids() (writes use app.in_tenant_context)',
    // A WITH CHECK runs once for every row written; comparing with app.current_tenant_ids() there
    // parses the whole tenant context again for each row.
    check: async (query) => {
      const rows = await query<{ table: string; policy: string; with_check: string }>(
        `select tablename as table, policyname as policy, with_check from pg_policies
          where schemaname = 'public' and with_check like '%current_tenant_ids%'
          order by 1, 2`,
      );
      return rows.map(
        (row) =>
          `${row.table}: policy ${row.policy} checks written rows with app.current_tenant_ids() (${row.with_check}); use app.in_tenant_context(column)`,
      );
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_slow_write'),
        `create policy rogue_slow_write_insert on rogue_slow_write for insert to ssp_runtime
           with check (tenant_id = any (app.current_tenant_ids()))`,
      ],
      offender: 'rogue_slow_write',
    },
  },
  {
    name: 'only the partnership-shared tables let members of a partnership read through app.current_partnership_ids()',
    check: async (query) => {
      const rows = await query<{ table: string }>(
        `select distinct tablename as table from pg_policies
          where schemaname = 'public'
            and (coalesce(qual, '') like '%current_partnership_ids%' or coalesce(with_check, '') like '%current_partnership_ids%')
          order by 1`,
      );
      const found = rows.map((row) => row.table);
      return [
        ...found
          .filter((table) => !PARTNERSHIP_SHARED_TABLES.includes(table))
          .map(
            (table) => `${table} is read through app.current_partnership_ids() but is not a partnership-shared table`,
          ),
        ...PARTNERSHIP_SHARED_TABLES.filter((table) => !found.includes(table)).map(
          (table) => `${table} is listed as partnership-shared but no policy shares it`,
        ),
      ];
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_shared'),
        `create policy rogue_shared_partnership on rogue_shared for select to ssp_runtime
           using (tenant_id = any (app.current_partnership_ids()))`,
      ],
      offender: 'rogue_shared',
    },
  },
  {
    name: 'on a table with row-level security, every privilege granted to a role has a policy that lets it act',
    // Without one the grant silently does nothing (reads come back empty): a half-done change.
    check: async (query) => {
      const rows = await query<{ table: string; role: string; privilege: string }>(
        `select c.relname as table, r.rolname as role, a.privilege_type as privilege
           from pg_class c
           cross join lateral aclexplode(c.relacl) a
           join pg_roles r on r.oid = a.grantee
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relrowsecurity
            and r.rolname = any ($1::text[]) and a.privilege_type in ('SELECT', 'INSERT', 'UPDATE', 'DELETE')
            and not exists (
              select 1 from pg_policies p
               where p.schemaname = 'public' and p.tablename = c.relname and p.permissive = 'PERMISSIVE'
                 and (r.rolname = any (p.roles) or 'public' = any (p.roles))
                 and p.cmd in ('ALL', a.privilege_type))
          order by 1, 2, 3`,
        [APPLICATION_ROLES],
      );
      return rows.map((row) => `${row.table}: ${row.role} is granted ${row.privilege} but no policy allows it`);
    },
    breach: {
      statements: [...goodTenantTable('rogue_grant'), 'grant select on rogue_grant to ssp_platform'],
      offender: 'rogue_grant',
    },
  },
  {
    name: 'no policy is restrictive (Citus recreates policies on its shards without AS RESTRICTIVE)',
    // On Citus a restrictive policy silently becomes permissive, widening what it was meant to
    // narrow: a rule every row must meet goes into the permissive policy's own condition.
    check: async (query) => {
      const rows = await query<{ table: string; policy: string }>(
        `select tablename as table, policyname as policy from pg_policies
          where schemaname = 'public' and permissive = 'RESTRICTIVE'
          order by 1, 2`,
      );
      return rows.map((row) => `${row.table}: policy ${row.policy} is restrictive`);
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_restrictive'),
        `create policy rogue_restrictive_narrowing on rogue_restrictive as restrictive for insert to ssp_runtime
           with check (app.in_tenant_context(tenant_id))`,
      ],
      offender: 'rogue_restrictive',
    },
  },
  {
    name: 'no policy holds a subquery (Citus refuses one)',
    check: async (query) => {
      const rows = await query<{ table: string; policy: string; qual: string | null; with_check: string | null }>(
        `select tablename as table, policyname as policy, qual, with_check from pg_policies
          where schemaname = 'public'
            and (coalesce(qual, '') ~* '\\mselect\\M' or coalesce(with_check, '') ~* '\\mselect\\M')
          order by 1, 2`,
      );
      return rows.map((row) => `${row.table}: policy ${row.policy} has a subquery (${row.qual ?? row.with_check})`);
    },
    breach: {
      statements: [
        ...goodTenantTable('rogue_subquery'),
        `create policy rogue_subquery_members on rogue_subquery for select to ssp_runtime
           using (tenant_id in (select m.tenant_id from memberships m))`,
      ],
      offender: 'rogue_subquery',
    },
  },
  {
    name: 'no id comes from an int2/int4 sequence (serials, if any, are bigint)',
    check: async (query) => {
      const rows = await query<{ name: string; kind: string }>(
        `select n.nspname || '.' || c.relname || '.' || a.attname as name,
                format_type(a.atttypid, a.atttypmod) || case when a.attidentity <> '' then ' identity' else ' default ' || pg_get_expr(d.adbin, d.adrelid) end as kind
           from pg_attribute a
           join pg_class c on c.oid = a.attrelid
           join pg_namespace n on n.oid = c.relnamespace
           left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
          where n.nspname not in ('pg_catalog', 'information_schema', $1) and not a.attisdropped and a.attnum > 0
            and a.atttypid in ('int2'::regtype, 'int4'::regtype)
            and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like 'nextval(%')
         union all
         select n.nspname || '.' || c.relname, 'sequence of ' || format_type(s.seqtypid, null)
           from pg_sequence s
           join pg_class c on c.oid = s.seqrelid
           join pg_namespace n on n.oid = c.relnamespace
          where n.nspname <> $1 and s.seqtypid in ('int2'::regtype, 'int4'::regtype)
          order by 1`,
        [DRIZZLE_SCHEMA],
      );
      return rows.map((row) => `${row.name}: ${row.kind}`);
    },
    breach: {
      statements: [...goodTenantTable('rogue_serial', ' number serial,')],
      offender: 'rogue_serial',
    },
  },
  {
    name: 'views are security_invoker, and there are no materialized views (they skip row-level security)',
    check: async (query) => {
      const rows = await query<{ name: string; kind: string; options: string[] | null }>(
        `select n.nspname || '.' || c.relname as name, c.relkind::text as kind, c.reloptions as options
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
            and ${NOT_AN_EXTENSION_OBJECT}
          order by 1`,
      );
      return rows
        .filter(
          (row) =>
            row.kind === 'm' ||
            !(row.options ?? []).some((option) => /^security_invoker=(true|on|yes|1)$/i.test(option)),
        )
        .map((row) =>
          row.kind === 'm' ? `${row.name} is a materialized view` : `${row.name} is a view without security_invoker`,
        );
    },
    breach: {
      statements: ['create view rogue_view as select tenant_id, id from memberships'],
      offender: 'public.rogue_view',
    },
  },
];

describe('every table in the database follows the tenancy rules', () => {
  it('checks the tables it should: the allow-list is real, and the tenant tables are found', async () => {
    const rows = await owner<{ name: string; has_tenant_id: boolean }>(
      `select c.relname as name,
              exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                       and not a.attisdropped) as has_tenant_id
         from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`,
    );
    for (const table of PLATFORM_WIDE_TABLES) {
      const found = rows.find((row) => row.name === table);
      expect(found, `platform-wide table ${table} on the allow-list does not exist`).toBeDefined();
      expect(found?.has_tenant_id, `${table} has tenant_id: it is a tenant table, take it off the allow-list`).toBe(
        false,
      );
    }
    expect(await tenantTables(owner)).toEqual(expect.arrayContaining(['api_clients', 'delegations', 'memberships']));
    const journal = await owner<{ name: string }>(
      `select c.relname as name from pg_class c where c.relnamespace = $1::regnamespace and c.relkind = 'r'`,
      [DRIZZLE_SCHEMA],
    );
    expect(journal.map((row) => row.name)).toEqual(['__drizzle_migrations']);
  });

  for (const rule of rules) {
    it(rule.name, async () => {
      const violations = await rule.check(owner);
      expect(violations, `breaks "${rule.name}":\n${violations.join('\n')}`).toEqual([]);
    });
  }
});

describe('each rule catches a table that breaks it (in a transaction that is rolled back)', () => {
  for (const rule of rules) {
    it(rule.name, async () => {
      await inRolledBackTransaction(async (query) => {
        const before = await rule.check(query);
        const { refusedOnCitus } = rule.breach;
        if (onCitus && refusedOnCitus) {
          const [last, ...first] = [...rule.breach.statements].reverse();
          for (const statement of first.reverse()) await query(statement);
          await expect(query(last as string)).rejects.toThrow(refusedOnCitus);
          return;
        }
        for (const statement of rule.breach.statements) await query(statement);
        const after = await rule.check(query);
        const fresh = after.filter((violation) => !before.includes(violation));
        expect(fresh.length, `the check did not notice ${rule.breach.offender}`).toBeGreaterThan(0);
        for (const violation of fresh) expect(violation).toContain(rule.breach.offender);
      });
    });
  }
});

describe('the runtime and platform roles', () => {
  for (const role of APPLICATION_ROLES) {
    it(`${role} exists, can log in, and is not a superuser, BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION`, async () => {
      const rows = await owner(
        `select rolcanlogin as login, rolsuper as superuser, rolbypassrls as bypassrls, rolcreaterole as createrole,
                rolcreatedb as createdb, rolreplication as replication, rolinherit as inherit
           from pg_roles where rolname = $1`,
        [role],
      );
      expect(rows, `role ${role} is missing`).toHaveLength(1);
      expect(rows[0]).toEqual({
        login: true,
        superuser: false,
        bypassrls: false,
        createrole: false,
        createdb: false,
        replication: false,
        inherit: true,
      });
    });

    it(`${role} logs in without JIT compilation (short statements; see the kernel migration application-roles-without-jit)`, async () => {
      const rows = await owner<{ config: string[] | null }>(
        `select coalesce(s.setconfig, '{}') as config from pg_roles r
           left join pg_db_role_setting s on s.setrole = r.oid and s.setdatabase = 0
          where r.rolname = $1`,
        [role],
      );
      expect(rows[0]?.config).toContain('jit=off');
      // And a session logged in as the role has it (a server run: PGlite has no logins, nor JIT).
      if (db.serverUrl) {
        const url = new URL(db.serverUrl);
        url.username = role;
        url.password = '';
        const session = new pg.Client({ connectionString: url.toString() });
        await session.connect();
        try {
          const shown = await session.query<{ jit: string }>('show jit');
          expect(shown.rows[0]?.jit).toBe('off');
        } finally {
          await session.end();
        }
      }
    });

    it(`${role} is a member of no other role (it could inherit the owner's or a superuser's rights)`, async () => {
      const rows = await owner<{ granted: string }>(
        `select g.rolname as granted from pg_auth_members m
           join pg_roles r on r.oid = m.member join pg_roles g on g.oid = m.roleid
          where r.rolname = $1`,
        [role],
      );
      expect(rows.map((row) => row.granted)).toEqual([]);
    });

    it(`${role} owns no table, sequence, view, schema or function (owners skip row-level security)`, async () => {
      const rows = await owner<{ owned: string }>(
        `select 'relation ' || c.oid::regclass::text as owned from pg_class c where c.relowner = $1::regrole
         union all select 'schema ' || n.nspname from pg_namespace n where n.nspowner = $1::regrole
         union all select 'function ' || p.oid::regprocedure::text from pg_proc p where p.proowner = $1::regrole
         order by 1`,
        [role],
      );
      expect(
        rows.map((row) => row.owned),
        `${role} owns: ${rows.map((row) => row.owned).join(', ')}`,
      ).toEqual([]);
    });
  }

  it('the ownership check notices a table handed to ssp_runtime (rolled back)', async () => {
    await inRolledBackTransaction(async (query) => {
      await query('alter table memberships owner to ssp_runtime');
      const rows = await query<{ name: string }>(
        `select c.relname as name from pg_class c where c.relowner = 'ssp_runtime'::regrole`,
      );
      expect(rows.map((row) => row.name)).toContain('memberships');
    });
  });
});

describe('the tenant context functions', () => {
  it('app.set_tenant_context(uuid[]) exists, returns void and is volatile (it runs SET LOCAL)', async () => {
    const rows = await owner(
      `select pg_get_function_identity_arguments(p.oid) as arguments, p.prorettype::regtype::text as returns,
              p.provolatile as volatility, p.prosecdef as security_definer
         from pg_proc p where p.pronamespace = 'app'::regnamespace and p.proname = 'set_tenant_context'`,
    );
    expect(rows).toEqual([
      { arguments: 'tenant_ids uuid[]', returns: 'void', volatility: 'v', security_definer: false },
    ]);
  });

  it('app.current_tenant_ids() takes nothing, returns uuid[] and is STABLE (so policies can use an index)', async () => {
    const rows = await owner(
      `select pg_get_function_identity_arguments(p.oid) as arguments, p.prorettype::regtype::text as returns,
              p.provolatile as volatility, p.prosecdef as security_definer
         from pg_proc p where p.pronamespace = 'app'::regnamespace and p.proname = 'current_tenant_ids'`,
    );
    expect(rows).toEqual([{ arguments: '', returns: 'uuid[]', volatility: 's', security_definer: false }]);
  });

  it('app.in_tenant_context(uuid) returns boolean, is STABLE and subquery-free SQL (inlined into write checks)', async () => {
    const rows = await owner(
      `select pg_get_function_identity_arguments(p.oid) as arguments, p.prorettype::regtype::text as returns,
              p.provolatile as volatility, p.prosecdef as security_definer, l.lanname as language,
              p.prosrc ~* '\\mselect\\M.*\\mselect\\M' or p.prosrc ~* '\\mfrom\\M' as subquery
         from pg_proc p join pg_language l on l.oid = p.prolang
        where p.pronamespace = 'app'::regnamespace and p.proname = 'in_tenant_context'`,
    );
    expect(rows).toEqual([
      {
        arguments: 'tenant_id uuid',
        returns: 'boolean',
        volatility: 's',
        security_definer: false,
        language: 'sql',
        subquery: false,
      },
    ]);
  });
});

describe('grants: the exact matrix, so that a new grant is a deliberate change to this test', () => {
  /** Privileges on relations in public and drizzle's schema, for the two roles and PUBLIC. */
  async function tableGrants(query: Query): Promise<Record<string, string>> {
    const rows = await query<{ grantee: string; relation: string; privileges: string }>(
      `select coalesce(r.rolname, 'PUBLIC') as grantee, n.nspname || '.' || c.relname as relation,
              string_agg(a.privilege_type, ', ' order by a.privilege_type) as privileges
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(c.relacl) a
         left join pg_roles r on r.oid = a.grantee
        where n.nspname in ('public', $1) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
          and (a.grantee = 0 or r.rolname = any ($2::text[]))
          and ${NOT_AN_EXTENSION_OBJECT}
        group by 1, 2`,
      [DRIZZLE_SCHEMA, APPLICATION_ROLES],
    );
    return Object.fromEntries(rows.map((row) => [`${row.grantee} on ${row.relation}`, row.privileges]));
  }

  it('table privileges of ssp_runtime, ssp_platform and PUBLIC are exactly these', async () => {
    expect(await tableGrants(owner)).toEqual({
      // The runtime role reads the registry (through its policy; the platform-wide directories are
      // platform-path only),
      // manages its own members and clients, and may record a delegation only over an organisation
      // already in its context (onboarding). No DELETE.
      // Onboarding: a new organisation beneath one in context, its subscriptions, and a delegation
      // over it (policies limit each to the tenant context).
      'ssp_runtime on public.organisations': 'INSERT, SELECT',
      'ssp_runtime on public.delegations': 'INSERT, SELECT',
      // Tenant admins register their own API clients (the policy limits the organisation).
      'ssp_runtime on public.api_client_directory': 'INSERT',
      'ssp_runtime on public.memberships': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.api_clients': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.organisations': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.memberships': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.api_clients': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.delegations': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.api_client_directory': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.identity_providers': 'DELETE, INSERT, SELECT, UPDATE',
      // Append-only: read and insert, nothing else, for either role.
      'ssp_runtime on public.audit_events': 'INSERT, SELECT',
      'ssp_platform on public.audit_events': 'INSERT, SELECT',
      // Reference data: read by tenants, maintained on the platform path, never deleted.
      'ssp_runtime on public.service_lines': 'SELECT',
      'ssp_runtime on public.service_offerings': 'SELECT',
      'ssp_runtime on public.sla_definitions': 'SELECT',
      'ssp_runtime on public.bank_holidays': 'SELECT',
      'ssp_platform on public.service_lines': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.service_offerings': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.sla_definitions': 'INSERT, SELECT, UPDATE',
      // An import that no longer lists a holiday removes it (its version keeps what was removed).
      'ssp_platform on public.bank_holidays': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_runtime on public.working_days': 'SELECT',
      'ssp_platform on public.working_days': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.calendar_versions': 'SELECT',
      'ssp_platform on public.calendar_versions': 'INSERT, SELECT',
      'ssp_runtime on public.nation_calendars': 'SELECT',
      'ssp_platform on public.nation_calendars': 'INSERT, SELECT, UPDATE',
      // Subscriptions are made by onboarding on the platform path; tenants read them.
      'ssp_runtime on public.subscriptions': 'INSERT, SELECT',
      'ssp_runtime on public.onboarding_requests': 'INSERT, SELECT',
      'ssp_platform on public.onboarding_requests': 'INSERT, SELECT',
      'ssp_platform on public.subscriptions': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.service_requests': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.service_requests': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.service_request_status_changes': 'INSERT, SELECT',
      'ssp_platform on public.service_request_status_changes': 'INSERT, SELECT',
      'ssp_runtime on public.service_request_comments': 'INSERT, SELECT',
      'ssp_platform on public.service_request_comments': 'INSERT, SELECT',
      // Payroll and recruitment records are bitemporal: a correction is a new version, never an update.
      'ssp_runtime on public.payrolls': 'INSERT, SELECT',
      'ssp_platform on public.payrolls': 'INSERT, SELECT',
      'ssp_runtime on public.pay_periods': 'INSERT, SELECT',
      'ssp_platform on public.pay_periods': 'INSERT, SELECT',
      'ssp_runtime on public.payroll_changes': 'INSERT, SELECT',
      'ssp_platform on public.payroll_changes': 'INSERT, SELECT',
      'ssp_runtime on public.payroll_errors': 'INSERT, SELECT',
      'ssp_platform on public.payroll_errors': 'INSERT, SELECT',
      'ssp_runtime on public.dbs_checks': 'INSERT, SELECT',
      'ssp_platform on public.dbs_checks': 'INSERT, SELECT',
      'ssp_runtime on public.contract_letters': 'INSERT, SELECT',
      'ssp_platform on public.contract_letters': 'INSERT, SELECT',
      'ssp_runtime on public.vacancies': 'INSERT, SELECT',
      'ssp_platform on public.vacancies': 'INSERT, SELECT',
      'ssp_runtime on public.applications': 'INSERT, SELECT',
      'ssp_platform on public.applications': 'INSERT, SELECT',
      'ssp_runtime on public.application_stages': 'INSERT, SELECT',
      'ssp_platform on public.application_stages': 'INSERT, SELECT',
      'ssp_runtime on public.record_imports': 'INSERT, SELECT',
      'ssp_platform on public.record_imports': 'INSERT, SELECT',
      // Billing: charges are set and changed, opportunities move through their decision; reduction
      // requests are facts once made; the savings ledger and statement credits are append-only.
      'ssp_runtime on public.affordability_charges': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.affordability_charges': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.savings_opportunities': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.savings_opportunities': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.reduction_requests': 'INSERT, SELECT',
      'ssp_platform on public.reduction_requests': 'INSERT, SELECT',
      'ssp_runtime on public.savings_ledger_entries': 'INSERT, SELECT',
      'ssp_platform on public.savings_ledger_entries': 'INSERT, SELECT',
      // The figures kept beside the ledger are rewritten from it by each append (or removed).
      'ssp_runtime on public.savings_ledger_figures': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.savings_ledger_figures': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_runtime on public.statement_credits': 'INSERT, SELECT',
      'ssp_platform on public.statement_credits': 'INSERT, SELECT',
      // Business cases are recorded once as their source states them and only read after (every
      // figure is computed from the lines); linking a line to the opportunities delivering it adds rows.
      'ssp_runtime on public.business_cases': 'INSERT, SELECT',
      'ssp_platform on public.business_cases': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_workstreams': 'INSERT, SELECT',
      'ssp_platform on public.business_case_workstreams': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_lines': 'INSERT, SELECT',
      'ssp_platform on public.business_case_lines': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_line_amounts': 'INSERT, SELECT',
      'ssp_platform on public.business_case_line_amounts': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_stated_figures': 'INSERT, SELECT',
      'ssp_platform on public.business_case_stated_figures': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_stated_figure_lines': 'INSERT, SELECT',
      'ssp_platform on public.business_case_stated_figure_lines': 'INSERT, SELECT',
      'ssp_runtime on public.business_case_line_opportunities': 'INSERT, SELECT',
      'ssp_platform on public.business_case_line_opportunities': 'INSERT, SELECT',
      // Shared support: the taxonomy is reference data; members keep their own people and plans;
      // what they publish to the partnership is rewritten whole (deleted and inserted); the
      // partnership's loans, rota and templates are kept; recovery tests are append-only.
      'ssp_runtime on public.support_skills': 'SELECT',
      'ssp_platform on public.support_skills': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.support_people': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.support_people': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.support_person_skills': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.support_person_skills': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.support_person_unavailability': 'DELETE, INSERT, SELECT, UPDATE',
      'ssp_platform on public.support_person_unavailability': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.sharing_agreements': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.sharing_agreements': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.shared_members': 'DELETE, INSERT, SELECT',
      'ssp_platform on public.shared_members': 'DELETE, INSERT, SELECT',
      'ssp_runtime on public.shared_people': 'DELETE, INSERT, SELECT',
      'ssp_platform on public.shared_people': 'DELETE, INSERT, SELECT',
      'ssp_runtime on public.shared_person_skills': 'DELETE, INSERT, SELECT',
      'ssp_platform on public.shared_person_skills': 'DELETE, INSERT, SELECT',
      'ssp_runtime on public.shared_person_unavailability': 'DELETE, INSERT, SELECT',
      'ssp_platform on public.shared_person_unavailability': 'DELETE, INSERT, SELECT',
      'ssp_runtime on public.rota_shares': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.rota_shares': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.shared_support_programmes': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.shared_support_programmes': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.help_requests': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.help_requests': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.help_loans': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.help_loans': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.rota_shifts': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.rota_shifts': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.rota_swaps': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.rota_swaps': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.recovery_templates': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.recovery_templates': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.recovery_template_items': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.recovery_template_items': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.recovery_plans': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.recovery_plans': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.recovery_plan_items': 'INSERT, SELECT, UPDATE',
      'ssp_platform on public.recovery_plan_items': 'INSERT, SELECT, UPDATE',
      'ssp_runtime on public.recovery_tests': 'INSERT, SELECT',
      'ssp_platform on public.recovery_tests': 'INSERT, SELECT',
      'ssp_runtime on public.shared_read_receipts': 'INSERT, SELECT',
      'ssp_platform on public.shared_read_receipts': 'INSERT, SELECT',
    });
  });

  it('the matrix check notices a new grant (rolled back)', async () => {
    await inRolledBackTransaction(async (query) => {
      await query('grant delete on memberships to ssp_runtime');
      expect((await tableGrants(query))['ssp_runtime on public.memberships']).toBe('DELETE, INSERT, SELECT, UPDATE');
    });
  });

  it('neither role nor PUBLIC holds TRUNCATE, REFERENCES or TRIGGER anywhere (TRUNCATE ignores row-level security)', async () => {
    const rows = await owner<{ grant: string }>(
      `select coalesce(r.rolname, 'PUBLIC') || ' ' || a.privilege_type || ' on ' || c.oid::regclass::text as grant
         from pg_class c
         cross join lateral aclexplode(c.relacl) a
         left join pg_roles r on r.oid = a.grantee
        where (a.grantee = 0 or r.rolname = any ($1::text[]))
          and a.privilege_type in ('TRUNCATE', 'REFERENCES', 'TRIGGER')
        order by 1`,
      [APPLICATION_ROLES],
    );
    expect(rows.map((row) => row.grant)).toEqual([]);
  });

  it('no column-level grants to either role or PUBLIC (they would widen the table matrix)', async () => {
    const rows = await owner<{ grant: string }>(
      `select coalesce(r.rolname, 'PUBLIC') || ' ' || g.privilege_type || ' on ' || c.oid::regclass::text || '.' || at.attname as grant
         from pg_attribute at
         join pg_class c on c.oid = at.attrelid
         cross join lateral aclexplode(at.attacl) g
         left join pg_roles r on r.oid = g.grantee
        where at.attacl is not null and (g.grantee = 0 or r.rolname = any ($1::text[]))
          and c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
        order by 1`,
      [APPLICATION_ROLES],
    );
    expect(rows.map((row) => row.grant)).toEqual([]);
  });

  it('schema privileges: USAGE on app and public only, CREATE nowhere, nothing on drizzle', async () => {
    const rows = await owner<{ role: string; schema: string; usage: boolean; create: boolean }>(
      `select r.rolname as role, n.nspname as schema,
              has_schema_privilege(r.oid, n.oid, 'USAGE') as usage, has_schema_privilege(r.oid, n.oid, 'CREATE') as create
         from pg_roles r cross join pg_namespace n
        where r.rolname = any ($1::text[]) and n.nspname in ('public', 'app', $2)
        order by 1, 2`,
      [APPLICATION_ROLES, DRIZZLE_SCHEMA],
    );
    expect(rows).toEqual([
      { role: 'ssp_platform', schema: 'app', usage: true, create: false },
      { role: 'ssp_platform', schema: 'drizzle', usage: false, create: false },
      { role: 'ssp_platform', schema: 'public', usage: true, create: false },
      { role: 'ssp_runtime', schema: 'app', usage: true, create: false },
      { role: 'ssp_runtime', schema: 'drizzle', usage: false, create: false },
      { role: 'ssp_runtime', schema: 'public', usage: true, create: false },
    ]);
  });

  it('both roles may execute the tenant and partnership context functions, and nothing else in app (bar trigger functions)', async () => {
    // Trigger functions cannot be called directly, so the EXECUTE that PUBLIC holds on them by
    // default gives nothing.
    const rows = await owner<{ role: string; fn: string }>(
      `select r.rolname as role, p.oid::regprocedure::text as fn
         from pg_proc p cross join pg_roles r
        where p.pronamespace = 'app'::regnamespace and r.rolname = any ($1::text[])
          and p.prorettype <> 'trigger'::regtype
          and has_function_privilege(r.oid, p.oid, 'EXECUTE')
        order by 1, 2`,
      [APPLICATION_ROLES],
    );
    expect(rows).toEqual([
      { role: 'ssp_platform', fn: 'app.admit_new_tenants(uuid[])' },
      { role: 'ssp_platform', fn: 'app.begin_read_ahead(uuid,text,text,text,boolean)' },
      { role: 'ssp_platform', fn: 'app.begin_request(uuid,text,text,text,boolean)' },
      { role: 'ssp_platform', fn: 'app.current_partnership_ids()' },
      { role: 'ssp_platform', fn: 'app.current_tenant_ids()' },
      { role: 'ssp_platform', fn: 'app.in_tenant_context(uuid)' },
      { role: 'ssp_platform', fn: 'app.set_partnership_context()' },
      { role: 'ssp_platform', fn: 'app.set_tenant_context(uuid[])' },
      { role: 'ssp_runtime', fn: 'app.admit_new_tenants(uuid[])' },
      { role: 'ssp_runtime', fn: 'app.begin_read_ahead(uuid,text,text,text,boolean)' },
      { role: 'ssp_runtime', fn: 'app.begin_request(uuid,text,text,text,boolean)' },
      { role: 'ssp_runtime', fn: 'app.current_partnership_ids()' },
      { role: 'ssp_runtime', fn: 'app.current_tenant_ids()' },
      { role: 'ssp_runtime', fn: 'app.in_tenant_context(uuid)' },
      { role: 'ssp_runtime', fn: 'app.set_partnership_context()' },
      { role: 'ssp_runtime', fn: 'app.set_tenant_context(uuid[])' },
    ]);
  });

  it('no default privileges (ALTER DEFAULT PRIVILEGES would grant on every future table unseen)', async () => {
    const rows = await owner('select defaclrole::regrole::text as role, defaclobjtype as kind from pg_default_acl');
    expect(rows).toEqual([]);
  });
});

describe('append-only tables refuse change', () => {
  for (const table of APPEND_ONLY_TABLES) {
    it(`${table}: neither role holds UPDATE, DELETE or TRUNCATE on it`, async () => {
      const rows = await owner<{ role: string; privilege: string }>(
        `select r.rolname as role, p.privilege
           from pg_roles r cross join unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) p(privilege)
          where r.rolname = any ($2::text[]) and has_table_privilege(r.oid, $1::regclass, p.privilege)`,
        [`public.${table}`, APPLICATION_ROLES],
      );
      expect(rows).toEqual([]);
    });

    it(`${table}: an enabled row trigger refuses UPDATE and DELETE, and a statement trigger refuses TRUNCATE`, async () => {
      // pg_trigger.tgtype bits: 1 row, 2 before, 8 delete, 16 update, 32 truncate.
      const rows = await owner<{ row_update_delete: boolean; statement_truncate: boolean }>(
        `select coalesce(bool_or(t.tgtype & 1 = 1 and t.tgtype & 2 = 2 and t.tgtype & 8 = 8 and t.tgtype & 16 = 16), false)
                  as row_update_delete,
                coalesce(bool_or(t.tgtype & 1 = 0 and t.tgtype & 2 = 2 and t.tgtype & 32 = 32), false) as statement_truncate
           from pg_trigger t
          where t.tgrelid = $1::regclass and not t.tgisinternal and t.tgenabled in ('O', 'A')`,
        [`public.${table}`],
      );
      expect(rows).toEqual([{ row_update_delete: true, statement_truncate: true }]);
    });

    it(`${table}: TRUNCATE is refused even for the owner, a superuser (rolled back)`, async () => {
      await inRolledBackTransaction(async (query) => {
        // CASCADE: a table other tables refer to (pay_periods) would otherwise be refused for that.
        await expect(query(`truncate ${table} cascade`)).rejects.toMatchObject({ code: '42501' });
      });
    });
  }
});

describe('every statement the product can send runs on Citus as on PostgreSQL (read from the source)', () => {
  // Source inspection rather than statements captured during a run: every statement is checked,
  // whether a test reaches it or not, and each file of the suite runs apart from the others (this
  // one could not see their statements). The functions in the database are read from the catalog.
  const sources = productSources();
  /** Tables with an enum array, which drizzle returns through a cast (`"roles"::text[]`). */
  const enumArrayTables = Object.entries(tables)
    .filter(([, table]) => is(table, PgTable) && Object.values(getColumns(table)).some((column) => isEnumArray(column)))
    .map(([name]) => name);
  const snippet = (text: string): SourceFile[] => [{ path: 'rogue.ts', text }];

  it('reads the sources it should (and knows which tables have an enum array)', () => {
    expect(sources.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'packages/core/src/db/insert-rows.ts',
        'packages/billing/src/opportunities/decide-savings-opportunity.ts',
        'seeds/src/shared-support/generate-large-partnership.ts',
        'packages/gateway/bench/large-partnership.ts',
      ]),
    );
    expect(enumArrayTables).toEqual(expect.arrayContaining(['memberships', 'apiClients']));
  });

  it('no INSERT ... SELECT (Citus runs it as a COPY, which row-level security refuses)', () => {
    expect(insertSelects(sources)).toEqual([]);
  });

  it('the INSERT ... SELECT check notices one, in SQL and in the query builder', () => {
    const found = insertSelects(
      snippet(
        [
          'await tx.execute(sql`insert into shared_members (tenant_id, member_name)\n select ${id}, name from organisations`);',
          'await tx.insert(tables.delegations).select(tx.select().from(tables.delegations));',
          '// insert into memberships (tenant_id) select 1 is only a comment',
        ].join('\n'),
      ),
    );
    expect(found).toEqual([
      'rogue.ts:1: insert into shared_members (tenant_id, member_name) select',
      'rogue.ts:3: .insert(tables.delegations).select(',
    ]);
  });

  it('every FOR UPDATE and FOR SHARE names tenant_id and reads one table (on Citus a locking read goes to one shard)', () => {
    expect(locksWithoutTenant(sources)).toEqual([]);
  });

  it('the lock check notices one without tenant_id, in SQL and in the query builder', () => {
    const found = locksWithoutTenant(
      snippet(
        [
          'await tx.execute(sql`select * from savings_opportunities where id = ${id} for update`);',
          'await tx.execute(sql`select * from savings_opportunities where tenant_id = ${t} and id = ${id} for update`);',
          "await tx.select().from(tables.savingsOpportunities).where(eq(tables.savingsOpportunities.id, id)).for('update');",
          "await tx.select().from(tables.payrolls).where(eq(tables.payrolls.tenantId, t)).for('update');",
          'await tx.execute(sql`select p.id from support_people p where p.tenant_id = ${m} and p.id = ${id}',
          '  and exists (select 1 from shared_people s where s.tenant_id = ${t}) for update of p`);',
        ].join('\n'),
      ),
    );
    expect(found).toEqual([
      'rogue.ts:1: for update without tenant_id',
      'rogue.ts:5: for update reading more than one table',
      "rogue.ts:3: .for('update') without tenantId",
    ]);
  });

  it('no cast in a RETURNING clause (Citus allows only immutable functions there)', () => {
    expect(castsInReturning(sources, enumArrayTables)).toEqual([]);
  });

  it('the RETURNING check notices a cast, and a bare .returning() on a table with an enum array', () => {
    const found = castsInReturning(
      snippet(
        [
          'await tx.execute(sql`update memberships set status = ${s} where tenant_id = ${t} returning roles::text[]`);',
          'await tx.update(tables.memberships).set({ roles }).where(eq(tables.memberships.tenantId, t)).returning();',
          'await tx.update(tables.payrolls).set({ name }).where(eq(tables.payrolls.tenantId, t)).returning();',
        ].join('\n'),
      ),
      enumArrayTables,
    );
    expect(found).toEqual([
      'rogue.ts:1: a cast in RETURNING roles::text[]',
      'rogue.ts:2: .returning() on memberships, whose enum array drizzle returns through a cast',
    ]);
  });

  it("the database's own functions hold no INSERT ... SELECT and no lock without tenant_id", async () => {
    const functions = await owner<{ name: string; source: string }>(
      `select p.oid::regprocedure::text as name, p.prosrc as source from pg_proc p
        where p.pronamespace in ('app'::regnamespace, 'public'::regnamespace)
          and not exists (select 1 from pg_depend d
                           where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`,
    );
    expect(functions.length).toBeGreaterThan(0);
    // A function body is SQL already: read it as one literal.
    const asSources = functions.map((fn) => ({ path: fn.name, text: `\`${fn.source.replaceAll('`', '')}\`` }));
    expect([...insertSelects(asSources), ...locksWithoutTenant(asSources)]).toEqual([]);
  });
});

describe.runIf(onCitus)('on Citus: what each table became', () => {
  it('platform-wide tables are reference tables; every tenant table is distributed by tenant_id, all in one colocation group', async () => {
    const rows = await owner<{ table: string; placement: string; colocation: number }>(
      `select c.relname as table,
              case when d.partmethod = 'n' and d.repmodel = 't' then 'reference'
                   when d.partmethod = 'h' then 'distributed by ' || column_to_column_name(d.logicalrelid, d.partkey)
                   else coalesce(d.partmethod::text, 'local') end as placement,
              d.colocationid as colocation
         from pg_class c left join pg_dist_partition d on d.logicalrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        order by 1`,
    );
    const tenant = await tenantTables(owner);
    for (const row of rows) {
      expect(`${row.table}: ${row.placement}`).toBe(
        `${row.table}: ${tenant.includes(row.table) ? 'distributed by tenant_id' : 'reference'}`,
      );
    }
    expect(new Set(rows.filter((row) => tenant.includes(row.table)).map((row) => row.colocation)).size).toBe(1);
  });
});
