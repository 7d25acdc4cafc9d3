import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthenticationError,
  type PlatformDatabase,
  type SigningKeyStore,
  type TokenIssuer,
  type TokenVerifier,
} from '@ssp/core';
import type { Logger } from 'pino';
import { bearerPrincipal } from '../auth/bearer-principal.ts';
import { createGraphqlHandler } from '../graphql/create-graphql-handler.ts';
import { sendDocument } from './docs-route.ts';
import { sendJson } from './http-responses.ts';
import { sendLandingPage } from './landing-page.ts';
import { handleTokenRequest } from './oauth-token-route.ts';
import { handleSchemaRequest } from './schema-route.ts';

export interface PlatformServerDependencies {
  database: PlatformDatabase;
  keys: SigningKeyStore;
  issuer: TokenIssuer;
  verifier: TokenVerifier;
  logger: Logger;
  graphiql: boolean;
  /** How long verifiers may cache our JWKS (and so how early a new key is published). */
  jwksCacheSeconds: number;
}

export interface PlatformServer {
  server: Server;
  /** Starts listening; resolves with the base URL. Port 0 picks a free port. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** The HTTP surface: GraphQL, the JWKS, the token endpoint and the operators' probes. */
export function createPlatformServer(dependencies: PlatformServerDependencies): PlatformServer {
  const { database, logger } = dependencies;
  const graphql = createGraphqlHandler({ database, logger, graphiql: dependencies.graphiql });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    switch (path) {
      case '/':
        return sendLandingPage(response, { graphiql: dependencies.graphiql });
      case '/schema.graphql':
        return handleSchemaRequest(request, response, dependencies.verifier);
      case '/docs/partner-guide.md':
        return sendDocument(response, path);
      case '/healthz':
        return sendJson(response, 200, { status: 'ok' });
      case '/readyz':
        if (draining) return sendJson(response, 503, { status: 'draining' });
        try {
          await database.ping();
          return sendJson(response, 200, { status: 'ready' });
        } catch (error) {
          logger.warn({ err: error }, 'readiness check: database did not answer');
          return sendJson(response, 503, { status: 'database unavailable' });
        }
      case '/.well-known/jwks.json':
        return sendJson(response, 200, dependencies.keys.publicJwks(), {
          'cache-control': `public, max-age=${dependencies.jwksCacheSeconds}`,
        });
      case '/oauth/token':
        return handleTokenRequest(request, response, dependencies);
      case '/graphql': {
        const requestId = randomUUID();
        response.setHeader('x-request-id', requestId);
        try {
          const principal = await bearerPrincipal(dependencies.verifier, request.headers.authorization);
          await graphql(request, response, { requestId, principal });
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          return sendJson(
            response,
            error.oauthError === 'invalid_request' ? 400 : 401,
            { errors: [{ message: `Unauthenticated: ${error.description}`, extensions: { code: 'UNAUTHENTICATED' } }] },
            { 'www-authenticate': error.wwwAuthenticate },
          );
        }
        return;
      }
      default:
        return sendJson(response, 404, { error: 'not found' });
    }
  }

  const server = createServer((request, response) => {
    inFlight += 1;
    response.on('close', () => {
      inFlight -= 1;
      if (draining && inFlight === 0) drained?.();
    });
    if (draining) response.setHeader('connection', 'close');
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: async (graceMs = 10_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
