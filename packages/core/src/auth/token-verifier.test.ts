import { describe, expect, it } from 'vitest';
import { AuthenticationError } from './authentication-error.ts';
import { SigningKeyStore } from './signing-key-store.ts';
import { TokenIssuer } from './token-issuer.ts';
import { CLOCK_TOLERANCE_SECONDS, TokenVerifier } from './token-verifier.ts';

// A token of our own issuer is verified in full once; the verifier then remembers it, and a
// later request with the same token is accepted without a second ECDSA verify only while the
// full verify would still accept it.

const ISSUER = 'https://issuer.test/';
const AUDIENCE = 'https://api.test/';
const ORGANISATION = '7c1b2f4e-3d5a-4b6c-8d9e-0f1a2b3c4d5e';
const T0 = new Date('2026-06-01T09:00:00.000Z');

async function setUp(ttlSeconds = 900) {
  let now = T0;
  const keys = await SigningKeyStore.createInMemory(T0);
  const clock = () => now;
  const issuer = new TokenIssuer({ keys, issuer: ISSUER, audience: AUDIENCE, ttlSeconds, now: clock });
  const verifier = new TokenVerifier({
    keys,
    issuer: ISSUER,
    audience: AUDIENCE,
    findIdentityProvider: async () => null,
    now: clock,
  });
  const token = async (subject = 'test:cache') =>
    (await issuer.issue({ subject, organisationId: ORGANISATION, roles: ['finance'] })).accessToken;
  return { keys, verifier, token, setNow: (at: Date) => (now = at) };
}

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("the verifier's memory of our own tokens", () => {
  it('accepts a token it verified before without verifying it again, with the same principal', async () => {
    const { verifier, token } = await setUp();
    const bearer = await token();
    const first = await verifier.verify(bearer);
    expect(verifier.ownTokenCacheHits).toBe(0);
    const second = await verifier.verify(bearer);
    expect(verifier.ownTokenCacheHits).toBe(1);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ kind: 'user', subject: 'test:cache', organisationId: ORGANISATION });
  });

  it('refuses a remembered token once it has expired, at the second the full verify would', async () => {
    const { verifier, token, setNow } = await setUp();
    const bearer = await token();
    await verifier.verify(bearer);
    // Issued at T0 for 900 s: accepted through exp + tolerance - 1, refused from exp + tolerance.
    setNow(at(900 + CLOCK_TOLERANCE_SECONDS - 1));
    await expect(verifier.verify(bearer)).resolves.toMatchObject({ subject: 'test:cache' });
    setNow(at(900 + CLOCK_TOLERANCE_SECONDS));
    await expect(verifier.verify(bearer)).rejects.toThrow(new AuthenticationError('the token has expired'));
  });

  it('refuses a remembered token once the key that signed it is no longer published', async () => {
    // An hour's token, and a rotation that retires its key after a minute's overlap: the token is
    // still within its expiry when its key goes.
    const { keys, verifier, token, setNow } = await setUp(3_600);
    const bearer = await token();
    await verifier.verify(bearer);
    const next = await keys.rotate({ jwksCacheSeconds: 300, tokenTtlSeconds: 60 }, T0);
    const retired = new Date(new Date(next.signFrom).getTime() + 60_000);
    setNow(new Date(retired.getTime() - 1000));
    await expect(verifier.verify(bearer)).resolves.toMatchObject({ subject: 'test:cache' });
    expect(verifier.ownTokenCacheHits).toBe(1);
    setNow(retired);
    expect(keys.publicJwks(retired).keys.map((key) => key.kid)).toEqual([next.kid]);
    await expect(verifier.verify(bearer)).rejects.toThrow(new AuthenticationError('the token signing key is unknown'));
  });

  it('takes a token differing in one byte of its signature for another token, and refuses it', async () => {
    const { verifier, token } = await setUp();
    const bearer = await token();
    await verifier.verify(bearer);
    const last = bearer.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${bearer.slice(0, -2)}${last}${bearer.at(-1)}`;
    await expect(verifier.verify(tampered)).rejects.toThrow(AuthenticationError);
    expect(verifier.ownTokenCacheHits).toBe(0);
  });
});
