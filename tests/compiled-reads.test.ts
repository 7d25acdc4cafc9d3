import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HistoricRequest, insertHistoricRequests } from './services/support/request-fixtures.ts';
import { TENANT_TABLES, tenantTablesUnbound } from './support/tenant-bound-statements.ts';
import { type Operation, startTestApp, type TestApp } from './support/test-app.ts';
import { onCitus } from './support/test-database-settings.ts';

// The read path: a query's root list fields are answered by one SQL statement each (the
// selection compiler), whatever the number of rows, with every tenant table bound to the
// request's tenants and no lateral join (Citus refuses them); and the answer is the one the
// resolvers give.

let api: TestApp;
const LANCASHIRE = 'lancashire-county-council';
const WIDENED = 'edinburgh-partnership';
const WIDENED_TO = 'city-of-edinburgh-council';
const OFFERINGS = ['dbs-check', 'ict-user-support', 'password-reset', 'payroll-change'];

beforeAll(async () => {
  api = await startTestApp();
  const base = Date.now() - 40 * 24 * 3_600_000;
  const requests: HistoricRequest[] = Array.from({ length: 110 }, (_, index) => {
    const raisedAt = new Date(base + index * 3 * 3_600_000);
    const moves: HistoricRequest['moves'] =
      index % 2 === 0
        ? [
            { status: 'waiting_on_customer', at: new Date(raisedAt.getTime() + 600_000), reason: 'Query' },
            { status: 'resolved', at: new Date(raisedAt.getTime() + 1_200_000) },
          ]
        : [];
    return { slug: LANCASHIRE, offeringCode: OFFERINGS[index % OFFERINGS.length]!, raisedAt, moves };
  });
  await insertHistoricRequests(api, requests);
});
afterAll(() => api?.close());

const requestsPage = (first: number, cursor = ''): Operation => ({
  query: `query Requests($first: Int) { serviceRequests(first: $first) { ${cursor}
    nodes { id reference title status raisedBy raisedAt offering { code name } history { status reason changedBy changedAt } } } }`,
  variables: { first },
});

const organisationsTree = (first: number, children: number, cursor = ''): Operation => ({
  query: `query Tree($first: Int, $children: Int) { organisations(first: $first) { ${cursor}
    pageInfo { hasNextPage } nodes { id slug kind parent { slug }
      children(first: $children) { totalCount nodes { slug subscriptions(first: 5) { nodes { id startedAt offering { code } } } } } } } }`,
  variables: { first, children },
});

const organisationRequests = (first: number, cursor = ''): Operation => ({
  query: `query OwnRequests($first: Int) { organisations(first: 1) { ${cursor} nodes { slug
    subscriptions(first: 5) { nodes { offering { code name } } }
    serviceRequests(first: $first) { nodes { reference status organisation { slug } history { status changedAt } } } } } }`,
  variables: { first },
});

// secondsRemaining is left out: a running clock's changes between two requests.
const requestsWithClocks = (first: number, cursor = ''): Operation => ({
  query: `query Clocks($first: Int) { serviceRequests(first: $first) { ${cursor} nodes { reference status
    fulfilmentSla { state dueAt breached stoppedAt pausedSeconds pauses { from to reason } }
    responseSla { __typename state dueAt breached } } } }`,
  variables: { first },
});

/** The statements of the request's set-up (transaction, tenant context, actor check): not reads. */
async function setUpStatements(token: string): Promise<Set<string>> {
  const { statements } = await api.app.database.statements.record(() =>
    api.graphql({ query: '{ __typename }' }, token),
  );
  return new Set(statements);
}

/** Sends an operation, fails on errors, and returns its data with the read statements it sent. */
async function read<Data>(operation: Operation, token: string) {
  const setUp = await setUpStatements(token);
  const { result, statements } = await api.app.database.statements.record(() => api.graphql<Data>(operation, token));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Data, all: statements, reads: statements.filter((text) => !setUp.has(text)) };
}

