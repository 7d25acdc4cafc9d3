import { hashSecret, type MembershipRole } from '@ssp/core';
import { tables } from '@ssp/schema';
import { type CreatedApiClient, createApiClient } from '@ssp/tenants';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsQuery, viewerQuery } from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// POST /oauth/token: the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4), with the
// client authenticated by client_secret_post or client_secret_basic, and what a token it issues
// may then do at /graphql.

let api: TestApp;
let client: CreatedApiClient;

const LIVERPOOL = 'liverpool-city-council';

beforeAll(async () => {
  api = await startTestApp();
  client = await registerClient(LIVERPOOL, ['requester']);
});
afterAll(() => api?.close());

/** Registers a machine client the way the platform does: directory and client row together. */
function registerClient(slug: string, roles: MembershipRole[]): Promise<CreatedApiClient> {
  return api.app.database.inPlatformTransaction({ actor: 'oauth-token-test', reason: 'register a client' }, (tx) =>
    createApiClient(tx, { organisationId: api.organisationId(slug), name: `Test client for ${slug}`, roles }),
  );
}

/**
 * Changes set-up rows on the audited platform path (the table owner sees nothing under forced
 * row-level security). The values are the test's own: client ids and scrypt hashes, no quotes.
 */
async function platformUpdate(statement: string): Promise<number> {
  return api.app.database.inPlatformTransaction(
    { actor: 'oauth-token-test', reason: 'change a client' },
    async (tx) => {
      const result = (await tx.execute(`${statement} returning 1 as changed`)) as unknown as { rows: unknown[] };
      return result.rows.length;
    },
  );
}

/** The stored row of a client, read on the platform path. */
async function storedClient(clientId: string) {
  const rows = await api.app.database.inPlatformTransaction(
    { actor: 'oauth-token-test', reason: 'read a client' },
    (tx) => tx.select().from(tables.apiClients),
  );
  const row = rows.find((candidate) => candidate.clientId === clientId);
  if (!row) throw new Error(`client ${clientId} is not stored`);
  return row;
}

