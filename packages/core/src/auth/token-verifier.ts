import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { AuthenticationError } from './authentication-error.ts';
import { MEMBERSHIP_ROLES, type MembershipRole, type Principal } from './principal.ts';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './signing-key-store.ts';
import { VerificationKeyCache } from './verification-key-cache.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

/** Asymmetric algorithms only: an HMAC "signed" with a public key must never verify. */
export const EXTERNAL_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
/** Seconds of clock skew tolerated on exp and nbf (the issue allows at most 60). */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** The longest a token may live (exp - iat) unless the configuration says otherwise. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;
/** The `typ` header of our access tokens (RFC 9068); a token of another kind is not one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/**
 * What an identity provider's token may say it is. Many providers put `JWT` or nothing in an
 * access token; a token typed as anything else (an ID token's `id_token+jwt`, a logout or security
 * event token, a DPoP proof) was issued for another purpose and is refused.
 */
const EXTERNAL_TOKEN_TYPES = new Set(['jwt', 'at+jwt']);

export interface ExternalIdentityProvider {
  organisationId: string;
  issuer: string;
  jwksUrl: string;
  audience: string;
}

export interface TokenVerifierOptions {
  keys: SigningKeyStore;
  issuer: string;
  audience: string;
  /** Looks up an organisation's own identity provider by the `iss` of a token. */
  findIdentityProvider: (issuer: string) => Promise<ExternalIdentityProvider | null>;
  /** Tokens claiming a longer lifetime than this (exp - iat, or exp - now) are refused. */
  maxLifetimeSeconds?: number;
  now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Verifies bearer tokens from our own issuer or an organisation's identity provider. */
export class TokenVerifier {
  readonly #remoteKeySets = new Map<string, JWTVerifyGetKey>();
  readonly #ownKeys: VerificationKeyCache;
  readonly #verifiedOwn = new VerifiedTokenCache();

  constructor(private readonly options: TokenVerifierOptions) {
    this.#ownKeys = new VerificationKeyCache(() => options.keys.publicJwks(options.now?.() ?? new Date()));
  }

  /** How many of our public keys have been imported so far: once per key, not once per token. */
  get ownKeyImports(): number {
    return this.#ownKeys.imports;
  }

  /** How many verifications of our own tokens were saved by having verified the token before. */
  get ownTokenCacheHits(): number {
    return this.#verifiedOwn.hits;
  }

