import { errors, importJWK, type JWK, type JWTHeaderParameters } from 'jose';
import { sameKeyMaterial } from './verified-token-cache.ts';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * Our public keys, imported once per key id rather than once per token (importing an EC key is
 * most of what a verify costs). The published set is asked on every lookup, so a key the store
 * publishes is usable at once and a key it retires is refused at once: only the import is cached.
 */
export class VerificationKeyCache {
  #imports = 0;
  readonly #byKid = new Map<string, { jwk: JWK; key: Promise<VerificationKey> }>();

  constructor(private readonly published: () => { keys: JWK[] }) {}

  /** How many keys have been imported since the cache was made. */
  get imports(): number {
    return this.#imports;
  }

  /** The published public key with this id, if any. */
  publishedKey(kid: string): JWK | undefined {
    return this.published().keys.find((candidate) => candidate.kid === kid);
  }

  /** The key a token's header names; jose's "no matching key" when it is not published. */
  key(header: JWTHeaderParameters): Promise<VerificationKey> {
    const { keys } = this.published();
    const jwk = header.kid === undefined ? undefined : keys.find((candidate) => candidate.kid === header.kid);
    if (!jwk || !header.kid || (jwk.alg !== undefined && jwk.alg !== header.alg)) {
      throw new errors.JWKSNoMatchingKey();
    }
    const cached = this.#byKid.get(header.kid);
    if (cached && (cached.jwk === jwk || sameKeyMaterial(cached.jwk, jwk))) return cached.key;

    for (const kid of this.#byKid.keys()) {
      if (!keys.some((candidate) => candidate.kid === kid)) this.#byKid.delete(kid);
    }
    const kid = header.kid;
    const key = importJWK(jwk, header.alg);
    this.#imports += 1;
    this.#byKid.set(kid, { jwk, key });
    // A key that failed to import is not kept: the next token tries again.
    key.catch(() => {
      if (this.#byKid.get(kid)?.key === key) this.#byKid.delete(kid);
    });
    return key;
  }
}
