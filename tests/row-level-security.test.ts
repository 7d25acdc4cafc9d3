import { type EmbeddedDatabase, type PlatformTransaction, ServerDatabase, urlForRole } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { seedOrganisationId } from '@ssp/seeds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';
import { onCitus } from './support/test-database-settings.ts';

// Row-level security on its own stops cross-tenant reads and writes: these tests go around the
// application and run SQL straight against the database as the runtime role (on a server, by
// logging in as ssp_runtime; on PGlite, whose one login is the owner, with SET LOCAL ROLE). The
// tests that need a connection pool run only on a PostgreSQL server.

const LANCASHIRE = seedOrganisationId('lancashire-county-council');
const LIVERPOOL = seedOrganisationId('liverpool-city-council');
const SOUTH_RIBBLE = seedOrganisationId('south-ribble-borough-council');
/** A uuid that is no organisation's. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Memberships seeded per organisation, across this many organisations (Lancashire and Liverpool among them). */
const MEMBERS_PER_ORGANISATION = 50;
const ORGANISATIONS_WITH_MEMBERS = 60;

type Row = Record<string, unknown>;
interface Result {
  rows: Row[];
  rowCount: number;
}
type Sql = (text: string, values?: unknown[]) => Promise<Result>;
type Role = 'ssp_runtime' | 'ssp_platform';

/**
 * The one thing the SQL-level tests need from either engine: run `work` in one transaction as a
 * role, committed when it resolves and rolled back when it throws. On a server each role has one
 * connection of its own, reused by every transaction (as a pooled connection would be).
 */
