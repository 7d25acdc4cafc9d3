import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MembershipRole } from '@ssp/core';
import { tables } from '@ssp/schema';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerQuery } from './support/queries/organisation-queries.ts';
import { type GraphqlResponse, startTestApp, type TestApp } from './support/test-app.ts';

// An organisation's own identity provider (a council's single sign-on): its tokens are verified
// against the JWKS it publishes, trusted for that organisation only, and the caller's roles come
// from the member's membership row, never from the token.

const LIVERPOOL = 'liverpool-city-council';
const IDP_ISSUER = 'https://idp.liverpool.test/';
const IDP_AUDIENCE = 'shared-services-api';
const IDP_KID = 'liverpool-idp-key-1';

let api: TestApp;
let jwksServer: Server;
let jwksRequests = 0;
let idpPrivateKey: CryptoKey;
let idpPublicJwk: JWK;

/** Serves the identity provider's JWKS on 127.0.0.1 (a free port), as a real IdP would. */
async function startJwksServer(jwks: { keys: JWK[] }): Promise<string> {
  jwksServer = createServer((request, response) => {
    jwksRequests += 1;
    if (request.url !== '/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
}

/** Adds a membership for a person known to an issuer, on the audited platform path. */
function addMembership(
  slug: string,
  subject: string,
  roles: MembershipRole[],
  status: 'invited' | 'active' | 'removed' = 'active',
): Promise<unknown> {
  return api.app.database.inPlatformTransaction({ actor: 'idp-test', reason: 'add a member' }, (tx) =>
    tx.insert(tables.memberships).values({
      tenantId: api.organisationId(slug),
      issuer: IDP_ISSUER,
      subject,
      displayName: subject,
      roles,
      status,
    }),
  );
}

beforeAll(async () => {
  api = await startTestApp();
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  idpPrivateKey = privateKey;
  idpPublicJwk = { ...(await exportJWK(publicKey)), kid: IDP_KID, alg: 'RS256', use: 'sig' };
  const jwksUrl = await startJwksServer({ keys: [idpPublicJwk] });

  await api.app.database.inPlatformTransaction({ actor: 'idp-test', reason: 'register an identity provider' }, (tx) =>
    tx.insert(tables.identityProviders).values({
      organisationId: api.organisationId(LIVERPOOL),
      issuer: IDP_ISSUER,
      jwksUrl,
      audience: IDP_AUDIENCE,
    }),
  );
  await addMembership(LIVERPOOL, 'jane.doe', ['requester']);
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => (jwksServer ? jwksServer.close(() => resolve()) : resolve()));
});

interface Viewer {
  viewer: {
    subject: string;
    issuer: string;
    isMachineClient: boolean;
    roles: string[];
    organisation: { slug: string };
  } | null;
}

/** A token as the IdP would issue it for `subject`; `overrides` change one claim at a time. */
function idpToken(
  subject: string,
  overrides: JWTPayload = {},
  signing: { key?: CryptoKey | Uint8Array; alg?: string; kid?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: IDP_ISSUER, aud: IDP_AUDIENCE, sub: subject, iat: now, exp: now + 300, ...overrides })
    .setProtectedHeader({ alg: signing.alg ?? 'RS256', kid: signing.kid ?? IDP_KID })
    .sign(signing.key ?? idpPrivateKey);
}

const asBearer = (token: string) => api.graphql<Viewer>(viewerQuery(), token);

function expectRefused<Data>(response: GraphqlResponse<Data>, reason: string): void {
  expect(response.status).toBe(401);
  expect(response.body.data ?? null).toBeNull();
  expect(response.headers.get('www-authenticate')).toBe(
    `Bearer realm="shared-services", error="invalid_token", error_description="${reason}"`,
  );
}

describe('a member signed in with their organisation identity provider', () => {
  it('is accepted, acting for that organisation with the roles of their membership', async () => {
    const response = await asBearer(await idpToken('jane.doe'));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer).toEqual({
      subject: 'jane.doe',
      issuer: IDP_ISSUER,
      isMachineClient: false,
      roles: ['REQUESTER'],
      organisation: expect.objectContaining({ slug: LIVERPOOL }),
    });
    // The server fetched the IdP's keys from its JWKS URL.
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('cannot claim roles or another organisation in the token: the membership row decides', async () => {
    const token = await idpToken('jane.doe', {
      roles: ['platform_admin', 'tenant_admin'],
      org: api.organisationId('shared-services-platform'),
    });
    const response = await asBearer(token);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer?.roles).toEqual(['REQUESTER']);
    expect(response.body.data?.viewer?.organisation.slug).toBe(LIVERPOOL);
  });

  it('is refused with an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(
      await asBearer(await idpToken('jane.doe', { iat: now - 900, exp: now - 120 })),
      'the token has expired',
    );
  });

  it('is refused with a token for another audience', async () => {
    expectRefused(
      await asBearer(await idpToken('jane.doe', { aud: 'some-other-app' })),
      'the token is not meant for this API (audience)',
    );
  });
});

