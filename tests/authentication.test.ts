import { CLOCK_TOLERANCE_SECONDS, JWKS_CACHE_SECONDS, type SigningKey, TokenIssuer } from '@ssp/core';
import {
  base64url,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  schemaQueryTypeQuery,
  schemaThroughFragmentQuery,
  typeByNameQuery,
  typenameQuery,
  unpagedOrganisationIdsQuery,
} from './support/queries/document-queries.ts';
import { viewerQuery } from './support/queries/organisation-queries.ts';
import { type GraphqlResponse, type Operation, startTestApp, type TestApp } from './support/test-app.ts';

// Bearer tokens at POST /graphql: what is refused, with which status and which stated reason,
// and what is still accepted (clock tolerance, rotated keys). Tokens are hand-built with jose so
// that each one differs from a good token in exactly the property under test.

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const LANCASHIRE = 'lancashire-county-council';
const PLATFORM_OPERATOR = 'shared-services-platform';

interface Viewer {
  viewer: {
    subject: string;
    issuer: string;
    isMachineClient: boolean;
    roles: string[];
    organisation: { slug: string };
  } | null;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** POSTs an operation with exactly this Authorization header (or none), over real HTTP. */
async function postGraphql<Data = Record<string, unknown>>(
  authorization: string | undefined,
  operation: Operation = viewerQuery(),
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify(operation),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphqlResponse<Data>['body'],
  };
}

const asBearer = (token: string) => postGraphql<Viewer>(`Bearer ${token}`);

/** The claims of a good token from our own issuer; each test overrides one of them. */
function goodClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return {
    iss: api.app.config.tokenIssuer,
    aud: api.app.config.tokenAudience,
    sub: 'test:hand-built',
    org: api.organisationId(LANCASHIRE),
    roles: ['requester'],
    iat: now,
    nbf: now,
    exp: now + 300,
    ...overrides,
  };
}

/** Signs claims with the app's current signing key (the real private key), under its kid. */
async function signWithServerKey(
  claims: JWTPayload,
  header: Partial<JWTHeaderParameters> = {},
  key: SigningKey = api.keys.signingKey(),
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt', ...header })
    .sign(privateKey);
}

/** The reason the server gave in `WWW-Authenticate: Bearer ... error_description="..."`. */
function challenge(headers: Headers): { scheme: string; error?: string; description?: string } {
  const header = headers.get('www-authenticate') ?? '';
  return {
    scheme: header.split(' ')[0] ?? '',
    error: /error="([^"]*)"/.exec(header)?.[1],
    description: /error_description="([^"]*)"/.exec(header)?.[1],
  };
}

/** A refused token: the status, the RFC 6750 challenge with its reason, and no data at all. */
function expectRefused<Data>(
  response: GraphqlResponse<Data>,
  reason: string,
  { status = 401, error = 'invalid_token' }: { status?: number; error?: string } = {},
): void {
  expect(response.status).toBe(status);
  expect(challenge(response.headers)).toEqual({ scheme: 'Bearer', error, description: reason });
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // The body says the same (the header form only drops the quotes a quoted-string cannot hold).
  expect(response.body.errors?.[0]?.message?.replace(/"/g, '')).toBe(`Unauthenticated: ${reason}`);
}

function expectAccepted(response: GraphqlResponse<Viewer>, slug = LANCASHIRE): void {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(response.body.data?.viewer?.organisation.slug).toBe(slug);
}

/** An unsigned token (`alg: none`), built by hand: jose will not make one. */
function unsignedToken(claims: JWTPayload): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

describe('a well-formed token from our issuer', () => {
  it('is accepted when built by hand with the server key (so the refusals below are about one property each)', async () => {
    const response = await asBearer(await signWithServerKey(goodClaims()));
    expectAccepted(response);
    expect(response.body.data?.viewer).toMatchObject({
      subject: 'test:hand-built',
      issuer: api.app.config.tokenIssuer,
      isMachineClient: false,
      roles: ['REQUESTER'],
    });
  });
});

describe('token lifetime (exp and nbf, with a 30 s clock tolerance)', () => {
  it('the tolerance the tests rely on is 30 seconds', () => {
    expect(CLOCK_TOLERANCE_SECONDS).toBe(30);
  });

  it('refuses a token that expired beyond the tolerance', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ iat: now - 600, nbf: now - 600, exp: now - 60 }));
    expectRefused(await asBearer(token), 'the token has expired');
  });

  it('still accepts a token that expired 10 s ago, within the tolerance', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ iat: now - 600, nbf: now - 600, exp: now - 10 }));
    expectAccepted(await asBearer(token));
  });

  it('refuses a token that is not valid until beyond the tolerance', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ nbf: now + 120, exp: now + 600 }));
    expectRefused(await asBearer(token), 'the token is not valid yet');
  });

  it('refuses a token without an expiry', async () => {
    const token = await signWithServerKey(goodClaims({ exp: undefined }));
    expectRefused(await asBearer(token), 'the token claim exp is missing or invalid');
  });
});

