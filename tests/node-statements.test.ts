import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsWithSubscriptionsByNodesQuery } from './support/queries/node-read-queries.ts';
import { organisationGlobalId } from './support/queries/organisation-queries.ts';
import { tenantTablesUnbound } from './support/tenant-bound-statements.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// `node` and `nodes` read a drizzle type's object by id as `organisation(id:)` does: in the
// operation's one statement, the lists under it aggregated there, every tenant table bound by
// tenant_id (one shard on Citus) and nothing joined laterally (Citus refuses a lateral join
// from the organisations registry to a tenant table, which the resolvers' load writes).

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

type Node =
  | { __typename: 'Organisation'; id: string; slug: string; subscriptions: { nodes: { id: string }[] } }
  | { __typename: 'Subscription'; id: string; offering: { code: string } }
  | null;

async function read(ids: string[], token: string) {
  const { result, statements } = await api.app.database.statements.record(() =>
    api.graphql<{ nodes: Node[] }>(organisationsWithSubscriptionsByNodesQuery(ids), token),
  );
  expect(result.body.errors).toBeUndefined();
  return { nodes: result.body.data!.nodes, statements };
}

describe('node and nodes cost one statement, whatever they find', () => {
  it('an organisation with its subscriptions, then with each subscription and ids it may not see: as many statements', async () => {
    const slug = 'south-ribble-borough-council';
    const token = await api.tokenFor(slug, ['tenant_admin']);
    const own = organisationGlobalId(api.organisationId(slug));
    const one = await read([own], token);
    const organisation = one.nodes[0];
    if (organisation?.__typename !== 'Organisation') throw new Error('the organisation is not readable');
    expect(organisation.slug).toBe(slug);
    const subscriptions = organisation.subscriptions.nodes.map((subscription) => subscription.id);
    expect(subscriptions.length).toBeGreaterThan(1);

    // Another tenant's organisation, a malformed id and an id naming no type answer null.
    const other = organisationGlobalId(api.organisationId('lancashire-county-council'));
    const many = await read([own, ...subscriptions, other, 'zzz', Buffer.from('Nothing:1').toString('base64')], token);
    expect(many.nodes.map((node) => node?.__typename ?? null)).toEqual([
      'Organisation',
      ...subscriptions.map(() => 'Subscription'),
      null,
      null,
      null,
    ]);
    expect(many.nodes.slice(1, 1 + subscriptions.length).map((node) => node?.id)).toEqual(subscriptions);

    expect(many.statements.length).toBe(one.statements.length);
    const reads = many.statements.filter((statement) => statement.includes('json_build_object'));
    expect(reads).toHaveLength(1);
    for (const statement of many.statements) {
      expect(tenantTablesUnbound(statement), statement).toEqual([]);
      expect(statement).not.toMatch(/\blateral\b/i);
    }
  });
});