describe('membership decides who may act', () => {
  it('refuses a subject with no membership', async () => {
    expectRefused(await asBearer(await idpToken('john.smith')), 'you are not an active member of this organisation');
  });

  it('refuses a removed member', async () => {
    await addMembership(LIVERPOOL, 'removed.person', ['tenant_admin'], 'removed');
    expectRefused(
      await asBearer(await idpToken('removed.person')),
      'you are not an active member of this organisation',
    );
  });

  it('accepts an invited member at their first sign-in, which activates the membership', async () => {
    await addMembership(LIVERPOOL, 'invited.person', ['requester'], 'invited');
    const response = await asBearer(await idpToken('invited.person'));
    expect(response.status).toBe(200);
    const [membership] = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.query.memberships.findMany({ where: { subject: 'invited.person' } }),
    );
    expect(membership?.status).toBe('active');
  });

  it('does not honour a membership of another organisation: the IdP speaks for Liverpool only', async () => {
    await addMembership('lancashire-county-council', 'county.member', ['tenant_admin']);
    expectRefused(await asBearer(await idpToken('county.member')), 'you are not an active member of this organisation');
  });

  it('refuses a membership that holds the platform admin role outside the platform operator', async () => {
    await addMembership(LIVERPOOL, 'would-be.admin', ['platform_admin']);
    expectRefused(
      await asBearer(await idpToken('would-be.admin')),
      'the platform admin role is held only by members of the platform operator',
    );
  });
});

describe('the IdP signature is checked against its own JWKS', () => {
  it('refuses a token signed with a key that is not in the JWKS, under the published kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expectRefused(
      await asBearer(await idpToken('jane.doe', {}, { key: privateKey })),
      'the token signature does not verify',
    );
  });

  it('refuses a token signed with a key that is not in the JWKS, under an unknown kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expectRefused(
      await asBearer(await idpToken('jane.doe', {}, { key: privateKey, kid: 'not-published' })),
      'the token signing key is unknown',
    );
  });

  it('refuses an HS256 token claiming the IdP issuer, keyed with its public key', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(idpPublicJwk));
    expectRefused(
      await asBearer(await idpToken('jane.doe', {}, { key: secret, alg: 'HS256' })),
      'the signing algorithm HS256 is not accepted',
    );
  });
});

describe('an issuer no organisation registered', () => {
  it('is not trusted, whatever key it signs with', async () => {
    const token = await idpToken('jane.doe', { iss: 'https://idp.unknown.test/' });
    expectRefused(await asBearer(token), 'the token issuer is not trusted');
  });

  it('is not trusted when it differs from a registered one only by a trailing slash', async () => {
    const token = await idpToken('jane.doe', { iss: IDP_ISSUER.replace(/\/$/, '') });
    expectRefused(await asBearer(token), 'the token issuer is not trusted');
  });
});