type Nodes<T> = { nodes: T[] };

describe('a root list field is one statement, whatever the rows', () => {
  it('a page of requests with offering and history: 1 row and 100 rows cost the same one statement', async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    type Page = { serviceRequests: Nodes<{ offering: { code: string }; history: unknown[] }> };
    const one = await read<Page>(requestsPage(1), requester);
    const hundred = await read<Page>(requestsPage(100), requester);
    expect(one.data.serviceRequests.nodes).toHaveLength(1);
    expect(hundred.data.serviceRequests.nodes).toHaveLength(100);
    expect(hundred.data.serviceRequests.nodes.some((node) => node.history.length === 3)).toBe(true);
    expect(one.reads).toHaveLength(1);
    expect(hundred.reads).toHaveLength(1);
    expect(hundred.all).toHaveLength(one.all.length);
  });

  it('organisations with their parent, children and the children subscriptions: 1 and 100 the same', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    type Page = { organisations: Nodes<{ slug: string; children: { totalCount: number } & Nodes<unknown> }> };
    const one = await read<Page>(organisationsTree(1, 10), platformAdmin);
    const hundred = await read<Page>(organisationsTree(100, 10), platformAdmin);
    expect(hundred.data.organisations.nodes).toHaveLength(100);
    expect(one.reads).toHaveLength(1);
    expect(hundred.reads).toHaveLength(1);
    expect(hundred.all).toHaveLength(one.all.length);
  });

  it('a page of requests with both SLA clocks: 1 row and 100 rows cost the same one statement', async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    type Page = { serviceRequests: Nodes<{ fulfilmentSla: { state: string; pauses: unknown[] } }> };
    const one = await read<Page>(requestsWithClocks(1), requester);
    const hundred = await read<Page>(requestsWithClocks(100), requester);
    const states = new Set(hundred.data.serviceRequests.nodes.map((node) => node.fulfilmentSla.state));
    expect(states).toEqual(new Set(['RUNNING', 'STOPPED']));
    expect(hundred.data.serviceRequests.nodes.some((node) => node.fulfilmentSla.pauses.length === 1)).toBe(true);
    expect(one.reads).toHaveLength(1);
    expect(hundred.reads).toHaveLength(1);
    expect(hundred.all).toHaveLength(one.all.length);
  });

  it("an organisation's own requests and subscriptions: 1 and 100 requests the same", async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    type Page = { organisations: Nodes<{ serviceRequests: Nodes<unknown> }> };
    const one = await read<Page>(organisationRequests(1), requester);
    const hundred = await read<Page>(organisationRequests(100), requester);
    expect(hundred.data.organisations.nodes[0]!.serviceRequests.nodes).toHaveLength(100);
    expect(one.reads).toHaveLength(1);
    expect(hundred.reads).toHaveLength(1);
  });
});