describe('issuer and audience', () => {
  it('refuses a token from an issuer it does not know, even when signed with our own key', async () => {
    const token = await signWithServerKey(goodClaims({ iss: 'https://attacker.example/' }));
    expectRefused(await asBearer(token), 'the token issuer is not trusted');
  });

  it('refuses a token meant for another API', async () => {
    const token = await signWithServerKey(goodClaims({ aud: 'some-other-api' }));
    expectRefused(await asBearer(token), 'the token is not meant for this API (audience)');
  });
});

describe('signing key and algorithm', () => {
  it('refuses a token signed under a kid the JWKS does not publish', async () => {
    const token = await signWithServerKey(goodClaims(), { kid: 'not-a-published-kid' });
    expectRefused(await asBearer(token), 'the token signing key is unknown');
  });

  it('refuses a token signed with a different key under a published kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(goodClaims())
      .setProtectedHeader({ alg: 'ES256', kid: api.keys.signingKey().kid, typ: 'at+jwt' })
      .sign(privateKey);
    expectRefused(await asBearer(token), 'the token signature does not verify');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    expectRefused(await asBearer(unsignedToken(goodClaims())), 'the signing algorithm none is not accepted');
  });

  it('refuses an unsigned token claiming any other issuer too', async () => {
    const token = unsignedToken(goodClaims({ iss: 'https://attacker.example/' }));
    expectRefused(await asBearer(token), 'the signing algorithm none is not accepted');
  });

  // Algorithm confusion: a verifier that picks the algorithm from the token header would check
  // an HMAC against the public key's bytes, which anyone can fetch from the JWKS.
  describe('HS256 keyed with our public key (algorithm confusion)', () => {
    async function publishedJwk(): Promise<JWK> {
      const response = await fetch(`${api.url}/.well-known/jwks.json`);
      expect(response.status).toBe(200);
      const jwks = (await response.json()) as { keys: JWK[] };
      const jwk = jwks.keys.find((key) => key.kid === api.keys.signingKey().kid);
      if (!jwk) throw new Error('the current signing key is not in the published JWKS');
      expect(jwk.d).toBeUndefined(); // and the JWKS never carries the private part
      return jwk;
    }

    async function hmacToken(secret: Uint8Array, kid: string): Promise<string> {
      return new SignJWT(goodClaims()).setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' }).sign(secret);
    }

    it('refuses an HMAC keyed with the JWK serialisation', async () => {
      const jwk = await publishedJwk();
      const token = await hmacToken(new TextEncoder().encode(JSON.stringify(jwk)), jwk.kid!);
      expectRefused(await asBearer(token), 'the signing algorithm HS256 is not accepted');
    });

    it('refuses an HMAC keyed with the PEM (SPKI) form of the same key', async () => {
      const jwk = await publishedJwk();
      const pem = await exportSPKI((await importJWK(jwk, 'ES256', { extractable: true })) as CryptoKey);
      const token = await hmacToken(new TextEncoder().encode(pem), jwk.kid!);
      expectRefused(await asBearer(token), 'the signing algorithm HS256 is not accepted');
    });

    it('refuses such a token under an external issuer name too (no IdP trusts it)', async () => {
      const jwk = await publishedJwk();
      const token = await new SignJWT(goodClaims({ iss: 'https://attacker.example/' }))
        .setProtectedHeader({ alg: 'HS256', kid: jwk.kid! })
        .sign(new TextEncoder().encode(JSON.stringify(jwk)));
      expectRefused(await asBearer(token), 'the signing algorithm HS256 is not accepted');
    });
  });

  it('refuses a token from our issuer with another asymmetric algorithm than ES256', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(goodClaims())
      .setProtectedHeader({ alg: 'RS256', kid: api.keys.signingKey().kid })
      .sign(privateKey);
    expectRefused(await asBearer(token), 'the signing algorithm RS256 is not accepted');
  });
});

