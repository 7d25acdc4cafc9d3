import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityMatchQuery, organisationMembersQuery } from './support/queries/error-rule-queries.ts';
import {
  grantDelegationMutation,
  organisationGlobalId,
  organisationsQuery,
  viewerQuery,
} from './support/queries/organisation-queries.ts';
import { type Operation, startTestApp, type TestApp, withoutCost } from './support/test-app.ts';

// A plain JSON POST is answered through yoga's GraphQL steps without its fetch API layer
// (gateway/src/graphql/answer-json-post.ts); any other request goes the whole way through yoga.
// A content type the direct path does not take, which yoga reads as the same JSON, sends the
// same request the whole way: each answer must be the same either way, status, content type,
// body and Retry-After, for successes, refusals and every kind of error.

const DIRECT = 'application/json';
const THROUGH_YOGA = 'application/json; charset=utf-8; profile=whole-way';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp({ QUERY_MAX_COST: '2000' });
});
afterAll(() => api?.close());

interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

async function post(contentType: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = withoutCost(JSON.parse(text));
  } catch {
    // not JSON (a 406, say): compared as text
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    retryAfter: response.headers.get('retry-after'),
    body: parsed,
  };
}

/** The same request both ways; the answers, which must be equal. */
async function bothWays(body: string, headers: Record<string, string> = {}) {
  const direct = await post(DIRECT, body, headers);
  const throughYoga = await post(THROUGH_YOGA, body, headers);
  expect(direct).toEqual(throughYoga);
  return direct;
}

const asBody = (operation: Operation) => JSON.stringify(operation);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a JSON POST answered directly is answered as yoga answers it', () => {
  it('a query that succeeds, compiled or resolved, with each accepted media type', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    for (const accept of ['application/graphql-response+json', 'application/json', '*/*', undefined]) {
      const headers = { ...bearer(token), ...(accept ? { accept } : {}) };
      const viewer = await bothWays(asBody(viewerQuery()), headers);
      expect(viewer.status).toBe(200);
      const members = await bothWays(
        asBody(organisationMembersQuery(organisationGlobalId(api.organisationId('lancashire-county-council')))),
        headers,
      );
      expect(members.status).toBe(200);
      expect(JSON.stringify(members.body)).toContain('"members"');
    }
  });

  it('an Accept header it cannot answer is a 406 either way', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const answer = await bothWays(asBody(viewerQuery()), { ...bearer(token), accept: 'text/html' });
    expect(answer.status).toBe(406);
  });

  it('a query refused to its caller, a validation error, bad variables and a query too costly', async () => {
    const requester = await api.tokenFor('lancashire-county-council', ['requester']);
    const strict = { ...bearer(requester), accept: 'application/graphql-response+json' };
    const refused = await bothWays(
      asBody(capabilityMatchQuery({ kind: 'SCHOOL', requirementLines: ['payroll'] })),
      bearer(requester),
    );
    expect(JSON.stringify(refused.body)).toContain('ROLE_REQUIRED');
    const invalid = await bothWays(JSON.stringify({ query: '{ viewer { noSuchField } }' }), strict);
    expect(invalid.status).toBe(400);
    const badVariables = await bothWays(
      JSON.stringify({
        query: 'query ($first: Int) { organisations(first: $first) { nodes { id } } }',
        variables: { first: 'many' },
      }),
      bearer(requester),
    );
    expect(JSON.stringify(badVariables.body)).toContain('first');
    const admin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const tooCostly = await bothWays(asBody(organisationsQuery({ first: 100, children: 100 })), bearer(admin));
    expect(tooCostly.status).toBe(400);
    expect(JSON.stringify(tooCostly.body)).toContain('MAX_COST_EXCEEDED');
  });

  it('a mutation with a typed payload error, and an anonymous query', async () => {
    const requester = await api.tokenFor('lancashire-county-council', ['requester']);
    const mutation = await bothWays(
      asBody(
        grantDelegationMutation({
          granteeOrganisationId: organisationGlobalId(api.organisationId('lancashire-county-council')),
          delegatedOrganisationId: organisationGlobalId(api.organisationId('lancashire-county-council')),
          reason: 'a requester may not grant one',
        }),
      ),
      bearer(requester),
    );
    expect(mutation.status).toBe(200);
    const anonymous = await bothWays(JSON.stringify({ query: '{ __typename }' }));
    expect(anonymous).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('a body yoga refuses (a batch, an unknown member, variables that are not an object) is refused the same way', async () => {
    for (const body of [
      '[{"query":"{ __typename }"}]',
      '{"query":"{ __typename }","unknown":1}',
      '{"query":"{ __typename }","variables":[1]}',
      '{"query":1}',
      'not json',
    ]) {
      const answer = await bothWays(body);
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
  });
});