  async verify(token: string): Promise<Principal> {
    const nowSeconds = Math.floor(this.#now().getTime() / 1000);
    const known = this.#verifiedOwn.principalOf(token, nowSeconds, (kid) => this.#ownKeys.publishedKey(kid));
    if (known) return known;
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new AuthenticationError('the token is not a well-formed JWT');
    }
    const allowed: readonly string[] =
      unverified.iss === this.options.issuer ? [SIGNING_ALGORITHM] : EXTERNAL_ALGORITHMS;
    if (typeof header.alg !== 'string' || !allowed.includes(header.alg)) {
      throw new AuthenticationError(`the signing algorithm ${String(header.alg)} is not accepted`);
    }
    if (unverified.iss === this.options.issuer) {
      checkType(header.typ, (typ) => typ === ACCESS_TOKEN_TYPE);
      return this.#verifyOwn(token, header.kid);
    }
    if (typeof unverified.iss !== 'string') throw new AuthenticationError('the token has no issuer');
    checkType(header.typ, (typ) => EXTERNAL_TOKEN_TYPES.has(typ), true);
    const provider = await this.options.findIdentityProvider(unverified.iss);
    if (!provider) throw new AuthenticationError('the token issuer is not trusted');
    return this.#verifyExternal(token, provider);
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async #verifyOwn(token: string, kid: string | undefined): Promise<Principal> {
    const payload = await this.#jwtVerify(token, (header: JWTHeaderParameters) => this.#ownKeys.key(header), {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: [SIGNING_ALGORITHM],
    });
    const organisationId = payload.org;
    if (typeof organisationId !== 'string' || !UUID.test(organisationId)) {
      throw new AuthenticationError('the token names no organisation');
    }
    const roles = parseRoles(payload.roles);
    const common = {
      issuer: this.options.issuer,
      subject: payload.sub as string,
      organisationId,
      claimedRoles: roles,
      expiresAt: new Date((payload.exp as number) * 1000),
    };
    const principal: Principal =
      typeof payload.client_id === 'string'
        ? { kind: 'client', clientId: payload.client_id, ...common }
        : { kind: 'user', ...common };
    // The key verified it, so it is published under this kid (VerificationKeyCache.key).
    const jwk = kid === undefined ? undefined : this.#ownKeys.publishedKey(kid);
    if (kid !== undefined && jwk) {
      const maxLifetime = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
      this.#verifiedOwn.remember(token, {
        principal,
        kid,
        jwk,
        // jose refuses from exp + tolerance on, and once older than the maximum age + tolerance.
        validThroughSeconds:
          Math.min(payload.exp as number, (payload.iat as number) + maxLifetime) + CLOCK_TOLERANCE_SECONDS - 1,
      });
    }
    return principal;
  }

  async #verifyExternal(token: string, provider: ExternalIdentityProvider): Promise<Principal> {
    let keySet = this.#remoteKeySets.get(provider.jwksUrl);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(provider.jwksUrl), { cacheMaxAge: 600_000, cooldownDuration: 30_000 });
      this.#remoteKeySets.set(provider.jwksUrl, keySet);
    }
    const payload = await this.#jwtVerify(token, keySet, {
      issuer: provider.issuer,
      audience: provider.audience,
      algorithms: [...EXTERNAL_ALGORITHMS],
    });
    return {
      kind: 'user',
      issuer: provider.issuer,
      subject: payload.sub as string,
      organisationId: provider.organisationId,
      claimedRoles: null,
      expiresAt: new Date((payload.exp as number) * 1000),
    };
  }

  async #jwtVerify(
    token: string,
    keys: JWTVerifyGetKey,
    expected: { issuer: string; audience: string; algorithms: string[] },
  ): Promise<JWTPayload> {
    const maxLifetime = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const now = this.#now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        ...expected,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub', 'iat'],
        // With maxTokenAge jose also refuses an `iat` in the future (beyond the tolerance).
        maxTokenAge: maxLifetime,
        currentDate: now,
      }));
    } catch (error) {
      throw explain(error);
    }
    // A token valid for years is a standing credential; whoever minted it, it is refused.
    const exp = payload.exp as number;
    const iat = payload.iat as number;
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (exp - iat > maxLifetime || exp - nowSeconds > maxLifetime + CLOCK_TOLERANCE_SECONDS) {
      throw new AuthenticationError(`the token lifetime is longer than the maximum of ${maxLifetime} seconds`);
    }
    return payload;
  }
}

/** Refuses a token whose `typ` header names another kind of token (`application/` is implied). */
function checkType(typ: unknown, accepted: (typ: string) => boolean, absentAllowed = false): void {
  if (typ === undefined && absentAllowed) return;
  const normalised = typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : '';
  if (!accepted(normalised)) {
    throw new AuthenticationError(`the token type ${String(typ)} is not an access token of this API`);
  }
}

function parseRoles(value: unknown): MembershipRole[] {
  if (!Array.isArray(value) || !value.every((role) => MEMBERSHIP_ROLES.includes(role))) {
    throw new AuthenticationError('the token carries unknown roles');
  }
  return value as MembershipRole[];
}

/** Turns jose's failures into the reasons a partner developer can act on. */
function explain(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'iat'
      ? new AuthenticationError('the token was issued too long ago')
      : new AuthenticationError('the token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return new AuthenticationError('the token is not valid yet');
      case 'iat':
        if (error.reason === 'check_failed') return new AuthenticationError('the token was issued in the future');
        return new AuthenticationError('the token claim iat is missing or invalid');
      case 'iss':
        return new AuthenticationError('the token issuer is not trusted');
      case 'aud':
        return new AuthenticationError('the token is not meant for this API (audience)');
      default:
        return new AuthenticationError(`the token claim ${error.claim} is missing or invalid`);
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('the token signing key is unknown');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthenticationError('the signing algorithm is not accepted');
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthenticationError('the token signature does not verify');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthenticationError('the issuer signing keys could not be fetched');
  }
  return new AuthenticationError('the token could not be verified');
}