interface Engine {
  transaction<T>(role: Role, work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function serverEngine(serverUrl: string): Engine {
  const clients = new Map<Role, Promise<pg.Client>>();
  const clientFor = (role: Role): Promise<pg.Client> => {
    let client = clients.get(role);
    if (!client) {
      client = (async () => {
        const connection = new pg.Client({ connectionString: urlForRole(serverUrl, role) });
        await connection.connect();
        return connection;
      })();
      clients.set(role, client);
    }
    return client;
  };
  return {
    async transaction(role, work) {
      const client = await clientFor(role);
      await client.query('begin');
      try {
        const result = await work(async (text, values) => {
          const answer = await client.query(text, values);
          return { rows: answer.rows, rowCount: answer.rowCount ?? 0 };
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    async close() {
      for (const client of clients.values()) await (await client).end();
    },
  };
}

function embeddedEngine(database: EmbeddedDatabase): Engine {
  return {
    transaction: (role, work) =>
      database.client.transaction(async (tx) => {
        await tx.query(`set local role ${role}`);
        return work(async (text, values) => {
          const answer = await tx.query<Row>(text, values);
          return { rows: answer.rows, rowCount: answer.affectedRows ?? 0 };
        });
      }),
    close: async () => undefined,
  };
}

let db: TestDatabase;
let engine: Engine;
const asRuntime = <T>(work: (sql: Sql) => Promise<T>) => engine.transaction('ssp_runtime', work);
/** As the runtime role, with the given tenants visible. */
const asTenants = <T>(tenantIds: string[], work: (sql: Sql) => Promise<T>) =>
  asRuntime(async (sql) => {
    await sql('select app.set_tenant_context($1::uuid[])', [tenantIds]);
    return work(sql);
  });

/** Tables in public with a tenant_id column that the runtime role may read. */
let tenantTables: string[];

beforeAll(async () => {
  db = await openTestDatabase();
  engine = db.serverUrl ? serverEngine(db.serverUrl) : embeddedEngine(db.database as EmbeddedDatabase);
  // Rows in every tenant table, for Lancashire, Liverpool and others, written through the platform
  // role (the way partnership-wide work writes). Enough memberships that the planner's choice
  // between an index and a sequential scan means something.
  // The memberships go in as VALUES: an INSERT ... SELECT under row-level security is what Citus
  // runs as a COPY, which PostgreSQL refuses there (the conventions test keeps the product free of it).
  await engine.transaction('ssp_platform', async (sql) => {
    const { rows: organisations } = await sql(
      'select id from organisations order by id = any ($1::uuid[]) desc, slug limit $2',
      [[LANCASHIRE, LIVERPOOL], ORGANISATIONS_WITH_MEMBERS],
    );
    const members = organisations.flatMap((organisation) =>
      Array.from({ length: MEMBERS_PER_ORGANISATION }, (_, index) => [organisation.id as string, index + 1]),
    );
    await sql(
      `insert into memberships (tenant_id, issuer, subject, display_name, status)
       values ${members.map((_, i) => `($${2 * i + 1}::uuid, 'https://rls.test', 'member-' || $${2 * i + 2}::int, 'Member ' || $${2 * i + 2}::int, 'active')`).join(', ')}`,
      members.flat(),
    );
    await sql(
      `insert into api_clients (tenant_id, client_id, name, secret_hash)
       values ($1, 'lancashire-hr', 'Lancashire HR', 'x'), ($2, 'liverpool-hr', 'Liverpool HR', 'x')`,
      [LANCASHIRE, LIVERPOOL],
    );
    await sql(
      `insert into delegations (tenant_id, delegated_organisation_id, reason, granted_by)
       values ($1, $3, 'payroll for South Ribble', 'test'), ($2, $3, 'payroll for South Ribble', 'test')`,
      [LANCASHIRE, LIVERPOOL, SOUTH_RIBBLE],
    );
  });
  await db.asOwner('analyze organisations, memberships, api_clients, delegations');
  const tables = await db.asOwner<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        and has_table_privilege('ssp_runtime', c.oid, 'SELECT')
      order by 1`,
  );
  tenantTables = tables.map((table) => table.name);
});
afterAll(async () => {
  await engine?.close();
  await db?.close();
});

const ids = (result: Result, column = 'id') => result.rows.map((row) => row[column]);

describe('with one tenant in context, row-level security alone hides every other tenant', () => {
  it('organisations shows only that one row, and another organisation by id shows nothing', async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      expect(ids(await sql('select id from organisations'))).toEqual([LANCASHIRE]);
      expect(ids(await sql('select id from organisations where id = $1', [LIVERPOOL]))).toEqual([]);
      // Not even its children: the hierarchy gives nothing without a delegation in the context.
      expect(ids(await sql('select id from organisations where parent_id = $1', [LANCASHIRE]))).toEqual([]);
    });
  });

  it('two tenants in context (a delegation) show exactly those two', async () => {
    await asTenants([LANCASHIRE, SOUTH_RIBBLE], async (sql) => {
      const rows = await sql('select id from organisations order by id');
      expect(ids(rows)).toEqual([LANCASHIRE, SOUTH_RIBBLE].sort());
    });
  });

  it("every tenant table shows that tenant's rows and none of another's", async () => {
    const owned = await db.asOwner<{ table: string; count: string }>(
      `select 'memberships' as table, count(*)::text as count from memberships where tenant_id = $1
       union all select 'api_clients', count(*)::text from api_clients where tenant_id = $1
       union all select 'delegations', count(*)::text from delegations where tenant_id = $1`,
      [LANCASHIRE],
    );
    expect(owned).toEqual([
      { table: 'memberships', count: String(MEMBERS_PER_ORGANISATION) },
      { table: 'api_clients', count: '1' },
      { table: 'delegations', count: '1' },
    ]);
    // Which tables hold Lancashire rows at all (the owner, a superuser here, sees everything).
    const holdsLancashire = new Set<string>();
    for (const table of tenantTables) {
      const found = await db.asOwner(`select 1 from "${table}" where tenant_id = $1 limit 1`, [LANCASHIRE]);
      if (found.length > 0) holdsLancashire.add(table);
    }
    await asTenants([LANCASHIRE], async (sql) => {
      for (const table of tenantTables) {
        const rows = await sql(`select distinct tenant_id from "${table}"`);
        expect(ids(rows, 'tenant_id'), `${table} shows another tenant's rows`).toEqual(
          holdsLancashire.has(table) ? [LANCASHIRE] : [],
        );
      }
      const members = await sql('select count(*)::int as count from memberships');
      expect(members.rows[0]?.count).toBe(MEMBERS_PER_ORGANISATION);
      const theirs = await sql('select id from memberships where tenant_id = $1', [LIVERPOOL]);
      expect(theirs.rows).toEqual([]);
    });
  });

  it("an update of another tenant's membership changes nothing, while its own member updates", async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      const theirs = await sql(`update memberships set display_name = 'hijacked' where tenant_id = $1`, [LIVERPOOL]);
      expect(theirs.rowCount).toBe(0);
      const ours = await sql(
        `update memberships set display_name = 'Renamed' where tenant_id = $1 and subject = 'member-1'`,
        [LANCASHIRE],
      );
      expect(ours.rowCount).toBe(1);
    });
    const hijacked = await db.asOwner(`select id from memberships where display_name = 'hijacked'`);
    expect(hijacked).toEqual([]);
  });

  it('an update of another organisation is refused outright: the runtime role has no UPDATE on the registry', async () => {
    // Stronger than "0 rows": the runtime role may only read organisations (through its policy).
    await expect(
      asTenants([LANCASHIRE], (sql) => sql(`update organisations set name = 'hijacked' where id = $1`, [LIVERPOOL])),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
    await expect(
      asTenants([LANCASHIRE], (sql) => sql(`update organisations set name = 'renamed' where id = $1`, [LANCASHIRE])),
    ).rejects.toMatchObject({ code: '42501' });
    const names = await db.asOwner(`select id from organisations where name in ('hijacked', 'renamed')`);
    expect(names).toEqual([]);
  });

  it('inserting a membership for another tenant is a row-level security violation; for its own, it works', async () => {
    await expect(
      asTenants([LANCASHIRE], (sql) =>
        sql(
          `insert into memberships (tenant_id, issuer, subject, display_name) values ($1, 'https://rls.test', 'intruder', 'Intruder')`,
          [LIVERPOOL],
        ),
      ),
    ).rejects.toMatchObject({
      code: '42501',
      // On Citus the shard's policy refuses it, and the message names the shard (memberships_102008).
      message: onCitus
        ? expect.stringMatching(/new row violates row-level security policy for table "memberships_\d+"/)
        : expect.stringContaining('new row violates row-level security policy for table "memberships"'),
    });
    await asTenants([LANCASHIRE], async (sql) => {
      const inserted = await sql(
        `insert into memberships (tenant_id, issuer, subject, display_name) values ($1, 'https://rls.test', 'newcomer', 'Newcomer')`,
        [LANCASHIRE],
      );
      expect(inserted.rowCount).toBe(1);
    });
    const intruder = await db.asOwner(`select id from memberships where subject = 'intruder'`);
    expect(intruder).toEqual([]);
  });

  it("moving its own membership into another tenant is a row-level security violation (the policy's WITH CHECK)", async () => {
    await expect(
      asTenants([LANCASHIRE], (sql) =>
        sql(`update memberships set tenant_id = $2 where tenant_id = $1 and subject = 'member-2'`, [
          LANCASHIRE,
          LIVERPOOL,
        ]),
      ),
    ).rejects.toMatchObject(
      // Citus refuses before any policy is asked: a row never changes its distribution column.
      onCitus
        ? { code: '0A000', message: expect.stringContaining('modifying the partition value of rows is not allowed') }
        : { code: '42501', message: expect.stringContaining('row-level security') },
    );
  });

  it('the runtime role can neither delete memberships nor grant itself a delegation over an organisation outside its context', async () => {
    await expect(
      asTenants([LANCASHIRE], (sql) => sql('delete from memberships where tenant_id = $1', [LANCASHIRE])),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
    await expect(
      asTenants([LANCASHIRE], (sql) =>
        sql(
          `insert into delegations (tenant_id, delegated_organisation_id, reason, granted_by) values ($1, $2, 'widen my view', 'me')`,
          [LANCASHIRE, LIVERPOOL],
        ),
      ),
      // Onboarding may record a delegation over the organisation it has just put in its context;
      // the permissive policy's own check refuses one over anything outside it (no restrictive
      // policy: Citus would make it permissive), so nothing widens the view.
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
  });

  it("a tenant id that is no organisation's shows nothing anywhere", async () => {
    await asTenants([NOBODY], async (sql) => {
      for (const table of ['organisations', ...tenantTables]) {
        const rows = await sql(`select count(*)::int as count from "${table}"`);
        expect(rows.rows[0]?.count, table).toBe(0);
      }
    });
  });
});

describe('with no tenant context the runtime role sees nothing (fail closed)', () => {
  it('every tenant table and organisations read as empty, though they hold rows', async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['api_clients', 'delegations', 'memberships']));
    // The tables this file seeds must hold rows, or their emptiness would prove nothing; any other
    // tenant table is checked too (empty as the runtime role sees it), whatever it holds.
    for (const table of ['organisations', 'api_clients', 'delegations', 'memberships']) {
      const held = await db.asOwner<{ count: number }>(`select count(*)::int as count from "${table}"`);
      expect(held[0]?.count, `${table} holds no rows, so its emptiness would prove nothing`).toBeGreaterThan(0);
    }
    await asRuntime(async (sql) => {
      expect((await sql('select app.current_tenant_ids() as ids')).rows).toEqual([{ ids: [] }]);
      for (const table of ['organisations', ...tenantTables]) {
        const rows = await sql(`select count(*)::int as count from "${table}"`);
        expect(rows.rows[0]?.count, `${table} is readable without a tenant context`).toBe(0);
      }
    });
  });

  it('nor can it write: an insert without a context is a row-level security violation', async () => {
    await expect(
      asRuntime((sql) =>
        sql(
          `insert into memberships (tenant_id, issuer, subject, display_name) values ($1, 'https://rls.test', 'nobody', 'Nobody')`,
          [LANCASHIRE],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
  });

  it('the setter refuses an empty array, a null array, a null element and more than 100,000 tenants', async () => {
    const refusals: [string, unknown[]][] = [
      ['select app.set_tenant_context($1::uuid[])', [[]]],
      ['select app.set_tenant_context($1::uuid[])', [null]],
      ['select app.set_tenant_context($1::uuid[])', [[LANCASHIRE, null]]],
      ['select app.set_tenant_context(array(select gen_random_uuid() from generate_series(1, 100001)))', []],
    ];
    for (const [text, values] of refusals) {
      await expect(
        asRuntime((sql) => sql(text, values)),
        `${text} ${JSON.stringify(values)}`,
      ).rejects.toMatchObject({
        code: '22023',
      });
    }
  });

  it('app.in_tenant_context (the write check) answers exactly as the array does, for ids in and out of context', async () => {
    // Ids sharing a bucket (first hex digit) with ids in context, ids in other buckets, and
    // ids differing only in their last digit: the constant-time lookup must never be looser.
    const inContext = [
      '0a000000-0000-4000-8000-000000000001',
      '0a000000-0000-4000-8000-000000000002',
      'ff000000-0000-4000-8000-00000000000a',
      LANCASHIRE,
    ];
    const probes = [
      ...inContext,
      '0a000000-0000-4000-8000-000000000003',
      '0b000000-0000-4000-8000-000000000001',
      'ff000000-0000-4000-8000-00000000000b',
      LIVERPOOL,
      NOBODY,
    ];
    await asTenants(inContext, async (sql) => {
      const answers = await sql(
        `select p.id::text as id, app.in_tenant_context(p.id) as writable, p.id = any (app.current_tenant_ids()) as visible
           from unnest($1::uuid[]) as p(id)`,
        [probes],
      );
      for (const row of answers.rows) expect(row.writable, String(row.id)).toBe(row.visible);
      expect(answers.rows.filter((row) => row.writable).map((row) => row.id)).toEqual(inContext);
      expect((await sql('select app.in_tenant_context(null) as writable')).rows).toEqual([{ writable: false }]);
    });
    await asRuntime(async (sql) => {
      const answers = await sql('select bool_or(app.in_tenant_context(p)) as any from unnest($1::uuid[]) p', [probes]);
      expect(answers.rows, 'nothing is writable without a context').toEqual([{ any: false }]);
    });
  });

  it('a second setter call replaces the context for writes too: ids it dropped can no longer be written', async () => {
    await expect(
      asTenants([LANCASHIRE, LIVERPOOL], async (sql) => {
        await sql('select app.set_tenant_context($1::uuid[])', [[LIVERPOOL]]);
        expect((await sql('select app.in_tenant_context($1) as writable', [LANCASHIRE])).rows).toEqual([
          { writable: false },
        ]);
        expect((await sql('select app.in_tenant_context($1) as writable', [LIVERPOOL])).rows).toEqual([
          { writable: true },
        ]);
        await sql(
          `insert into memberships (tenant_id, issuer, subject, display_name) values ($1, 'https://rls.test', 'dropped', 'Dropped')`,
          [LANCASHIRE],
        );
      }),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
  });

  it('nothing written in one transaction stays writable in the next on the same connection', async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      expect((await sql('select app.in_tenant_context($1) as writable', [LANCASHIRE])).rows).toEqual([
        { writable: true },
      ]);
    });
    await expect(
      asRuntime(async (sql) => {
        expect((await sql('select app.in_tenant_context($1) as writable', [LANCASHIRE])).rows).toEqual([
          { writable: false },
        ]);
        await sql(
          `insert into memberships (tenant_id, issuer, subject, display_name) values ($1, 'https://rls.test', 'leftover', 'Leftover')`,
          [LANCASHIRE],
        );
      }),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
  });

  it('the setting never survives into the next transaction on the same connection', async () => {
    const first = await asTenants([LANCASHIRE], async (sql) => {
      expect(ids(await sql('select id from organisations'))).toEqual([LANCASHIRE]);
      return (await sql('select pg_backend_pid() as pid')).rows[0]?.pid;
    });
    await asRuntime(async (sql) => {
      expect((await sql('select pg_backend_pid() as pid')).rows[0]?.pid).toBe(first);
      const setting = await sql(`select current_setting('app.tenant_ids', true) as value`);
      expect(setting.rows).toEqual([{ value: '' }]);
      expect((await sql('select count(*)::int as count from organisations')).rows[0]?.count).toBe(0);
      expect((await sql('select count(*)::int as count from memberships')).rows[0]?.count).toBe(0);
    });
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
  /** On Citus: the distributed query, with the plan each shard runs for its task. */
  'Distributed Query'?: { Job: { 'Task Count': number; Tasks: { 'Remote Plan': { Plan: PlanNode }[][] }[] } };
}
/**
 * Every node of a plan. On Citus the coordinator's plan is one Custom Scan whose tasks each carry
 * the plan a shard runs (where the shard's policy applies), so those are read as its children.
 */
const planNodes = (node: PlanNode): PlanNode[] => [
  node,
  ...(node.Plans ?? []).flatMap(planNodes),
  ...(node['Distributed Query']?.Job.Tasks ?? []).flatMap((task) =>
    task['Remote Plan'].flat().flatMap((remote) => planNodes(remote.Plan)),
  ),
];
/** On Citus, how many shards a statement goes to (its tasks). */
const taskCount = (nodes: PlanNode[]): number | undefined =>
  nodes.find((node) => node['Distributed Query'])?.['Distributed Query']?.Job['Task Count'];
/** An index of the table, as PostgreSQL names it or as Citus names it on a shard (`_102008`). */
const indexOf = (table: string, index: string) => new RegExp(`^${table}_${index}(_\\d+)?$`);
/** The policy's tenant condition as EXPLAIN prints it: the function, or its body once inlined. */
const TENANT_CONDITION = /current_tenant_ids\(\)|current_setting\('app\.tenant_ids'/;

async function explain(sql: Sql, text: string, values: unknown[] = []): Promise<PlanNode[]> {
  const result = await sql(`explain (format json) ${text}`, values);
  const plan = result.rows[0]?.['QUERY PLAN'] as { Plan: PlanNode }[];
  return planNodes(plan[0]!.Plan);
}

describe('the tenant condition of a policy is an index condition, not a per-row filter', () => {
  // The seeded memberships (3000 rows over 60 tenants) and the registry (600 organisations) are
  // analysed, so the planner prefers the composite (tenant_id, ...) indexes on its own: no
  // enable_seqscan games.
  it('memberships: Index Cond on tenant_id, with or without a further condition', async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      for (const query of [
        'select * from memberships',
        `select * from memberships where issuer = 'https://rls.test' and subject = 'member-7'`,
        'select * from memberships order by created_at, id limit 20',
      ]) {
        const nodes = await explain(sql, query);
        const indexed = nodes.filter(
          (node) => node['Index Cond']?.includes('tenant_id') && TENANT_CONDITION.test(node['Index Cond']),
        );
        expect(indexed.length, `${query}: ${JSON.stringify(nodes)}`).toBeGreaterThan(0);
        expect(indexed[0]?.['Index Name']).toMatch(/^memberships_/);
        const filtered = nodes.filter((node) => node.Filter && TENANT_CONDITION.test(node.Filter));
        expect(filtered, `${query} filters each row on the tenant`).toEqual([]);
        expect(nodes.map((node) => node['Node Type'])).not.toContain('Seq Scan');
      }
    });
  });

  it.runIf(onCitus)('on Citus: a statement naming its tenant_id is a router plan, one task on one shard', async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      const nodes = await explain(
        sql,
        'select * from memberships where tenant_id = $1 order by created_at, id limit 20',
        [LANCASHIRE],
      );
      expect(taskCount(nodes), JSON.stringify(nodes)).toBe(1);
      const scan = nodes.find((node) => node['Relation Name']?.startsWith('memberships_'));
      expect(scan?.['Index Cond']).toMatch(TENANT_CONDITION);
      // Row-level security alone does not say which shard: the same read without it goes to all.
      expect(
        taskCount(await explain(sql, 'select * from memberships order by created_at, id limit 20')),
      ).toBeGreaterThan(1);
    });
  });

  it('organisations by id: Index Cond on the primary key holds both the id and the tenant condition', async () => {
    await asTenants([LANCASHIRE], async (sql) => {
      for (const [query, values] of [
        ['select * from organisations where id = $1', [LIVERPOOL]],
        ['select * from organisations', []],
      ] as const) {
        const nodes = await explain(sql, query, [...values]);
        const scan = nodes.find((node) => indexOf('organisations', 'pkey').test(node['Index Name'] ?? ''));
        expect(scan, `${query}: ${JSON.stringify(nodes)}`).toBeDefined();
        expect(scan?.['Index Cond']).toMatch(TENANT_CONDITION);
        expect(nodes.filter((node) => node.Filter && TENANT_CONDITION.test(node.Filter))).toEqual([]);
      }
    });
  });
});

