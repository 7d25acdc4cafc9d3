import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantDelegationMutation,
  nodeQuery,
  organisationGlobalId,
  organisationQuery,
  organisationsQuery,
} from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp, withCost } from './support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const LANCASHIRE = 'lancashire-county-council';
const LIVERPOOL = 'liverpool-city-council';

describe('a user of one organisation cannot reach another', () => {
  it('sees only its own organisation in the list, whatever it searches for', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const all = await api.graphql<{ organisations: { nodes: { slug: string }[] } }>(
      organisationsQuery({ first: 100 }),
      token,
    );
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data?.organisations.nodes.map((node) => node.slug)).toEqual([LANCASHIRE]);

    const searched = await api.graphql<{ organisations: { nodes: unknown[] } }>(
      organisationsQuery({ first: 10, filter: { nameContains: 'Liverpool' } }),
      token,
    );
    expect(searched.body.data?.organisations.nodes).toEqual([]);
  });

  it('gets null for another organisation by id and by node, the same answer as for an id that does not exist', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const liverpoolId = organisationGlobalId(api.organisationId(LIVERPOOL));
    const missingId = organisationGlobalId('00000000-0000-4000-8000-000000000000');
    for (const id of [liverpoolId, missingId]) {
      const byId = await api.graphql(organisationQuery(id), token);
      expect(byId.body).toEqual(withCost({ data: { organisation: null } }));
      const byNode = await api.graphql(nodeQuery(id), token);
      expect(byNode.body).toEqual(withCost({ data: { node: null } }));
    }
  });

  it('cannot infer children it was not delegated: the county sees none of its 566 bodies beneath it', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const response = await api.graphql<{ organisations: { nodes: { children: { totalCount: number } }[] } }>(
      organisationsQuery({ first: 1 }),
      token,
    );
    expect(response.body.data?.organisations.nodes[0]?.children.totalCount).toBe(0);
  });

  it('sees exactly what an explicit delegation grants, from the next request on', async () => {
    const county = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const granted = await api.graphql<{ grantDelegation: { __typename: string } }>(
      grantDelegationMutation({
        granteeOrganisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
        delegatedOrganisationId: organisationGlobalId(api.organisationId('south-ribble-borough-council')),
        reason: 'County runs payroll administration for South Ribble',
      }),
      platformAdmin,
    );
    expect(granted.body.data?.grantDelegation.__typename).toBe('GrantDelegationPayload');

    const after = await api.graphql<{
      organisations: { nodes: { slug: string; children: { nodes: { slug: string }[] } }[] };
    }>(organisationsQuery({ first: 100 }), county);
    const slugs = after.body.data?.organisations.nodes.map((node) => node.slug);
    expect(slugs).toEqual([LANCASHIRE, 'south-ribble-borough-council']);
    const county_ = after.body.data?.organisations.nodes.find((node) => node.slug === LANCASHIRE);
    expect(county_?.children.nodes.map((child) => child.slug)).toEqual(['south-ribble-borough-council']);

    // The delegation widens Lancashire's view only: South Ribble itself still sees only itself.
    const ribble = await api.tokenFor('south-ribble-borough-council', ['tenant_admin']);
    const ribbleView = await api.graphql<{ organisations: { nodes: { slug: string }[] } }>(
      organisationsQuery({}),
      ribble,
    );
    expect(ribbleView.body.data?.organisations.nodes.map((node) => node.slug)).toEqual([
      'south-ribble-borough-council',
    ]);
  });

  it('refuses to let a tenant admin grant delegations (platform admins only), and writes nothing', async () => {
    const county = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const attempt = await api.graphql(
      grantDelegationMutation({
        granteeOrganisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
        delegatedOrganisationId: organisationGlobalId(api.organisationId('west-lancashire-borough-council')),
        reason: 'trying to widen my own view',
      }),
      county,
    );
    // A mutation answers a refusal in its payload, with the code (docs/errors.md).
    expect(attempt.body.errors).toBeUndefined();
    expect(attempt.body.data).toEqual({ grantDelegation: expect.objectContaining({ code: 'ROLE_REQUIRED' }) });
    const delegations = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.query.delegations.findMany({
        where: {
          tenantId: api.organisationId(LANCASHIRE),
          delegatedOrganisationId: api.organisationId('west-lancashire-borough-council'),
        },
      }),
    );
    expect(delegations).toEqual([]);
  });
});
