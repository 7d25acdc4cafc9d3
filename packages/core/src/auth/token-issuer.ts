import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { MembershipRole } from './principal.ts';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './signing-key-store.ts';

export interface TokenIssuerOptions {
  keys: SigningKeyStore;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  now?: () => Date;
}

export interface AccessTokenRequest {
  subject: string;
  organisationId: string;
  roles: readonly MembershipRole[];
  /** Set for machine clients (client-credentials grant). */
  clientId?: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  expiresAt: Date;
}

/** Signs the platform's own access tokens with the current key of the rotating key set. */
export class TokenIssuer {
  constructor(private readonly options: TokenIssuerOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  async issue(request: AccessTokenRequest): Promise<IssuedToken> {
    const now = this.options.now?.() ?? new Date();
    const key = this.options.keys.signingKey(now);
    const privateKey = await importJWK(key.privateJwk, SIGNING_ALGORITHM);
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAtSeconds = issuedAt + this.options.ttlSeconds;
    const accessToken = await new SignJWT({
      org: request.organisationId,
      roles: [...request.roles],
      ...(request.clientId ? { client_id: request.clientId } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(request.subject)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
    return { accessToken, expiresIn: this.options.ttlSeconds, expiresAt: new Date(expiresAtSeconds * 1000) };
  }
}
