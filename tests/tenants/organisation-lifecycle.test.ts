import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailQuery } from '../support/queries/audit-trail-queries.ts';
import { changeLifecycleMutation, organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { viewerOrganisationLifecycleQuery } from '../support/queries/viewer-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const SANDWELL = 'sandwell-metropolitan-borough-council';

const move = (slug: string, action: string, reason = 'test') =>
  changeLifecycleMutation({ organisationId: organisationGlobalId(api.organisationId(slug)), action, reason });

type Moved = {
  changeOrganisationLifecycle: {
    __typename: string;
    organisation?: { lifecycleStatus: string; lifecycleActions: string[] };
    field?: string;
  };
};

const viewer = viewerOrganisationLifecycleQuery();

describe('the organisation lifecycle', () => {
  it('suspends an organisation: its tokens are refused from the next request until it is reinstated', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const member = await api.tokenFor(SANDWELL, ['tenant_admin']);
    expect((await api.graphql(viewer, member)).status).toBe(200);

    const suspended = await api.graphql<Moved>(move(SANDWELL, 'SUSPEND', 'Unpaid invoices'), platformAdmin);
    expect(suspended.body.data?.changeOrganisationLifecycle.organisation).toEqual({
      lifecycleStatus: 'SUSPENDED',
      lifecycleActions: ['REINSTATE', 'OFFBOARD'],
    });
    const refused = await api.graphql(viewer, member);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/suspended/);

    await api.graphql<Moved>(move(SANDWELL, 'REINSTATE', 'Paid'), platformAdmin);
    const back = await api.graphql<{
      viewer: { organisation: { lifecycleStatus: string; lifecycleActions: string[] } };
    }>(viewer, member);
    // A tenant admin may not move its own organisation: no actions are offered.
    expect(back.body.data?.viewer.organisation).toMatchObject({ lifecycleStatus: 'ACTIVE', lifecycleActions: [] });
  });

  it('offboards for good: records are kept, nobody can act for it, no move leads back', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const slug = 'mid-suffolk-district-council';
    const member = await api.tokenFor(slug, ['requester']);
    const offboarded = await api.graphql<Moved>(move(slug, 'OFFBOARD', 'Contract ended'), platformAdmin);
    expect(offboarded.body.data?.changeOrganisationLifecycle.organisation).toEqual({
      lifecycleStatus: 'OFFBOARDED',
      lifecycleActions: [],
    });
    expect((await api.graphql(viewer, member)).status).toBe(401);
    const again = await api.graphql<Moved>(move(slug, 'REINSTATE'), platformAdmin);
    expect(again.body.data?.changeOrganisationLifecycle).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.action',
    });
    const subscriptions = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.query.subscriptions.findMany({ where: { tenantId: api.organisationId(slug) } }),
    );
    expect(subscriptions.length).toBeGreaterThan(0);
  });

  it('is for platform admins only, and every move is in the organisation audit trail', async () => {
    const tenantAdmin = await api.tokenFor('rotherham-metropolitan-borough-council', ['tenant_admin']);
    const denied = await api.graphql(move('rotherham-metropolitan-borough-council', 'SUSPEND'), tenantAdmin);
    expect(denied.body.data).toEqual({
      changeOrganisationLifecycle: expect.objectContaining({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' }),
    });

    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    await api.graphql(move('rotherham-metropolitan-borough-council', 'SUSPEND', 'Audit check'), platformAdmin);
    const trail = await api.graphql<{ organisation: { auditTrail: { nodes: { action: string; after: unknown }[] } } }>(
      auditTrailQuery(
        organisationGlobalId(api.organisationId('rotherham-metropolitan-borough-council')),
        5,
        'action after',
      ),
      platformAdmin,
    );
    expect(trail.body.data?.organisation.auditTrail.nodes[0]).toEqual({
      action: 'organisation.suspend',
      after: { lifecycleStatus: 'suspended', reason: 'Audit check' },
    });
  });

  it('cannot suspend the platform operator', async () => {
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const response = await api.graphql<Moved>(move('shared-services-platform', 'SUSPEND'), platformAdmin);
    expect(response.body.data?.changeOrganisationLifecycle.__typename).toBe('ValidationError');
  });
});