describe('claims our tokens must carry', () => {
  it('refuses a token naming no organisation', async () => {
    expectRefused(
      await asBearer(await signWithServerKey(goodClaims({ org: 'lancashire' }))),
      'the token names no organisation',
    );
  });

  it('refuses a token with a role that does not exist', async () => {
    const token = await signWithServerKey(goodClaims({ roles: ['requester', 'superuser'] }));
    expectRefused(await asBearer(token), 'the token carries unknown roles');
  });

  it('refuses a token for an organisation that does not exist', async () => {
    const token = await signWithServerKey(goodClaims({ org: '00000000-0000-4000-8000-000000000000' }));
    expectRefused(await asBearer(token), 'the organisation of this token is unknown');
  });
});

describe('a malformed Authorization header', () => {
  // The header is not a bearer token at all: a bad request (RFC 6750 invalid_request, 400).
  const HEADER_REASON = 'the Authorization header must be Bearer <token>';

  it.each([
    ['another scheme', 'Basic x'],
    ['the scheme alone', 'Bearer'],
    ['characters no token has', 'Bearer not a token!'],
    ['two tokens', 'Bearer a.b.c d.e.f'],
  ])('is a 400 for %s', async (_label, header) => {
    expectRefused(await postGraphql(header), HEADER_REASON, { status: 400, error: 'invalid_request' });
  });

  it('is a 401 for a bearer token that is not a JWT', async () => {
    expectRefused(await postGraphql('Bearer garbage'), 'the token is not a well-formed JWT');
    expectRefused(await postGraphql('Bearer aaa.bbb.ccc'), 'the token is not a well-formed JWT');
  });
});

describe('the organisation behind a token must be live', () => {
  /** Sets an organisation's lifecycle status on the audited platform path. */
  async function setLifecycleStatus(slug: string, status: string): Promise<void> {
    const updated = await api.app.database.inPlatformTransaction(
      { actor: 'authentication-test', reason: `set ${slug} ${status}` },
      async (tx) =>
        (
          (await tx.execute(
            `update organisations set lifecycle_status = '${status}' where slug = '${slug}' returning id`,
          )) as unknown as { rows: unknown[] }
        ).rows,
    );
    expect(updated).toHaveLength(1);
  }

  it('refuses a token of a suspended organisation from the next request on', async () => {
    const slug = 'south-ribble-borough-council';
    const token = await api.tokenFor(slug, ['tenant_admin']);
    expectAccepted(await asBearer(token), slug);

    await setLifecycleStatus(slug, 'suspended');
    expectRefused(await asBearer(token), 'the organisation is suspended');
    // A fresh token changes nothing: it is the organisation that is refused, not the token.
    expectRefused(await asBearer(await api.tokenFor(slug, ['requester'])), 'the organisation is suspended');

    await setLifecycleStatus(slug, 'active');
    expectAccepted(await asBearer(token), slug);
  });

  it('refuses a token of an offboarded organisation', async () => {
    const slug = 'west-lancashire-borough-council';
    const token = await api.tokenFor(slug, ['requester']);
    expectAccepted(await asBearer(token), slug);
    await setLifecycleStatus(slug, 'offboarded');
    expectRefused(await asBearer(token), 'the organisation has been offboarded');
  });
});

describe('the platform admin role', () => {
  it('is honoured for the platform operator', async () => {
    const response = await asBearer(await api.tokenFor(PLATFORM_OPERATOR, ['platform_admin']));
    expectAccepted(response, PLATFORM_OPERATOR);
    expect(response.body.data?.viewer?.roles).toEqual(['PLATFORM_ADMIN']);
  });

  it('is refused for any other organisation, even in a token we signed', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['platform_admin']);
    expectRefused(await asBearer(token), 'the platform admin role is held only by members of the platform operator');
    // Mixed with an ordinary role it is refused too, not silently dropped.
    const mixed = await api.tokenFor(LANCASHIRE, ['tenant_admin', 'platform_admin']);
    expectRefused(await asBearer(mixed), 'the platform admin role is held only by members of the platform operator');
  });
});

