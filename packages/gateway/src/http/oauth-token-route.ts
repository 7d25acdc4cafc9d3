import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformDatabase, TokenIssuer } from '@ssp/core';
import { authenticateApiClient, ClientAuthenticationError } from '@ssp/tenants';
import type { Refusal, TokenEndpointLimits } from '../limits/token-endpoint-limits.ts';
import { readBody, sendJson } from './http-responses.ts';

const MAX_BODY_BYTES = 8 * 1024;

function oauthError(response: ServerResponse, status: number, error: string, description: string, basic = false): void {
  sendJson(
    response,
    status,
    { error, error_description: description },
    basic ? { 'www-authenticate': 'Basic realm="shared-services", charset="UTF-8"' } : {},
  );
}

/** 429 with Retry-After: RFC 6749 has no error code for it, so the body says it in words. */
function tooManyRequests(response: ServerResponse, refusal: Refusal, description: string): void {
  sendJson(
    response,
    429,
    { error: 'invalid_request', error_description: `${description}; retry after ${refusal.retryAfterSeconds} s` },
    { 'retry-after': String(refusal.retryAfterSeconds) },
  );
}

/** RFC 6749 2.3.1: Basic credentials are form-encoded first ('+' is a space). */
function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** Client credentials from HTTP Basic (client_secret_basic) or the form (client_secret_post). */
function clientCredentials(
  request: IncomingMessage,
  form: URLSearchParams,
): { clientId: string; clientSecret: string; basic: boolean } | null {
  const authorization = request.headers.authorization;
  if (authorization && /^basic /i.test(authorization)) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return null;
    return {
      clientId: formDecode(decoded.slice(0, separator)),
      clientSecret: formDecode(decoded.slice(separator + 1)),
      basic: true,
    };
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  return clientId && clientSecret ? { clientId, clientSecret, basic: false } : null;
}

/** `POST /oauth/token`: the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4). */
export async function handleTokenRequest(
  request: IncomingMessage,
  response: ServerResponse,
  dependencies: { database: PlatformDatabase; issuer: TokenIssuer; limits: { tokenEndpoint: TokenEndpointLimits } },
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return oauthError(response, 405, 'invalid_request', 'use POST');
  }
  // The socket's peer: behind a reverse proxy that is the proxy, so limit there per client too.
  const address = request.socket.remoteAddress ?? 'unknown';
  const limits = dependencies.limits.tokenEndpoint;
  const overRate = await limits.admit(address);
  if (overRate) return tooManyRequests(response, overRate, 'too many token requests from this address');
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
    return oauthError(response, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === null) return oauthError(response, 413, 'invalid_request', 'the body is too large');
  const form = new URLSearchParams(body);
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(response, 400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') {
    return oauthError(response, 400, 'unsupported_grant_type', 'only client_credentials is supported');
  }
  let credentials: ReturnType<typeof clientCredentials>;
  try {
    credentials = clientCredentials(request, form);
  } catch {
    return oauthError(response, 400, 'invalid_request', 'the client credentials are malformed');
  }
  if (!credentials) {
    return oauthError(response, 401, 'invalid_client', 'client authentication is required', true);
  }
  const { clientId, clientSecret } = credentials;
  const lockedOut = await limits.lockedOut(address, clientId);
  if (lockedOut)
    return tooManyRequests(response, lockedOut, 'too many wrong secrets for this client from this address');
  try {
    const checked = await limits.check(address, () =>
      authenticateApiClient(dependencies.database, clientId, clientSecret),
    );
    if (!('value' in checked)) return tooManyRequests(response, checked, 'too many client checks at once');
    const client = checked.value;
    await limits.recordSuccess(address, clientId);
    const token = await dependencies.issuer.issue({
      subject: `client:${client.clientId}`,
      organisationId: client.organisationId,
      roles: client.roles,
      clientId: client.clientId,
    });
    sendJson(response, 200, {
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: token.expiresIn,
      scope: client.roles.join(' '),
    });
  } catch (error) {
    if (error instanceof ClientAuthenticationError) {
      if (error.oauthError === 'invalid_client') await limits.recordFailure(address, clientId);
      const status = error.oauthError === 'invalid_client' ? 401 : 400;
      return oauthError(response, status, error.oauthError, error.description, credentials.basic);
    }
    throw error;
  }
}
