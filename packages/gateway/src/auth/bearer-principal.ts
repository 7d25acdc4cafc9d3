import { AuthenticationError, type Principal, type TokenVerifier } from '@ssp/core';

/**
 * Reads the caller from an `Authorization: Bearer` header. No header means an anonymous
 * request (it may still ask for the schema); a malformed header or a refused token is an error.
 */
export async function bearerPrincipal(verifier: TokenVerifier, header: string | undefined): Promise<Principal | null> {
  if (header === undefined || header === '') return null;
  // The scheme name is case-insensitive (RFC 7235 section 2.1).
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  if (!match?.[1])
    throw new AuthenticationError('the Authorization header must be "Bearer <token>"', 'invalid_request');
  return verifier.verify(match[1]);
}
