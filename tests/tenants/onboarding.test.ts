import { tables } from '@ssp/schema';
import { seedOfferingId } from '@ssp/seeds';
import { onboardOrganisation } from '@ssp/services';
import { confirmActor } from '@ssp/tenants';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardOrganisationMutation } from '../support/queries/onboarding-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const PARTNERSHIP = 'liverpool-direct';
const offeringGlobalId = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');

function onboardingInput(overrides: Record<string, unknown> = {}) {
  return {
    parentId: organisationGlobalId(api.organisationId(PARTNERSHIP)),
    name: 'Anfield Primary School',
    kind: 'SCHOOL',
    nation: 'ENGLAND_AND_WALES',
    identifier: { scheme: 'URN', value: '104567' },
    subscriptions: [
      { offeringId: offeringGlobalId('dbs-check') },
      { offeringId: offeringGlobalId('password-reset'), unitPrice: '5.50' },
    ],
    tenantAdmin: {
      displayName: 'Head Teacher',
      email: 'head@anfield.test',
      issuer: 'https://sso.anfield.test/',
      subject: 'head',
    },
    apiClient: { name: 'School MIS', roles: ['REQUESTER'] },
    idempotencyKey: 'onboard-anfield-0001',
    ...overrides,
  };
}

const onboard = onboardOrganisationMutation;

type Onboarded = {
  onboardOrganisation: {
    __typename: string;
    replayed: boolean;
    apiClientId: string | null;
    apiClientSecret: string | null;
    organisation: {
      id: string;
      name: string;
      lifecycleStatus: string;
      parent: { slug: string };
      subscriptions: {
        nodes: { negotiatedPrice: boolean; unitPrice: { amount: string }; offering: { code: string } }[];
      };
    };
    field?: string;
  };
};

/** Every row any onboarding step writes, for a given organisation name. */
async function rowsFor(name: string) {
  return api.app.database.inPlatformTransaction({ actor: 'test', reason: 'count' }, async (tx) => {
    const organisations = await tx.select().from(tables.organisations).where(eq(tables.organisations.name, name));
    const ids = organisations.map((organisation) => organisation.id);
    const count = async (
      table:
        | typeof tables.subscriptions
        | typeof tables.memberships
        | typeof tables.apiClients
        | typeof tables.auditEvents,
    ) => (ids.length === 0 ? 0 : (await tx.select().from(table).where(eq(table.tenantId, ids[0]!))).length);
    return {
      organisations: organisations.length,
      subscriptions: await count(tables.subscriptions),
      memberships: await count(tables.memberships),
      apiClients: await count(tables.apiClients),
      auditEvents: await count(tables.auditEvents),
    };
  });
}