describe('anonymous requests (no Authorization header)', () => {
  it('may ask what the schema is', async () => {
    const response = await postGraphql(undefined, typenameQuery());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('get a null viewer', async () => {
    const response = await postGraphql<Viewer>(undefined);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.viewer).toBeNull();
  });

  it('get an error and no data for tenant data', async () => {
    const response = await postGraphql(undefined, unpagedOrganisationIdsQuery());
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(response.body.data ?? null).toBeNull();
  });
});

describe('token lifetime limits (issue 11: exp ten years ahead was accepted)', () => {
  const max = () => api.app.config.tokenMaxLifetimeSeconds;

  it('the maximum lifetime the tests rely on is the default day', () => {
    expect(max()).toBe(86_400);
  });

  it('refuses a token that expires ten years after it was issued', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ exp: now + 10 * 365 * 86_400 }));
    expectRefused(await asBearer(token), `the token lifetime is longer than the maximum of ${max()} seconds`);
  });

  it('refuses a token living one second longer than the maximum, and accepts one at the maximum', async () => {
    const now = nowSeconds();
    const over = await signWithServerKey(goodClaims({ iat: now, nbf: now, exp: now + max() + 1 }));
    expectRefused(await asBearer(over), `the token lifetime is longer than the maximum of ${max()} seconds`);
    const at = await signWithServerKey(goodClaims({ iat: now, nbf: now, exp: now + max() }));
    expectAccepted(await asBearer(at));
  });

  it('refuses a token issued longer ago than the maximum lifetime, even if its exp is near', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(
      goodClaims({ iat: now - max() - 120, nbf: now - max() - 120, exp: now + 60 }),
    );
    expectRefused(await asBearer(token), 'the token was issued too long ago');
  });

  it('refuses a token issued in the future beyond the clock tolerance', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ iat: now + 120, nbf: now, exp: now + 300 }));
    expectRefused(await asBearer(token), 'the token was issued in the future');
  });

  it('accepts an iat a little ahead, within the clock tolerance', async () => {
    const now = nowSeconds();
    const token = await signWithServerKey(goodClaims({ iat: now + 10, nbf: now, exp: now + 300 }));
    expectAccepted(await asBearer(token));
  });

  it('refuses a token without iat', async () => {
    const token = await signWithServerKey(goodClaims({ iat: undefined }));
    expectRefused(await asBearer(token), 'the token claim iat is missing or invalid');
  });
});

describe('token type (typ): our tokens are at+jwt access tokens (RFC 9068)', () => {
  it('our issuer sets it', async () => {
    expect(decodeProtectedHeader(await api.tokenFor(LANCASHIRE, ['requester'])).typ).toBe('at+jwt');
  });

  it.each([
    ['no typ', undefined],
    ['typ JWT', 'JWT'],
    ['an ID token', 'id_token+jwt'],
    ['a DPoP proof', 'dpop+jwt'],
  ])('refuses a token of ours with %s', async (_case, typ) => {
    const token = await signWithServerKey(goodClaims(), { typ });
    expectRefused(await asBearer(token), `the token type ${String(typ)} is not an access token of this API`);
  });

  it('accepts the media-type spelling application/at+jwt', async () => {
    expectAccepted(await asBearer(await signWithServerKey(goodClaims(), { typ: 'application/at+jwt' })));
  });
});

describe('introspection needs a token, in every mode', () => {
  const introspection = schemaQueryTypeQuery();

  it('is a 401 with a Bearer challenge without one, and sends no SQL', async () => {
    const before = api.app.database.statements.count;
    const response = await postGraphql(undefined, introspection);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="shared-services"');
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(api.app.database.statements.count).toBe(before);
  });

  it('is refused inside a fragment too', async () => {
    const viaFragment = await postGraphql(undefined, schemaThroughFragmentQuery());
    expect(viaFragment.status).toBe(401);
  });

  // __type(name:) stays open: the GraphQL-over-HTTP audits send it anonymously (see that test).
  it('leaves __type(name:) answerable, as the GraphQL-over-HTTP audits need', async () => {
    const byType = await postGraphql(undefined, typeByNameQuery('NoSuchType'));
    expect(byType.status).toBe(200);
    expect(byType.body).toEqual({ data: { __type: null } });
  });

  it('answers with a token', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['requester']);
    const response = await postGraphql<{ __schema: { queryType: { name: string } } }>(`Bearer ${token}`, introspection);
    expect(response.status).toBe(200);
    expect(response.body.data?.__schema.queryType.name).toBe('Query');
  });
});

