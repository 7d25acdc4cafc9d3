import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiClientMutation,
  revokeApiClientMutation,
  rotateApiClientSecretMutation,
} from '../support/queries/api-client-queries.ts';
import { auditTrailQuery } from '../support/queries/audit-trail-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { viewerMachineClientQuery, viewerSubjectQuery } from '../support/queries/viewer-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const LANCASHIRE = 'lancashire-county-council';

const createClient = createApiClientMutation;
const rotateSecret = rotateApiClientSecretMutation;
const revokeClient = revokeApiClientMutation;

interface Created {
  createApiClient: {
    __typename: string;
    clientSecret: string;
    apiClient: { id: string; clientId: string; roles: string[] };
    field?: string;
  };
}

async function token(clientId: string, clientSecret: string): Promise<{ status: number; accessToken?: string }> {
  const response = await fetch(`${api.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const body = (await response.json()) as { access_token?: string };
  return { status: response.status, ...(body.access_token ? { accessToken: body.access_token } : {}) };
}

async function newClient(name: string) {
  const admin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
  const created = await api.graphql<Created>(createClient({ name, roles: ['REQUESTER'] }), admin);
  expect(created.body.data?.createApiClient.__typename).toBe('ApiClientSecretPayload');
  return { admin, ...created.body.data!.createApiClient };
}

describe('tenant admins manage their machine clients', () => {
  it('registers a client whose secret (shown once) gets tokens that act for the organisation', async () => {
    const { apiClient, clientSecret } = await newClient('Schools MIS integration');
    expect(apiClient.roles).toEqual(['REQUESTER']);
    const issued = await token(apiClient.clientId, clientSecret);
    expect(issued.status).toBe(200);
    const viewer = await api.graphql<{ viewer: { isMachineClient: boolean; organisation: { slug: string } } }>(
      viewerMachineClientQuery(),
      issued.accessToken,
    );
    expect(viewer.body.data?.viewer).toEqual({ isMachineClient: true, organisation: { slug: LANCASHIRE } });
  });

  it('refuses a platform admin client, a requester doing it, and another organisation, writing nothing', async () => {
    const admin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const platformRole = await api.graphql<Created>(createClient({ name: 'x', roles: ['PLATFORM_ADMIN'] }), admin);
    expect(platformRole.body.data?.createApiClient).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.roles',
    });

    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    const forbidden = await api.graphql<Created>(createClient({ name: 'x', roles: ['REQUESTER'] }), requester);
    expect(forbidden.body.data?.createApiClient.__typename).toBe('ForbiddenError');

    const liverpool = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
    const other = await api.graphql<Created>(
      createClient({
        organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
        name: 'x',
        roles: ['REQUESTER'],
      }),
      liverpool,
    );
    expect(other.body.data?.createApiClient.__typename).toBe('NotFoundError');

    const clients = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.query.apiClients.findMany({ where: { name: 'x' } }),
    );
    expect(clients).toEqual([]);
  });

  it('rotates a secret: the old one works only for the grace period', async () => {
    const { admin, apiClient, clientSecret: first } = await newClient('HR system');
    const withGrace = await api.graphql<{ rotateApiClientSecret: { clientSecret: string } }>(
      rotateSecret(apiClient.id, 24),
      admin,
    );
    const second = withGrace.body.data!.rotateApiClientSecret.clientSecret;
    expect((await token(apiClient.clientId, first)).status).toBe(200);
    expect((await token(apiClient.clientId, second)).status).toBe(200);

    const noGrace = await api.graphql<{ rotateApiClientSecret: { clientSecret: string } }>(
      rotateSecret(apiClient.id, 0),
      admin,
    );
    const third = noGrace.body.data!.rotateApiClientSecret.clientSecret;
    expect((await token(apiClient.clientId, second)).status).toBe(401);
    expect((await token(apiClient.clientId, third)).status).toBe(200);

    const tooLong = await api.graphql<{ rotateApiClientSecret: { __typename: string } }>(
      rotateSecret(apiClient.id, 169),
      admin,
    );
    expect(tooLong.body.data?.rotateApiClientSecret.__typename).toBe('ValidationError');
  });

  it('revokes a client: its token is refused from the next request, and it gets no new one', async () => {
    const { admin, apiClient, clientSecret } = await newClient('Payroll feed');
    const issued = await token(apiClient.clientId, clientSecret);
    const revoked = await api.graphql<{ revokeApiClient: { __typename: string } }>(revokeClient(apiClient.id), admin);
    expect(revoked.body.data?.revokeApiClient.__typename).toBe('ApiClientPayload');
    const refused = await api.graphql(viewerSubjectQuery(), issued.accessToken);
    expect(refused.status).toBe(401);
    expect((await token(apiClient.clientId, clientSecret)).status).toBe(401);
    const again = await api.graphql<{ revokeApiClient: { __typename: string } }>(revokeClient(apiClient.id), admin);
    expect(again.body.data?.revokeApiClient.__typename).toBe('ConflictError');
  });

  it('records every change in the audit trail (without secrets), readable by its own tenant admins only', async () => {
    const { admin, apiClient } = await newClient('Audited client');
    await api.graphql(revokeClient(apiClient.id), admin);
    const trailQuery = auditTrailQuery(
      organisationGlobalId(api.organisationId(LANCASHIRE)),
      10,
      'action actorSubject requestId before after',
    );
    const trail = await api.graphql<{
      organisation: {
        auditTrail: { nodes: { action: string; actorSubject: string; requestId: string; after: unknown }[] };
      };
    }>(trailQuery, admin);
    const actions = trail.body.data!.organisation.auditTrail.nodes.map((event) => event.action);
    expect(actions.slice(0, 2)).toEqual(['api_client.revoked', 'api_client.created']);
    expect(JSON.stringify(trail.body.data)).not.toMatch(/scrypt|secretHash/);
    expect(trail.body.data!.organisation.auditTrail.nodes[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    const denied = await api.graphql<{ organisation: unknown }>(trailQuery, requester);
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'ROLE_REQUIRED', kind: 'FORBIDDEN' });
  });
});