// PGlite has one connection and no pool: these run only against a PostgreSQL server.
describe.skipIf(!process.env.TEST_DATABASE_URL)('on a PostgreSQL server, with real logins and pools', () => {
  const serverUrl = () => db.serverUrl!;
  const runtimeClient = async () => {
    const client = new pg.Client({ connectionString: urlForRole(serverUrl(), 'ssp_runtime') });
    await client.connect();
    return client;
  };
  const one = async (client: pg.Client, text: string) => (await client.query(text)).rows[0];

  it('the setting is empty and nothing is visible after COMMIT, ROLLBACK or an aborted transaction on one connection', async () => {
    const client = await runtimeClient();
    try {
      expect(await one(client, `select current_setting('app.tenant_ids', true) as value`)).toEqual({ value: null });
      const endings = ['commit', 'rollback', 'error'] as const;
      for (const ending of endings) {
        await client.query('begin');
        await client.query('select app.set_tenant_context($1::uuid[])', [[LANCASHIRE]]);
        expect(await one(client, 'select count(*)::int as count from organisations')).toEqual({ count: 1 });
        if (ending === 'error') {
          await expect(client.query('select 1 / 0')).rejects.toMatchObject({ code: '22012' });
          await client.query('rollback');
        } else {
          await client.query(ending);
        }
        // Outside any transaction, on the same connection, as the next pooled request would be.
        expect(await one(client, `select current_setting('app.tenant_ids', true) as value`), ending).toEqual({
          value: '',
        });
        expect(await one(client, 'select count(*)::int as count from organisations'), ending).toEqual({ count: 0 });
        expect(await one(client, 'select count(*)::int as count from memberships'), ending).toEqual({ count: 0 });
      }
    } finally {
      await client.end();
    }
  });

  it('the runtime login cannot become the platform role or the owner', async () => {
    const client = await runtimeClient();
    try {
      for (const statement of ['set role ssp_platform', 'set role postgres', 'set session authorization postgres']) {
        await expect(client.query(statement), statement).rejects.toMatchObject({ code: '42501' });
      }
      expect(await one(client, 'select current_user as role')).toEqual({ role: 'ssp_runtime' });
    } finally {
      await client.end();
    }
  });

  const rows = async <T extends Row>(tx: PlatformTransaction, text: string) =>
    ((await tx.execute(text)) as unknown as { rows: T[] }).rows;

  it("the app's ServerDatabase: one pooled connection serves Lancashire then Liverpool, each seeing only itself", async () => {
    const poolErrors: Error[] = [];
    const database = new ServerDatabase({
      schema: platformSchema,
      databaseUrl: serverUrl(),
      poolSize: 1,
      statementTimeoutMs: 5_000,
      onPoolError: (error) => poolErrors.push(error),
    });
    try {
      const look = (tenant: string) =>
        database.inTenantTransaction([tenant], async (tx) => ({
          pid: (await rows<{ pid: number }>(tx, 'select pg_backend_pid() as pid'))[0]?.pid,
          organisations: (await rows<{ id: string }>(tx, 'select id from organisations')).map((row) => row.id),
          memberships: (await rows<{ tenant_id: string }>(tx, 'select distinct tenant_id from memberships')).map(
            (row) => row.tenant_id,
          ),
        }));
      const lancashire = await look(LANCASHIRE);
      const liverpool = await look(LIVERPOOL);
      expect(lancashire).toEqual({ pid: expect.any(Number), organisations: [LANCASHIRE], memberships: [LANCASHIRE] });
      expect(liverpool).toEqual({ pid: lancashire.pid, organisations: [LIVERPOOL], memberships: [LIVERPOOL] });

      // A raw query on that same pooled connection once the app's transaction is over. The pool
      // is private to ServerDatabase, so the work ends the transaction itself (COMMIT) and then
      // queries outside it; drizzle's own COMMIT afterwards only draws a "no transaction" warning.
      const after = await database.inTenantTransaction([LIVERPOOL], async (tx) => {
        await tx.execute('commit');
        return {
          pid: (await rows<{ pid: number }>(tx, 'select pg_backend_pid() as pid'))[0]?.pid,
          setting: (await rows<{ value: string }>(tx, `select current_setting('app.tenant_ids', true) as value`))[0]
            ?.value,
          organisations: (await rows<{ count: number }>(tx, 'select count(*)::int as count from organisations'))[0]
            ?.count,
        };
      });
      expect(after).toEqual({ pid: lancashire.pid, setting: '', organisations: 0 });
      expect(poolErrors).toEqual([]);
    } finally {
      await database.close();
    }
  });

  /** The runtime backends of this file's database, as the owner sees them. */
  const runtimeBackends = async () =>
    (
      await db.asOwner<{ pid: number }>(
        `select pid from pg_stat_activity where usename = 'ssp_runtime' and datname = current_database()`,
      )
    ).map((row) => row.pid);
  const terminate = async (pid: number) => {
    expect(await runtimeBackends()).toContain(pid);
    await db.asOwner('select pg_terminate_backend($1::int)', [pid]);
    await vi.waitFor(async () => expect(await runtimeBackends()).not.toContain(pid), { timeout: 5_000 });
  };
  const backendPid = (tx: PlatformTransaction) =>
    rows<{ pid: number }>(tx, 'select pg_backend_pid() as pid').then((result) => result[0]!.pid);

  it('a backend killed while idle in the pool fails at most one request, never the process', async () => {
    const poolErrors: Error[] = [];
    const database = new ServerDatabase({
      schema: platformSchema,
      databaseUrl: serverUrl(),
      poolSize: 1,
      statementTimeoutMs: 5_000,
      onPoolError: (error) => poolErrors.push(error),
    });
    try {
      const killed = await database.inTenantTransaction([LANCASHIRE], backendPid);
      await terminate(killed);
      // The idle client hears of it: the pool's error handler runs (without it, an unhandled
      // 'error' event would take the process down).
      await vi.waitFor(() => expect(poolErrors.length).toBeGreaterThan(0), { timeout: 5_000 });
      expect(poolErrors[0]?.message).toMatch(/terminat/i);

      // The next request either fails cleanly or already runs on a fresh connection...
      const next = await database.inTenantTransaction([LANCASHIRE], backendPid).then(
        (pid) => ({ pid }),
        (error: unknown) => ({ error }),
      );
      if ('error' in next) expect(next.error).toBeInstanceOf(Error);
      else expect(next.pid).not.toBe(killed);
      // ...and the one after that succeeds, isolated as ever, on a fresh connection.
      const after = await database.inTenantTransaction([LIVERPOOL], async (tx) => ({
        pid: await backendPid(tx),
        organisations: (await rows<{ id: string }>(tx, 'select id from organisations')).map((row) => row.id),
      }));
      expect(after.pid).not.toBe(killed);
      expect(after.organisations).toEqual([LIVERPOOL]);
    } finally {
      await database.close();
    }
  });

  it('a backend killed in the middle of a request fails that request only; the next one succeeds', async () => {
    const poolErrors: Error[] = [];
    const database = new ServerDatabase({
      schema: platformSchema,
      databaseUrl: serverUrl(),
      poolSize: 1,
      statementTimeoutMs: 5_000,
      onPoolError: (error) => poolErrors.push(error),
    });
    try {
      let killed = 0;
      const request = database.inTenantTransaction([LANCASHIRE], async (tx) => {
        killed = await backendPid(tx);
        await tx.execute('select pg_sleep(4)');
      });
      const outcome = request.then(
        () => 'finished',
        (error: unknown) => error,
      );
      await vi.waitFor(
        async () => {
          const active = await db.asOwner(
            `select pid from pg_stat_activity where pid = $1 and state = 'active' and query like '%pg_sleep%'`,
            [killed],
          );
          expect(active).toHaveLength(1);
        },
        { timeout: 3_000, interval: 20 },
      );
      await terminate(killed);
      const failure = await outcome;
      expect(failure).toBeInstanceOf(Error);

      const after = await database.inTenantTransaction([LANCASHIRE], async (tx) => ({
        pid: await backendPid(tx),
        organisations: (await rows<{ id: string }>(tx, 'select id from organisations')).map((row) => row.id),
      }));
      expect(after.pid).not.toBe(killed);
      expect(after.organisations).toEqual([LANCASHIRE]);
    } finally {
      await database.close();
    }
  });
});