describe('every read statement names tenant_id on every tenant table it reads, and joins nothing laterally', () => {
  it('for one tenant and for a tenant with delegations', async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    const operations = [requestsPage(20), organisationRequests(20), organisationsTree(5, 5), requestsWithClocks(20)];
    const check = async (token: string) => {
      for (const operation of operations) {
        const { reads } = await read(operation, token);
        expect(reads.length).toBeGreaterThan(0);
        for (const statement of reads) {
          expect(tenantTablesUnboundAs(statement)).toEqual([]);
          expect(statement).not.toMatch(/\blateral\b/i);
          // The check itself sees the tenant tables it should.
          expect([...statement.matchAll(/"(\w+)" as "\w+"/g)].some(([, table]) => TENANT_TABLES.has(table!))).toBe(
            true,
          );
        }
      }
    };
    await check(requester);

    // Widened by delegations (the Edinburgh partnership acts for the City of Edinburgh and its
    // schools by seeded ones, more than 100 tenants), the context is held by the database alone:
    // a page of the registry is read once, its lists for the whole page at once, each tenant
    // table bound by the ids of the organisations the page holds; both organisations' rows shown.
    const widenedToken = await api.tokenFor(WIDENED, ['requester']);
    await read(organisationsTree(100, 1), widenedToken);
    const widened = await read<{ organisations: Nodes<{ slug: string }> }>(organisationsTree(100, 1), widenedToken);
    expect(widened.data.organisations.nodes.map((node) => node.slug)).toEqual(
      expect.arrayContaining([WIDENED, WIDENED_TO]),
    );
    expect(widened.reads).toHaveLength(1);
    expect(widened.reads[0]).not.toMatch(/\blateral\b/i);
    expect(tenantTablesUnboundAs(widened.reads[0]!)).toEqual([]);
    const own = await read(requestsPage(5), await api.tokenFor('south-ribble-borough-council', ['requester']));
    expect(tenantTablesUnboundAs(own.reads[0]!)).toEqual([]);
    expect(own.reads[0]).toMatch(/"tenant_id" = \$\d+::uuid/);
  });

  it('the check would catch a statement that relies on row-level security alone', () => {
    expect(tenantTablesUnboundAs('select 1 from "service_requests" as "s1" where "s1"."id" = $1')).toEqual([
      'service_requests as s1',
    ]);
    expect(tenantTablesUnboundAs('select 1 from "service_requests" as "s1" where "s1"."tenant_id" = $1::uuid')).toEqual(
      [],
    );
  });
});

/**
 * The same operation with its root field under `@include(if: true)`: the same answer by GraphQL's
 * rules, but the compiler takes no directive, so graphql's execution and the resolvers answer it.
 */
function throughResolvers(operation: Operation): Operation {
  const query = operation.query.replace(/^([^{]*\{\s*\w+(?:\([^)]*\))?)/, '$1 @include(if: true)');
  expect(query).toContain('@include(if: true)');
  return { ...operation, query };
}

describe('the compiled answer is the answer the resolvers give', () => {
  // Cursors included: a compiled page's cursors are the plugin's own, so either path pages the other.
  it.each([
    [
      'a page of requests',
      requestsPage(50, 'pageInfo { hasPreviousPage startCursor endCursor }'),
      LANCASHIRE,
      'requester',
    ],
    [
      "a service agent's page of requests across the tenants delegated to it",
      requestsPage(100, 'edges { cursor } pageInfo { endCursor }'),
      'bt-lancashire-services',
      'service_agent',
    ],
    [
      'a page of requests with their SLA clocks',
      requestsWithClocks(100, 'pageInfo { endCursor }'),
      LANCASHIRE,
      'requester',
    ],
    ['an organisation with its requests', organisationRequests(30, 'pageInfo { endCursor }'), LANCASHIRE, 'requester'],
    [
      'the organisation tree',
      organisationsTree(60, 10, 'edges { cursor }'),
      'shared-services-platform',
      'platform_admin',
    ],
    [
      'the organisation tree in a context widened to more than 100 tenants',
      organisationsTree(100, 10),
      WIDENED,
      'requester',
    ],
  ] as const)('%s', async (_name, operation, slug, role) => {
    const token = await api.tokenFor(slug, [role]);
    const compiled = await read<Record<string, Record<string, unknown>>>(operation, token);
    expect(compiled.reads.join()).not.toMatch(/\blateral\b/i);
    const root = Object.keys(compiled.data)[0]!;
    expect((compiled.data[root]!.nodes as unknown[]).length).toBeGreaterThan(0);
    if (onCitus) return; // the resolvers' lateral join is what Citus refuses
    const resolved = await read<Record<string, Record<string, unknown>>>(throughResolvers(operation), token);
    // The two really took different paths: the resolvers' statement joins laterally.
    expect(resolved.reads.join()).toMatch(/\blateral\b/i);
    expect(compiled.data[root]).toEqual(resolved.data[root]);
  });

  it("pages after a cursor as the resolvers do, each path taking the other one's cursor", async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    type Page = {
      serviceRequests: {
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        nodes: { id: string }[];
      };
    };
    const page = (after: string | null): Operation => ({
      query: `query Next($after: String) { serviceRequests(first: 40, after: $after) {
        pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id reference history { status } } } }`,
      variables: { after },
    });
    const seen = new Set<string>();
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 4; pageNumber++) {
      const compiled: Awaited<ReturnType<typeof read<Page>>> = await read<Page>(page(after), requester);
      expect(compiled.reads).toHaveLength(1);
      expect(compiled.reads[0]).not.toMatch(/\blateral\b/i);
      const connection = compiled.data.serviceRequests;
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const node of connection.nodes) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
      }
      if (!onCitus) {
        const resolved = await read<Page>(throughResolvers(page(after)), requester);
        expect(resolved.reads.join()).toMatch(/\blateral\b/i);
        expect(connection).toEqual(resolved.data.serviceRequests);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // 110 requests of the fixtures, and the seeded ones: every one listed once over the pages.
    expect(seen.size).toBeGreaterThan(110);
  });
});