// Runs last: it adds a key to the app's own store, which the tests above sign with.
describe('signing key rotation', () => {
  it('publishes the new key at once, keeps signing with the old one until signFrom, and accepts both', async () => {
    const oldKid = api.keys.signingKey().kid;
    const rotatedAt = new Date();
    const next = await api.keys.rotate(
      { jwksCacheSeconds: JWKS_CACHE_SECONDS, tokenTtlSeconds: api.app.config.tokenTtlSeconds },
      rotatedAt,
    );
    expect(next.kid).not.toBe(oldKid);
    expect(new Date(next.signFrom).getTime()).toBe(rotatedAt.getTime() + JWKS_CACHE_SECONDS * 1000);

    // Verifiers see the new key before anything is signed with it, and the old one still.
    const jwks = (await (await fetch(`${api.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    expect(jwks.keys.map((key) => key.kid).sort()).toEqual([oldKid, next.kid].sort());

    // Before signFrom the app's own issuer still signs with the old key, and that token works.
    const beforeSignFrom = new TokenIssuer({
      keys: api.keys,
      issuer: api.app.config.tokenIssuer,
      audience: api.app.config.tokenAudience,
      ttlSeconds: api.app.config.tokenTtlSeconds,
      now: () => new Date(new Date(next.signFrom).getTime() - 1000),
    });
    const fromIssuer = await api.tokenFor(LANCASHIRE, ['finance']);
    expect(decodeProtectedHeader(fromIssuer).kid).toBe(oldKid);
    expectAccepted(await asBearer(fromIssuer));
    const justBefore = await beforeSignFrom.issue({
      subject: 'test:rotation',
      organisationId: api.organisationId(LANCASHIRE),
      roles: ['finance'],
    });
    expect(decodeProtectedHeader(justBefore.accessToken).kid).toBe(oldKid);

    // From signFrom on, tokens carry the new kid.
    const afterSignFrom = new TokenIssuer({
      keys: api.keys,
      issuer: api.app.config.tokenIssuer,
      audience: api.app.config.tokenAudience,
      ttlSeconds: api.app.config.tokenTtlSeconds,
      now: () => new Date(next.signFrom),
    });
    const later = await afterSignFrom.issue({
      subject: 'test:rotation',
      organisationId: api.organisationId(LANCASHIRE),
      roles: ['finance'],
    });
    expect(decodeProtectedHeader(later.accessToken).kid).toBe(next.kid);

    // And the server verifies the new key already (a token signed with it, valid now).
    expectAccepted(await asBearer(await signWithServerKey(goodClaims(), {}, next)));
  });
});

// Runs after the rotation above: the new key is published and signs from its signFrom.
describe('our public keys are imported once per key, not once per token (issue 12 point 3)', () => {
  it('verifying many tokens under one key imports nothing more; a newly published key is imported once', async () => {
    const verifier = api.app.verifier;
    const current = api.keys.signingKey();
    expectAccepted(await asBearer(await signWithServerKey(goodClaims(), {}, current)));
    const imports = verifier.ownKeyImports;
    for (let index = 0; index < 10; index += 1) {
      expectAccepted(await asBearer(await signWithServerKey(goodClaims({ sub: `test:cached-${index}` }), {}, current)));
    }
    expect(verifier.ownKeyImports).toBe(imports);

    // A key published now is accepted at once (the verifier reads the published set each time)...
    const next = await api.keys.rotate(
      { jwksCacheSeconds: JWKS_CACHE_SECONDS, tokenTtlSeconds: api.app.config.tokenTtlSeconds },
      new Date(),
    );
    expectAccepted(await asBearer(await signWithServerKey(goodClaims(), {}, next)));
    expectAccepted(await asBearer(await signWithServerKey(goodClaims({ sub: 'test:again' }), {}, next)));
    expect(verifier.ownKeyImports).toBe(imports + 1);
    // ...and the one it replaces still verifies until it retires.
    expectAccepted(await asBearer(await signWithServerKey(goodClaims(), {}, current)));
    expect(verifier.ownKeyImports).toBe(imports + 1);
  });
});