interface TokenResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls the token endpoint over real HTTP. */
async function requestToken(options: {
  form?: Record<string, string>;
  basic?: { clientId: string; clientSecret: string };
  contentType?: string;
  method?: string;
  rawBody?: string;
  authorization?: string;
}): Promise<TokenResponse> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
  };
  if (options.basic) {
    // RFC 6749 section 2.3.1: id and secret are form-encoded, then joined and base64-encoded.
    const pair = `${encodeURIComponent(options.basic.clientId)}:${encodeURIComponent(options.basic.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  if (options.authorization) headers.authorization = options.authorization;
  const method = options.method ?? 'POST';
  const response = await fetch(`${api.url}/oauth/token`, {
    method,
    headers,
    ...(method === 'GET' ? {} : { body: options.rawBody ?? new URLSearchParams(options.form ?? {}).toString() }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** client_secret_post: the credentials in the form body. */
const postCredentials = (clientId: string, clientSecret: string) =>
  requestToken({ form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });

/** client_secret_basic: the credentials in HTTP Basic. */
const basicCredentials = (clientId: string, clientSecret: string) =>
  requestToken({ form: { grant_type: 'client_credentials' }, basic: { clientId, clientSecret } });

function expectIssued(response: TokenResponse): string {
  expect(response.status).toBe(200);
  // RFC 6749 section 5.1: token responses must not be cached.
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.body).toMatchObject({
    token_type: 'Bearer',
    expires_in: api.app.config.tokenTtlSeconds,
  });
  expect(typeof response.body.access_token).toBe('string');
  return response.body.access_token as string;
}

function expectInvalidClient(response: TokenResponse, basic: boolean): void {
  expect(response.status).toBe(401);
  expect(response.body.error).toBe('invalid_client');
  expect(response.body.access_token).toBeUndefined();
  // RFC 6749 section 5.2: a client that tried HTTP Basic is challenged with Basic again.
  if (basic) expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="shared-services"/);
  else expect(response.headers.get('www-authenticate')).toBeNull();
}

interface MachineViewer {
  viewer: { isMachineClient: boolean; subject: string; roles: string[]; organisation: { slug: string } } | null;
}

describe('a client with the right secret gets a token', () => {
  it('with client_secret_post', async () => {
    const token = expectIssued(await postCredentials(client.clientId, client.clientSecret));
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: api.app.config.tokenIssuer,
      aud: api.app.config.tokenAudience,
      sub: `client:${client.clientId}`,
      client_id: client.clientId,
      org: api.organisationId(LIVERPOOL),
      roles: ['requester'],
    });
  });

  it('with client_secret_basic', async () => {
    const response = await basicCredentials(client.clientId, client.clientSecret);
    expectIssued(response);
    expect(response.body.scope).toBe('requester');
  });

  it('and the token acts at /graphql as that machine client, with the client roles', async () => {
    const token = expectIssued(await basicCredentials(client.clientId, client.clientSecret));
    const response = await api.graphql<MachineViewer>(viewerQuery(), token);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer).toMatchObject({
      isMachineClient: true,
      subject: `client:${client.clientId}`,
      roles: ['REQUESTER'],
      organisation: { slug: LIVERPOOL },
    });
  });
});

describe('a client that cannot authenticate gets invalid_client', () => {
  it('with a wrong secret (post and Basic)', async () => {
    expectInvalidClient(await postCredentials(client.clientId, `${client.clientSecret}x`), false);
    expectInvalidClient(await basicCredentials(client.clientId, 'wrong-secret'), true);
  });

  it('with an unknown client id: the very same answer as a wrong secret', async () => {
    const wrongSecret = await postCredentials(client.clientId, 'wrong-secret');
    const unknownId = await postCredentials('ssp_no-such-client', 'wrong-secret');
    expectInvalidClient(unknownId, false);
    expect(unknownId.body).toEqual(wrongSecret.body);

    const unknownBasic = await basicCredentials('ssp_no-such-client', 'wrong-secret');
    const wrongBasic = await basicCredentials(client.clientId, 'wrong-secret');
    expectInvalidClient(unknownBasic, true);
    expect(unknownBasic.body).toEqual(wrongBasic.body);
    expect(unknownBasic.headers.get('www-authenticate')).toBe(wrongBasic.headers.get('www-authenticate'));
  });

  it('with no credentials at all', async () => {
    const response = await requestToken({ form: { grant_type: 'client_credentials' } });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('with a client id but no secret', async () => {
    const response = await requestToken({ form: { grant_type: 'client_credentials', client_id: client.clientId } });
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
  });
});

describe('a malformed token request is refused before any client check', () => {
  it('without grant_type: 400 invalid_request', async () => {
    const response = await requestToken({ form: { client_id: client.clientId, client_secret: client.clientSecret } });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
    expect(response.body.error_description).toBe('grant_type is required');
  });

  it('with another grant type: 400 unsupported_grant_type', async () => {
    const response = await requestToken({
      form: { grant_type: 'password', username: 'jane', password: 'x', client_id: client.clientId },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('unsupported_grant_type');
  });

  it('with a JSON body: 400 invalid_request (the grant is form-encoded)', async () => {
    const response = await requestToken({
      contentType: 'application/json',
      rawBody: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
    expect(response.body.access_token).toBeUndefined();
  });

  it('with GET: 405, allowing POST only', async () => {
    const response = await requestToken({ method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.body.error).toBe('invalid_request');
  });

  it('with Basic credentials that are not percent-decodable: 400 invalid_request', async () => {
    const response = await requestToken({
      form: { grant_type: 'client_credentials' },
      authorization: `Basic ${Buffer.from('ssp_x:%E0%A4%A').toString('base64')}`,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });

  it('with a body over the size limit: 413', async () => {
    const response = await requestToken({ rawBody: `grant_type=client_credentials&pad=${'a'.repeat(10_000)}` });
    expect(response.status).toBe(413);
  });
});

describe('the client secret is stored only as a slow hash', () => {
  it('keeps an scrypt hash that does not contain the secret', async () => {
    const row = await storedClient(client.clientId);
    expect(row.secretHash.startsWith('scrypt$')).toBe(true);
    expect(row.secretHash).not.toContain(client.clientSecret);
    expect(row.previousSecretHash).toBeNull();
    // The secret is not the hash's base64 either: only the derived key and its salt are kept.
    expect(row.secretHash).not.toContain(Buffer.from(client.clientSecret).toString('base64url'));
  });
});

describe('a revoked client', () => {
  it('gets no new token, and its token already issued is refused from the next request on', async () => {
    const revoked = await registerClient(LIVERPOOL, ['requester']);
    const token = expectIssued(await postCredentials(revoked.clientId, revoked.clientSecret));
    const before = await api.graphql<MachineViewer>(viewerQuery(), token);
    expect(before.body.data?.viewer?.isMachineClient).toBe(true);

    expect(
      await platformUpdate(`update api_clients set revoked_at = now() where client_id = '${revoked.clientId}'`),
    ).toBe(1);

    const refused = await postCredentials(revoked.clientId, revoked.clientSecret);
    expectInvalidClient(refused, false);
    expectInvalidClient(await basicCredentials(revoked.clientId, revoked.clientSecret), true);

    const after = await api.graphql(viewerQuery(), token);
    expect(after.status).toBe(401);
    expect(after.body.data ?? null).toBeNull();
    expect(after.headers.get('www-authenticate')).toContain(
      'error_description="the client is unknown or has been revoked"',
    );

    // The other client of the same organisation is untouched.
    expectIssued(await postCredentials(client.clientId, client.clientSecret));
  });
});

describe('a client of a suspended organisation', () => {
  it('gets no token (unauthorized_client), and its token already issued is refused', async () => {
    const slug = 'south-ribble-borough-council';
    const suspended = await registerClient(slug, ['finance']);
    const token = expectIssued(await postCredentials(suspended.clientId, suspended.clientSecret));
    expect(await platformUpdate(`update organisations set lifecycle_status = 'suspended' where slug = '${slug}'`)).toBe(
      1,
    );

    const refused = await postCredentials(suspended.clientId, suspended.clientSecret);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'unauthorized_client', error_description: 'the organisation is suspended' });

    const after = await api.graphql(viewerQuery(), token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('error_description="the organisation is suspended"');
  });
});

describe('a client whose roles change', () => {
  // A client's token carries the roles it had when issued; the database's roles decide from the
  // next request on (the confirmation reads api_clients.roles in the request's transaction).
  async function setRoles(clientId: string, roles: MembershipRole[]): Promise<void> {
    expect(
      await platformUpdate(`update api_clients set roles = '{${roles.join(',')}}' where client_id = '${clientId}'`),
    ).toBe(1);
  }

  it('acts with its new roles from the next request, whatever its token claims', async () => {
    const changing = await registerClient(LIVERPOOL, ['requester']);
    const token = expectIssued(await postCredentials(changing.clientId, changing.clientSecret));
    await setRoles(changing.clientId, ['finance']);
    const response = await api.graphql<MachineViewer>(viewerQuery(), token);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer?.roles).toEqual(['FINANCE']);
  });

  it('loses partnership-wide visibility from the next request when platform admin is withdrawn', async () => {
    const operator = 'shared-services-platform';
    const admin = await registerClient(operator, ['platform_admin']);
    const token = expectIssued(await postCredentials(admin.clientId, admin.clientSecret));
    expect(decodeJwt(token).roles).toEqual(['platform_admin']);

    type Slugs = { organisations: { nodes: { slug: string }[] } };
    const before = await api.graphql<Slugs>(organisationsQuery({ first: 100 }), token);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.organisations.nodes.length).toBeGreaterThan(1);

    await setRoles(admin.clientId, ['requester']);

    // Either refused outright or confined to its own organisation; never every tenant's rows.
    const viewer = await api.graphql<MachineViewer>(viewerQuery(), token);
    expect(viewer.body.data?.viewer?.roles ?? []).not.toContain('PLATFORM_ADMIN');
    const after = await api.graphql<Slugs>(organisationsQuery({ first: 100 }), token);
    const seen = after.body.data?.organisations.nodes.map((node) => node.slug) ?? [];
    expect(seen.filter((slug) => slug !== operator)).toEqual([]);
  });
});

describe('secret rotation', () => {
  /** Gives a client a new secret, keeping the old hash valid until `previousExpiry` (SQL). */
  async function rotateSecret(clientId: string, newSecret: string, previousExpiry: string): Promise<void> {
    const newHash = await hashSecret(newSecret);
    const changed = await platformUpdate(
      `update api_clients set previous_secret_hash = secret_hash, secret_hash = '${newHash}',
         previous_secret_expires_at = ${previousExpiry} where client_id = '${clientId}'`,
    );
    expect(changed).toBe(1);
  }

  it('accepts the old and the new secret while the old one has not expired', async () => {
    const rotating = await registerClient(LIVERPOOL, ['service_agent']);
    await rotateSecret(rotating.clientId, 'the-new-secret-1', `now() + interval '1 hour'`);

    expectIssued(await postCredentials(rotating.clientId, rotating.clientSecret));
    expectIssued(await basicCredentials(rotating.clientId, rotating.clientSecret));
    expectIssued(await postCredentials(rotating.clientId, 'the-new-secret-1'));
    expectIssued(await basicCredentials(rotating.clientId, 'the-new-secret-1'));
    expectInvalidClient(await postCredentials(rotating.clientId, 'neither-secret'), false);
  });

  it('refuses the old secret once its grace period has passed, and still accepts the new one', async () => {
    const rotating = await registerClient(LIVERPOOL, ['service_agent']);
    await rotateSecret(rotating.clientId, 'the-new-secret-2', `now() - interval '1 minute'`);

    expectInvalidClient(await postCredentials(rotating.clientId, rotating.clientSecret), false);
    expectInvalidClient(await basicCredentials(rotating.clientId, rotating.clientSecret), true);
    expectIssued(await postCredentials(rotating.clientId, 'the-new-secret-2'));
  });
});