describe('a page of a tenant table in a context widened by delegations', () => {
  it("is one statement: the page bound to the request's tenants, each related row to its parent's tenant", async () => {
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
    type Page = { serviceRequests: Nodes<{ history: unknown[] }> };
    const one = await read<Page>(requestsPage(1), agent);
    const hundred = await read<Page>(requestsPage(100), agent);
    expect(hundred.data.serviceRequests.nodes).toHaveLength(100);
    expect(hundred.data.serviceRequests.nodes.some((node) => node.history.length === 3)).toBe(true);
    // The token presumes a context of its own organisation (a statement sent with the set-up, set
    // aside once the database says the context is wider); then the widened page's one statement.
    expect(hundred.reads.length).toBeLessThanOrEqual(2);
    expect(hundred.reads).toHaveLength(one.reads.length);
    const statement = hundred.reads.at(-1);
    expect(statement).not.toMatch(/\blateral\b/i);
    expect(statement).toMatch(/"s1"\."tenant_id" = any \(app\.current_tenant_ids\(\)\)/);
    // The history is joined to its request on tenant_id as well as on the request's id.
    expect(statement).toMatch(/"(\w+)"\."tenant_id" = "s1"\."tenant_id"/);
  });
});

describe('an organisation read by id is one statement, its lists bound to that organisation', () => {
  const organisationLists = (id: string, cursor = ''): Operation => ({
    query: `query Lists($id: ID!) { organisation(id: $id) { slug
      members(first: 5) { ${cursor} nodes { displayName status } }
      auditTrail(first: 5) { nodes { action requestId before after } }
      savingsOpportunities(first: 5, status: ACCEPTED) { nodes { title status } }
      serviceRequests(first: 5) { nodes { reference } } } }`,
    variables: { id },
  });
  const globalId = (slug: string) => Buffer.from(`Organisation:${api.organisationId(slug)}`).toString('base64');

  it("for its own tenant admin: one statement naming the organisation's tenant_id, the resolvers' answer", async () => {
    const admin = await api.tokenFor(LANCASHIRE, ['tenant_admin', 'finance']);
    type Data = { organisation: Record<string, Nodes<Record<string, unknown>>> };
    const compiled = await read<Data>(organisationLists(globalId(LANCASHIRE)), admin);
    expect(compiled.reads).toHaveLength(1);
    const [statement] = compiled.reads;
    expect(statement).not.toMatch(/\blateral\b/i);
    expect(tenantTablesUnboundAs(statement!)).toEqual([]);
    expect(compiled.data.organisation.serviceRequests!.nodes).toHaveLength(5);
    expect(compiled.data.organisation.savingsOpportunities!.nodes.every((node) => node.status === 'ACCEPTED')).toBe(
      true,
    );
    if (onCitus) return; // the resolvers' lateral join is what Citus refuses
    const resolved = await read<Data>(throughResolvers(organisationLists(globalId(LANCASHIRE))), admin);
    expect(resolved.reads.join()).toMatch(/\blateral\b/i);
    expect(compiled.data.organisation).toEqual(resolved.data.organisation);
  });

  it("the audit trail's rule is decided on the compiled path: its own tenant admin reads it, its finance role is refused", async () => {
    const query = organisationLists(globalId(LANCASHIRE));
    const own = await api.graphql<{ organisation: { auditTrail: Nodes<unknown> } }>(
      query,
      await api.tokenFor(LANCASHIRE, ['tenant_admin']),
    );
    expect(own.body.errors).toBeUndefined();
    expect(Array.isArray(own.body.data!.organisation.auditTrail.nodes)).toBe(true);
    // The same document from another organisation's tenant admin: not the compile decided for
    // Lancashire (kept per organisation); it sees no Lancashire at all.
    const other = await api.graphql<{ organisation: unknown }>(
      query,
      await api.tokenFor('liverpool-city-council', ['tenant_admin']),
    );
    expect(other.body.data?.organisation).toBeNull();
    // Lancashire's finance role may not read the trail: refused, as the resolvers refuse it.
    const finance = await api.graphql<{ organisation: { auditTrail: unknown } | null }>(
      {
        query: 'query Trail($id: ID!) { organisation(id: $id) { auditTrail(first: 5) { nodes { action } } } }',
        variables: query.variables,
      },
      await api.tokenFor(LANCASHIRE, ['finance']),
    );
    expect((finance.body.errors ?? []).map((error) => error.path?.join('.'))).toContain('organisation.auditTrail');
  });

  it('in a context widened by a delegation: one statement bound to the organisation asked for', async () => {
    const widened = await api.tokenFor(WIDENED, ['requester']);
    const query: Operation = {
      query: `query Delegated($id: ID!) { organisation(id: $id) { slug serviceRequests(first: 5) { nodes { reference } } subscriptions(first: 5) { nodes { offering { code } } } } }`,
      variables: { id: globalId(WIDENED_TO) },
    };
    type Data = { organisation: { slug: string; subscriptions: Nodes<unknown> } };
    const compiled = await read<Data>(query, widened);
    expect(compiled.data.organisation.slug).toBe(WIDENED_TO);
    expect(compiled.data.organisation.subscriptions.nodes.length).toBeGreaterThan(0);
    // The token presumes a context of its own organisation (one statement, sent with the set-up,
    // set aside once the database says the context is wider); then the widened compile.
    expect(compiled.reads.length).toBeLessThanOrEqual(2);
    for (const statement of compiled.reads) {
      expect(statement).not.toMatch(/\blateral\b/i);
      expect(tenantTablesUnboundAs(statement)).toEqual([]);
    }
  });

  it('on the platform path, a page of organisations reads each list for the whole page at once: the resolvers answer', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const page = (cursor = ''): Operation => ({
      query: `{ organisations(first: 30, filter: { nameContains: "Lancashire" }) { ${cursor} nodes { slug
        serviceRequests(first: 3) { pageInfo { hasNextPage } nodes { reference } }
        members(first: 3) { nodes { displayName } }
        subscriptions(first: 2) { nodes { offering { code } } } } } }`,
    });
    type Data = { organisations: Nodes<{ serviceRequests: { pageInfo: { hasNextPage: boolean } } }> };
    const compiled = await read<Data>(page(), platformAdmin);
    expect(compiled.reads).toHaveLength(1);
    expect(compiled.reads[0]).not.toMatch(/\blateral\b/i);
    expect(compiled.data.organisations.nodes.some((node) => node.serviceRequests.pageInfo.hasNextPage)).toBe(true);
    if (onCitus) return; // the resolvers' lateral join is what Citus refuses
    const resolved = await read<Data>(throughResolvers(page()), platformAdmin);
    expect(resolved.reads.join()).toMatch(/\blateral\b/i);
    expect(compiled.data.organisations.nodes).toEqual(resolved.data.organisations.nodes);
  });
});

