import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantDelegationMutation,
  organisationGlobalId,
  organisationsQuery,
} from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

interface Page {
  organisations: { nodes: { slug: string; parent: { slug: string } | null; children: { nodes: unknown[] } }[] };
}

/** Runs an operation and counts the SQL statements the application sent for it. */
async function countStatements(operation: Parameters<TestApp['graphql']>[0], token: string) {
  const { result, statements } = await api.app.database.statements.measure(() => api.graphql<Page>(operation, token));
  expect(result.body.errors).toBeUndefined();
  return { page: result.body.data!.organisations.nodes, statements };
}

describe('the number of SQL statements is fixed by the shape of the query, not by its rows', () => {
  it('lists 100 organisations with their parent and first 10 children in as many statements as 1', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const one = await countStatements(organisationsQuery({ first: 1, children: 10 }), platformAdmin);
    const ten = await countStatements(organisationsQuery({ first: 10, children: 10 }), platformAdmin);
    expect(ten.statements).toBe(one.statements);

    // Every page of 100 through all ~600 organisations costs the same, including the page that
    // holds Lancashire County Council with its 566 children (of which the first 10 are loaded).
    const pageCosts: number[] = [];
    let after: string | undefined;
    let lancashireChildren: number | undefined;
    do {
      const { result, statements } = await api.app.database.statements.measure(() =>
        api.graphql<Page & { organisations: { pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
          organisationsQuery({ first: 100, children: 10, ...(after ? { after } : {}) }),
          platformAdmin,
        ),
      );
      const connection = result.body.data!.organisations;
      pageCosts.push(statements);
      const county = connection.nodes.find((organisation) => organisation.slug === 'lancashire-county-council');
      if (county) lancashireChildren = county.children.nodes.length;
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : undefined;
    } while (after);

    expect(pageCosts.length).toBeGreaterThanOrEqual(6);
    expect(lancashireChildren).toBe(10);
    expect(new Set(pageCosts)).toEqual(new Set([one.statements]));
    // The platform admin's whole request: the actor check and one statement for the page with
    // its parents and children, wrapped in BEGIN/COMMIT on a server (PGlite's in-process
    // transaction sends no BEGIN through the logger but starts with `set local role`).
    expect(one.statements).toBe(api.app.database.engine === 'pglite' ? 3 : 4);
  });

  it('costs the same for a tenant with delegations (the set-up statement finds them in the database)', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const county = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const before = await countStatements(organisationsQuery({ first: 100 }), county);
    for (const slug of ['south-ribble-borough-council', 'west-lancashire-borough-council', 'lancashire-constabulary']) {
      const granted = await api.graphql<{ grantDelegation: { __typename: string } }>(
        grantDelegationMutation({
          granteeOrganisationId: organisationGlobalId(api.organisationId('lancashire-county-council')),
          delegatedOrganisationId: organisationGlobalId(api.organisationId(slug)),
          reason: 'statement count test',
        }),
        platformAdmin,
      );
      expect(granted.body.data?.grantDelegation.__typename).toBe('GrantDelegationPayload');
    }
    // The first request after the grants plans its read for the county alone: the database's
    // set-up finds the delegations, that read is discarded and the page asked again (one more
    // round trip, once). From then on the read is planned for the context the database confirmed.
    const first = await countStatements(organisationsQuery({ first: 100 }), county);
    expect(first.page).toHaveLength(4);
    expect(first.statements).toBeGreaterThan(before.statements);
    const after = await countStatements(organisationsQuery({ first: 100 }), county);
    expect(after.page).toHaveLength(4);
    expect(after.statements).toBe(before.statements);
  });

  it("a caller's organisation with its children and their subscriptions: 1 child and 10 cost the same, in a widened context too", async () => {
    // The perf harness's children shape. Liverpool Direct sees the customers beneath it through
    // the seeded delegations.
    const childrenShape = (first: number) => ({
      query: `query MyChildren($first: Int) { viewer { organisation { slug name children(first: $first) { nodes { id slug name
        subscriptions(first: 4) { nodes { id startedAt active unitPrice { amount currency } offering { code name } } } } } } } }`,
      variables: { first },
    });
    type Tree = { viewer: { organisation: { children: { nodes: { subscriptions: { nodes: unknown[] } }[] } } } };
    {
      const token = await api.tokenFor('liverpool-direct', ['tenant_admin']);
      // The first request plans for the organisation alone until the database confirms the context.
      await api.graphql(childrenShape(1), token);
      const count = async (first: number) => {
        const { result, statements } = await api.app.database.statements.record(() =>
          api.graphql<Tree>(childrenShape(first), token),
        );
        expect(result.body.errors).toBeUndefined();
        return { children: result.body.data!.viewer.organisation.children.nodes, statements };
      };
      const one = await count(1);
      const ten = await count(10);
      expect(one.children).toHaveLength(1);
      expect(ten.children.length).toBeGreaterThan(1);
      expect(ten.children.some((child) => child.subscriptions.nodes.length > 0)).toBe(true);
      expect(ten.statements).toHaveLength(one.statements.length);
      // One statement reads the tree: the subscriptions of the whole page at once, bound by
      // tenant_id to the page's own ids (no subquery correlated with a child).
      const reads = ten.statements.filter((statement) => statement.includes('"subscriptions"'));
      expect(reads).toHaveLength(1);
      expect(reads[0]).not.toMatch(/\blateral\b/i);
      expect(reads[0]).toMatch(
        /"subscriptions" as "(\w+)" where "\1"\."tenant_id" in \(select "\w+"\."id" from "organisations" as "\w+" where "\w+"\."parent_id" = \$\d+::uuid/,
      );
    }
  });
});
