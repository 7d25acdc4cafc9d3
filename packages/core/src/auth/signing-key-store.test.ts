import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNING_ALGORITHM, type SigningKey, SigningKeyStore } from './signing-key-store.ts';

// The platform's rotating signing keys. Every time is passed in explicitly, so each rule is
// checked at the instants either side of its boundary.

const TIMINGS = { jwksCacheSeconds: 300, tokenTtlSeconds: 900 };
const T0 = new Date('2026-03-01T09:00:00.000Z');

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const kids = (store: SigningKeyStore, now: Date) => store.publicJwks(now).keys.map((key) => key.kid);

const folders: string[] = [];
function tempFile(name = 'signing-keys.json'): string {
  const folder = mkdtempSync(join(tmpdir(), 'ssp-keys-'));
  folders.push(folder);
  return join(folder, name);
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Signs with a key's private half and verifies against the store's published JWKS. */
async function signsAndVerifies(key: SigningKey, store: SigningKeyStore, now: Date): Promise<boolean> {
  const token = await new SignJWT({ sub: 'x' })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid })
    .sign(await importJWK(key.privateJwk, SIGNING_ALGORITHM));
  try {
    await jwtVerify(token, createLocalJWKSet(store.publicJwks(now)), { algorithms: [SIGNING_ALGORITHM] });
    return true;
  } catch {
    return false;
  }
}

describe('a new store', () => {
  it('has one ES256 key, usable at once and published without its private part', async () => {
    const store = await SigningKeyStore.createInMemory(T0);
    const key = store.signingKey(T0);
    expect(key.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.kid, use: 'sig' });
    expect(store.publicJwks(T0).keys).toEqual([key.publicJwk]);
    expect(key.publicJwk.d).toBeUndefined();
    expect(await signsAndVerifies(key, store, T0)).toBe(true);
  });

  it('has no key to sign with before its first key was made', async () => {
    const store = await SigningKeyStore.createInMemory(T0);
    expect(() => store.signingKey(at(T0, -1))).toThrow('No signing key is usable yet');
  });
});

describe('rotation', () => {
  it('publishes the new key at once but keeps signing with the old one until signFrom', async () => {
    const store = await SigningKeyStore.createInMemory(T0);
    const old = store.signingKey(T0);
    const rotatedAt = at(T0, 60);
    const next = await store.rotate(TIMINGS, rotatedAt);

    expect(next.kid).not.toBe(old.kid);
    expect(next.signFrom).toBe(at(rotatedAt, TIMINGS.jwksCacheSeconds).toISOString());
    // Verifiers can fetch the new key before any token carries it.
    expect(kids(store, rotatedAt)).toEqual([old.kid, next.kid]);
    expect(await signsAndVerifies(next, store, rotatedAt)).toBe(true);

    expect(store.signingKey(rotatedAt).kid).toBe(old.kid);
    expect(store.signingKey(new Date(new Date(next.signFrom).getTime() - 1)).kid).toBe(old.kid);
    expect(store.signingKey(new Date(next.signFrom)).kid).toBe(next.kid);
  });

  it('keeps the old key published until its last token has expired, then drops it', async () => {
    const store = await SigningKeyStore.createInMemory(T0);
    const old = store.signingKey(T0);
    const next = await store.rotate(TIMINGS, T0);
    const signFrom = new Date(next.signFrom);
    // The last token the old key signs is issued just before signFrom and lives tokenTtlSeconds.
    const lastOldTokenExpires = at(signFrom, TIMINGS.tokenTtlSeconds);

    expect(kids(store, at(lastOldTokenExpires, -1))).toEqual([old.kid, next.kid]);
    expect(await signsAndVerifies(old, store, at(lastOldTokenExpires, -1))).toBe(true);

    expect(kids(store, lastOldTokenExpires)).toEqual([next.kid]);
    expect(await signsAndVerifies(old, store, lastOldTokenExpires)).toBe(false);
    expect(store.signingKey(lastOldTokenExpires).kid).toBe(next.kid);
  });

  it('a second rotation retires the previous new key and leaves the first one on its schedule', async () => {
    const store = await SigningKeyStore.createInMemory(T0);
    const first = store.signingKey(T0);
    const second = await store.rotate(TIMINGS, T0);
    const third = await store.rotate(TIMINGS, at(T0, 600));

    expect(kids(store, at(T0, 600))).toEqual([first.kid, second.kid, third.kid]);
    expect(store.signingKey(at(T0, 600)).kid).toBe(second.kid);
    expect(store.signingKey(new Date(third.signFrom)).kid).toBe(third.kid);
    // first: retired 300 + 900 s after T0; second: 900 s after third's signFrom.
    expect(kids(store, at(T0, 1200))).toEqual([second.kid, third.kid]);
    expect(kids(store, at(new Date(third.signFrom), TIMINGS.tokenTtlSeconds))).toEqual([third.kid]);
  });

  it('forgets keys already retired when it rotates again', async () => {
    const file = tempFile();
    const store = await SigningKeyStore.openFile(file, T0);
    const first = store.signingKey(T0);
    await store.rotate(TIMINGS, T0);
    await store.rotate(TIMINGS, at(T0, 5000));
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKey[] };
    expect(stored.keys.map((key) => key.kid)).not.toContain(first.kid);
    expect(stored.keys).toHaveLength(2);
  });
});

describe('the key file', () => {
  it('is created with owner-only permissions (0600), in a folder made on demand', async () => {
    const file = join(tempFile('unused'), '..', 'nested', 'deeper', 'signing-keys.json');
    const store = await SigningKeyStore.openFile(file, T0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKey[] };
    expect(stored.keys.map((key) => key.kid)).toEqual([store.signingKey(T0).kid]);
    expect(stored.keys[0]?.privateJwk.d).toEqual(expect.any(String));
  });

  it('gives the same key when reopened, and that key still verifies its own signatures', async () => {
    const file = tempFile();
    const first = await SigningKeyStore.openFile(file, T0);
    const reopened = await SigningKeyStore.openFile(file, at(T0, 3600));
    expect(reopened.signingKey(T0).kid).toBe(first.signingKey(T0).kid);
    expect(reopened.publicJwks(T0)).toEqual(first.publicJwks(T0));
    expect(await signsAndVerifies(reopened.signingKey(T0), first, T0)).toBe(true);
  });

  it('keeps a rotation: reopened, the store publishes and signs as the rotated one did', async () => {
    const file = tempFile();
    const store = await SigningKeyStore.openFile(file, T0);
    const old = store.signingKey(T0);
    const next = await store.rotate(TIMINGS, at(T0, 10));
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const reopened = await SigningKeyStore.openFile(file, at(T0, 20));
    expect(kids(reopened, at(T0, 20))).toEqual([old.kid, next.kid]);
    expect(reopened.signingKey(at(T0, 20)).kid).toBe(old.kid);
    expect(reopened.signingKey(new Date(next.signFrom)).kid).toBe(next.kid);
    expect(kids(reopened, at(new Date(next.signFrom), TIMINGS.tokenTtlSeconds))).toEqual([next.kid]);
  });
});
