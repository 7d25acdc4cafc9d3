import type { JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.ts';

/** A token of our own issuer that verified, and what its verification depended on. */
export interface VerifiedToken {
  principal: Principal;
  /** The key that signed it, as it was published when the token verified. */
  kid: string;
  jwk: JWK;
  /** The last second (epoch) at which the verify would still have accepted it. */
  validThroughSeconds: number;
}

/**
 * Tokens of our own issuer that have verified, so that a caller's next request does not pay for
 * an ECDSA verify again (about a tenth of a small request's CPU). A hit is used only while
 * everything the verify checked still holds: the token is within its expiry and its maximum age
 * (with the same clock tolerance), and the key that signed it is still published with the same
 * key material, so a retired or replaced key refuses its tokens at once, as before. The key is
 * the whole token text: a token differing in any byte is another token. Bounded by count, the
 * least recently used going first; a token is a bearer credential, and the cache keeps nothing a
 * request does not already hold.
 */
export class VerifiedTokenCache {
  readonly #entries: LRUCache<string, VerifiedToken>;
  #hits = 0;

  constructor(maxEntries = 10_000) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  /** How many verifications the cache has saved. */
  get hits(): number {
    return this.#hits;
  }

  /**
   * The principal of a token that verified before and would verify now: `nowSeconds` within its
   * validity, and `publishedKey(kid)` still the key that signed it. Anything else is a miss (and
   * forgets the token), so the caller verifies it in full.
   */
  principalOf(token: string, nowSeconds: number, publishedKey: (kid: string) => JWK | undefined): Principal | null {
    const entry = this.#entries.get(token);
    if (!entry) return null;
    const jwk = publishedKey(entry.kid);
    if (nowSeconds > entry.validThroughSeconds || !jwk || !sameKeyMaterial(jwk, entry.jwk)) {
      this.#entries.delete(token);
      return null;
    }
    this.#hits += 1;
    return entry.principal;
  }

  remember(token: string, verified: VerifiedToken): void {
    this.#entries.set(token, verified);
  }
}

/** The parts of a public JWK that make it the key it is (not its metadata). */
export function sameKeyMaterial(a: JWK, b: JWK): boolean {
  return (
    a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y && a.n === b.n && a.e === b.e && a.alg === b.alg
  );
}