describe('onboarding a customer in one step', () => {
  it('creates the organisation, its subscriptions, its first tenant admin and an API client, all together', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Onboarded>(onboard(onboardingInput()), admin);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.onboardOrganisation;
    expect(result.__typename).toBe('OnboardOrganisationPayload');
    expect(result.organisation).toMatchObject({
      name: 'Anfield Primary School',
      lifecycleStatus: 'ONBOARDING',
      parent: { slug: PARTNERSHIP },
    });
    expect(
      result.organisation.subscriptions.nodes.map((s) => [s.offering.code, s.negotiatedPrice, s.unitPrice.amount]),
    ).toEqual(
      expect.arrayContaining([
        ['password-reset', true, '5.50'],
        ['dbs-check', false, expect.stringMatching(/^\d+\.\d{2}$/)],
      ]),
    );
    expect(await rowsFor('Anfield Primary School')).toEqual({
      organisations: 1,
      subscriptions: 2,
      memberships: 1,
      apiClients: 1,
      auditEvents: 1,
    });
    // The API client works at once (an onboarding organisation may act).
    const token = await fetch(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: result.apiClientId!,
        client_secret: result.apiClientSecret!,
      }),
    });
    expect(token.status).toBe(200);
    // The same key and input answer with the first result; other input with the key is a conflict.
    const again = await api.graphql<Onboarded>(onboard(onboardingInput()), admin);
    expect(again.body.data?.onboardOrganisation).toMatchObject({
      replayed: true,
      apiClientSecret: null,
      organisation: { id: result.organisation.id },
    });
    const other = await api.graphql<Onboarded>(onboard(onboardingInput({ name: 'Another School' })), admin);
    expect(other.body.data?.onboardOrganisation.__typename).toBe('ConflictError');
    expect(await rowsFor('Another School')).toMatchObject({ organisations: 0 });
  });

  it('creates one organisation when the same onboarding is sent 20 times at once', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const input = onboardingInput({
      name: 'Everton Junior School',
      identifier: null,
      apiClient: null,
      idempotencyKey: 'onboard-everton-20',
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.graphql<Onboarded>(onboard(input), admin)),
    );
    const ids = new Set(responses.map((response) => response.body.data?.onboardOrganisation.organisation?.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((response) => response.body.data?.onboardOrganisation.replayed === false)).toHaveLength(1);
    expect(await rowsFor('Everton Junior School')).toMatchObject({
      organisations: 1,
      subscriptions: 2,
      memberships: 1,
    });
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const cases: [Record<string, unknown>, string][] = [
      [{ subscriptions: [{ offeringId: offeringGlobalId('invoice-processing') }] }, 'input.subscriptions.0.offeringId'],
      [{ identifier: { scheme: 'URN', value: 'E10000017' } }, 'input.identifier.value'],
      [
        { subscriptions: [{ offeringId: offeringGlobalId('dbs-check'), unitPrice: '1.001' }] },
        'input.subscriptions.0.unitPrice',
      ],
      [{ apiClient: { name: 'x', roles: ['PLATFORM_ADMIN'] } }, 'input.roles'],
    ];
    for (const [overrides, field] of cases) {
      const response = await api.graphql<Onboarded>(
        onboard(onboardingInput({ name: 'Bad Input School', idempotencyKey: `bad-${field}`, ...overrides })),
        admin,
      );
      expect(response.body.data?.onboardOrganisation, field).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(await rowsFor('Bad Input School')).toMatchObject({ organisations: 0 });
  });

  it('catches a duplicate by official identifier', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Onboarded>(
      onboard(
        onboardingInput({
          name: 'Duplicate of Liverpool',
          kind: 'CITY_COUNCIL',
          subscriptions: [],
          apiClient: null,
          identifier: { scheme: 'GSS', value: 'E08000012' },
          idempotencyKey: 'dup-gss-1',
        }),
      ),
      admin,
    );
    expect(response.body.data?.onboardOrganisation.__typename).toBe('ConflictError');
    expect(await rowsFor('Duplicate of Liverpool')).toMatchObject({ organisations: 0 });
  });

  it('will not onboard beneath an organisation the tenant admin does not act for', async () => {
    const other = await api.tokenFor('rotherham-metropolitan-borough-council', ['tenant_admin']);
    const response = await api.graphql<Onboarded>(
      onboard(onboardingInput({ name: 'Intruder School', idempotencyKey: 'intruder-01' })),
      other,
    );
    expect(response.body.data?.onboardOrganisation.__typename).toBe('NotFoundError');
    const requester = await api.tokenFor(PARTNERSHIP, ['requester']);
    const forbidden = await api.graphql<Onboarded>(
      onboard(onboardingInput({ name: 'Intruder School', idempotencyKey: 'intruder-02' })),
      requester,
    );
    expect(forbidden.body.data?.onboardOrganisation.__typename).toBe('ForbiddenError');
    expect(await rowsFor('Intruder School')).toMatchObject({ organisations: 0 });
  });

  it('leaves no row behind in any table when its last step fails', async () => {
    const principal = {
      kind: 'user' as const,
      issuer: api.app.config.tokenIssuer,
      subject: 'test:rollback',
      organisationId: api.organisationId(PARTNERSHIP),
      claimedRoles: ['tenant_admin' as const],
      expiresAt: new Date(Date.now() + 60_000),
    };
    const failure = api.app.database.inTenantTransaction([principal.organisationId], async (tx) => {
      const actor = await confirmActor(tx, principal);
      await onboardOrganisation(
        tx,
        actor,
        { requestId: 'test', subject: principal.subject, organisationId: principal.organisationId },
        {
          ...onboardingInput({ name: 'Rolled Back School', idempotencyKey: 'rollback-01' }),
          parentId: principal.organisationId,
          kind: 'school',
          nation: 'england_and_wales',
          identifier: null,
          subscriptions: [{ offeringId: seedOfferingId('dbs-check'), unitPrice: null }],
          apiClient: { name: 'MIS', roles: ['requester'] },
          tenantAdmin: { displayName: 'Head', email: null, issuer: 'https://sso.test/', subject: 'head' },
        },
        {
          beforeFinish: async () => {
            throw new Error('injected failure at the last step');
          },
        },
      );
    });
    await expect(failure).rejects.toThrow('injected failure');
    expect(await rowsFor('Rolled Back School')).toEqual({
      organisations: 0,
      subscriptions: 0,
      memberships: 0,
      apiClients: 0,
      auditEvents: 0,
    });
    const claims = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.select().from(tables.onboardingRequests).where(eq(tables.onboardingRequests.idempotencyKey, 'rollback-01')),
    );
    expect(claims).toEqual([]);
  });
});
