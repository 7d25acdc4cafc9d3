import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { MembershipRole } from './principal.ts';
import { SIGNING_ALGORITHM, type SigningKey, type SigningKeyStore } from './signing-key-store.ts';
import { ACCESS_TOKEN_TYPE, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './token-verifier.ts';

export interface TokenIssuerOptions {
  keys: SigningKeyStore;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  /** The longest lifetime a request may ask for (verifiers refuse longer ones anyway). */
  maxTtlSeconds?: number;
  now?: () => Date;
}

export interface AccessTokenRequest {
  subject: string;
  organisationId: string;
  roles: readonly MembershipRole[];
  /** Set for machine clients (client-credentials grant). */
  clientId?: string;
  /** A lifetime other than the configured one (development tokens), up to `maxTtlSeconds`. */
  ttlSeconds?: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  expiresAt: Date;
}

/** Signs the platform's own access tokens with the current key of the rotating key set. */
export class TokenIssuer {
  /** The private key of each signing key, imported once (keys are few and rotate rarely). */
  readonly #privateKeys = new Map<string, ReturnType<typeof importJWK>>();

  constructor(private readonly options: TokenIssuerOptions) {}

  #privateKey(key: SigningKey): ReturnType<typeof importJWK> {
    let imported = this.#privateKeys.get(key.kid);
    if (!imported) {
      imported = importJWK(key.privateJwk, SIGNING_ALGORITHM);
      this.#privateKeys.set(key.kid, imported);
    }
    return imported;
  }

  get issuer(): string {
    return this.options.issuer;
  }

  async issue(request: AccessTokenRequest): Promise<IssuedToken> {
    const now = this.options.now?.() ?? new Date();
    const key = this.options.keys.signingKey(now);
    const privateKey = await this.#privateKey(key);
    const ttlSeconds = request.ttlSeconds ?? this.options.ttlSeconds;
    const maxTtlSeconds =
      this.options.maxTtlSeconds ?? Math.max(this.options.ttlSeconds, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > maxTtlSeconds) {
      throw new RangeError(`A token lifetime must be 1 to ${maxTtlSeconds} seconds; ${ttlSeconds} was asked`);
    }
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAtSeconds = issuedAt + ttlSeconds;
    const accessToken = await new SignJWT({
      org: request.organisationId,
      roles: [...request.roles],
      ...(request.clientId ? { client_id: request.clientId } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(request.subject)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
    return { accessToken, expiresIn: ttlSeconds, expiresAt: new Date(expiresAtSeconds * 1000) };
  }
}