describe("the viewer's organisation is one statement, read as the organisation by its id", () => {
  const children = (first: number): Operation => ({
    query: `query MyChildren($first: Int) { viewer { __typename organisation { slug name
      children(first: $first) { nodes { id slug subscriptions(first: 4) { nodes { id startedAt active unitPrice { amount currency } offering { code name } } }
        serviceRequests(first: 3) { pageInfo { hasNextPage } nodes { reference status } } } }
      serviceRequests(first: 5) { nodes { reference } } } } }`,
    variables: { first },
  });
  const myChildren = children(10);

  it("for its own tenant admin: one statement naming the tenant_id of every tenant table, the resolvers' answer", async () => {
    type Data = { viewer: { organisation: { slug: string; children: Nodes<unknown> } } };
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const compiled = await read<Data>(myChildren, token);
    expect(compiled.data.viewer.organisation.slug).toBe(LANCASHIRE);
    expect(compiled.reads).toHaveLength(1);
    expect(compiled.reads[0]).not.toMatch(/\blateral\b/i);
    expect(tenantTablesUnboundAs(compiled.reads[0]!)).toEqual([]);
    if (onCitus) return; // the resolvers' lateral join is what Citus refuses
    const resolved = await read<Data>(throughResolvers(myChildren), token);
    expect(resolved.reads.join()).toMatch(/\blateral\b/i);
    expect(compiled.data).toEqual(resolved.data);
  });

  it("in a context widened by delegations: one statement, the children's lists read for their page at once, bound to the children's ids", async () => {
    // Liverpool Direct sees the customers beneath it by the seeded delegations. A child's
    // subscriptions are not read by a subquery correlated with the child (a row of the
    // organisations reference table, which Citus refuses) but for the whole page of children at
    // once, grouped by tenant, bound by `tenant_id in` the page's own ids.
    type Data = { viewer: { organisation: { slug: string; children: Nodes<{ subscriptions: Nodes<unknown> }> } } };
    const token = await api.tokenFor('liverpool-direct', ['tenant_admin']);
    await read(myChildren, token);
    const compiled = await read<Data>(myChildren, token);
    expect(compiled.data.viewer.organisation.slug).toBe('liverpool-direct');
    const nodes = compiled.data.viewer.organisation.children.nodes;
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.every((child) => child.subscriptions.nodes.length > 0)).toBe(true);
    expect(compiled.reads).toHaveLength(1);
    // One child or ten: the same one statement.
    const one = await read<Data>(children(1), token);
    expect(one.data.viewer.organisation.children.nodes).toHaveLength(1);
    expect(one.reads).toHaveLength(1);
    expect(one.all).toHaveLength(compiled.all.length);
    expect(compiled.reads[0]).toContain(`'__typename', 'Viewer'`);
    expect(compiled.reads[0]).not.toMatch(/\blateral\b/i);
    expect(tenantTablesUnboundAs(compiled.reads[0]!)).toEqual([]);
    expect(compiled.reads[0]).toMatch(
      /"subscriptions" as "(\w+)" where "\1"\."tenant_id" in \(select "\w+"\."id" from "organisations"/,
    );
    if (onCitus) return; // the resolvers' lateral join is what Citus refuses
    const resolved = await read<Data>(throughResolvers(myChildren), token);
    expect(resolved.reads.join()).toMatch(/\blateral\b/i);
    expect(compiled.data).toEqual(resolved.data);
  });

  it('asked for what the token holds, the resolvers answer it', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const fromToken = await read<{ viewer: { subject: string } }>(
      { query: 'query Me { viewer { subject organisation { slug } } }' },
      token,
    );
    expect(fromToken.data.viewer.subject).toBe(`test:tenant_admin@${LANCASHIRE}`);
    expect(fromToken.reads.join()).not.toContain(`'__typename', 'Viewer'`);
  });
});

/** The bindings this file accepts (see tenant-bound-statements.ts). */
function tenantTablesUnboundAs(statement: string): string[] {
  return tenantTablesUnbound(statement, ['parameter', 'page ids']);
}
