import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, Server } from 'node:net';
import {
  AuthenticationError,
  DatabaseOutageError,
  databaseOutageOf,
  describeOutage,
  type PlatformDatabase,
  type SigningKeyStore,
  type TokenIssuer,
  type TokenVerifier,
} from '@ssp/core';
import type { Logger } from 'pino';
import { bearerPrincipal } from '../auth/bearer-principal.ts';
import { answerJsonPost } from '../graphql/answer-json-post.ts';
import { createGraphqlHandler } from '../graphql/create-graphql-handler.ts';
import type { RequestLimits } from '../limits/request-limits.ts';
import { AdmissionGate, type AdmissionLimits } from './admission-gate.ts';
import { sendDocument } from './docs-route.ts';
import { sendGraphqlRefusal, sendJson } from './http-responses.ts';
import { sendLandingPage } from './landing-page.ts';
import { handleTokenRequest } from './oauth-token-route.ts';
import { takeLimitedBody } from './request-body.ts';
import { noteReason, noteUnexpectedError, type RequestOutcome, runWithOutcome } from './request-outcome.ts';
import { handleSchemaRequest } from './schema-route.ts';
import { retryAfterHeader, SERVICE_UNAVAILABLE } from './service-unavailable.ts';

/** What the server accepts before it refuses: body size, and how many requests run or wait. */
export interface ServerLimits extends AdmissionLimits {
  /** The largest GraphQL request body, in bytes (413 past it, before the token is read). */
  maxBodyBytes: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxBodyBytes: 1_048_576,
  concurrency: 10,
  queueTimeoutMs: 10_000,
  queueLimit: 2_000,
};

const LISTEN_BACKLOG = 4_096;
/** How long nothing must be in flight before the remaining idle connections are closed. */
const QUIET_MS = 250;

/** How long a readiness probe waits for the database before calling it unavailable. */
const READINESS_TIMEOUT_MS = 3_000;
/**
 * After the grace period, how long interrupted transactions get to roll back and COMMITs
 * already sent to finish, so that every client still connected hears the true outcome.
 */
const SETTLE_MS = 5_000;

export interface PlatformServerDependencies {
  database: PlatformDatabase;
  keys: SigningKeyStore;
  issuer: TokenIssuer;
  verifier: TokenVerifier;
  logger: Logger;
  graphiql: boolean;
  /** How long verifiers may cache our JWKS (and so how early a new key is published). */
  jwksCacheSeconds: number;
  /** Body size and how many requests run or wait (defaults: DEFAULT_SERVER_LIMITS). */
  serverLimits?: Partial<ServerLimits>;
  /** Query cost, budgets and token endpoint limits, kept between requests. */
  limits: RequestLimits;
}

export interface PlatformServer {
  server: HttpServer;
  /** Starts listening; resolves with the base URL. Port 0 picks a free port. */
  listen(port: number, host: string): Promise<string>;
  /**
   * Stops: `/readyz` fails at once; the listener keeps accepting for `drainMs` (so that a load
   * balancer has time to stop sending); then no new connections, and accepted requests get up
   * to `graceMs` to finish. What is still running then is rolled back (never cut off while it
   * could still commit) and answered 503. Safe to call more than once.
   */
  close(graceMs?: number, drainMs?: number): Promise<void>;
  /** Requests running and waiting for a turn (for operators and tests). */
  load(): { inFlight: number; running: number; waiting: number };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The HTTP surface: GraphQL, the JWKS, the token endpoint and the operators' probes. */
export function createPlatformServer(dependencies: PlatformServerDependencies): PlatformServer {
  const { database, logger } = dependencies;
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...dependencies.serverLimits };
  const graphql = createGraphqlHandler({
    database,
    logger,
    graphiql: dependencies.graphiql,
    limits: dependencies.limits,
  });
  const gate = new AdmissionGate(limits);
  let inFlight = 0;
  let draining = false;
  const idleWaiters = new Set<() => void>();
  let closing: Promise<void> | null = null;

  function whenIdle(): Promise<void> {
    if (inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.add(resolve));
  }

  function sendUnavailable(response: ServerResponse, outage: DatabaseOutageError): void {
    noteReason(`${outage.kind}: ${outage.message}`);
    sendGraphqlRefusal(response, 503, SERVICE_UNAVAILABLE, outage.message, retryAfterHeader(outage));
  }

  async function readiness(response: ServerResponse): Promise<void> {
    if (draining) {
      noteReason('draining');
      return sendJson(response, 503, { status: 'draining' });
    }
    if (gate.saturated || database.isSaturated()) {
      noteReason('busy: requests are queueing');
      return sendJson(response, 503, { status: 'busy' }, { 'retry-after': '1' });
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        database.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)),
            READINESS_TIMEOUT_MS,
          );
        }),
      ]);
      return sendJson(response, 200, { status: 'ready' });
    } catch (error) {
      if (databaseOutageOf(error)?.kind === 'busy') {
        noteReason('busy: every database connection is taken');
        return sendJson(response, 503, { status: 'busy' }, { 'retry-after': '1' });
      }
      noteReason(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return sendJson(response, 503, { status: 'database unavailable' });
    } finally {
      clearTimeout(timer);
    }
  }

  async function serveGraphql(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    if (!(await takeLimitedBody(request, response, limits.maxBodyBytes))) return;
    let principal: Awaited<ReturnType<typeof bearerPrincipal>>;
    try {
      principal = await bearerPrincipal(dependencies.verifier, request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      noteReason(`unauthenticated: ${error.description}`);
      return sendJson(
        response,
        error.oauthError === 'invalid_request' ? 400 : 401,
        { errors: [{ message: `Unauthenticated: ${error.description}`, extensions: { code: 'UNAUTHENTICATED' } }] },
        { 'www-authenticate': error.wwwAuthenticate },
      );
    }
    const leave = await gate.enter();
    try {
      const serverContext = { requestId, principal };
      if (!(await answerJsonPost(graphql, request, response, serverContext)))
        await graphql(request, response, serverContext);
    } finally {
      leave();
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
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
        return readiness(response);
      case '/.well-known/jwks.json':
        return sendJson(response, 200, dependencies.keys.publicJwks(), {
          'cache-control': `public, max-age=${dependencies.jwksCacheSeconds}`,
        });
      case '/oauth/token':
        return handleTokenRequest(request, response, dependencies);
      case '/graphql':
        return serveGraphql(request, response, requestId);
      default:
        return sendJson(response, 404, { error: 'not found' });
    }
  }

  /** One line for every request that did not succeed, with its id; none for those that did. */
  function logOutcome(request: IncomingMessage, response: ServerResponse, outcome: RequestOutcome, startedAt: number) {
    const answered = response.writableFinished;
    const status = response.statusCode;
    const [firstError] = outcome.unexpectedErrors;
    if (answered && status >= 200 && status < 300 && firstError === undefined) return;
    const entry = {
      requestId: outcome.requestId,
      method: request.method,
      path: new URL(request.url ?? '/', 'http://localhost').pathname,
      status: answered ? status : null,
      durationMs: Math.round(performance.now() - startedAt),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(firstError !== undefined ? { err: firstError, unexpectedErrors: outcome.unexpectedErrors.length } : {}),
    };
    if (!answered) logger.error(entry, 'request ended before its answer was sent');
    else if (status >= 500 || firstError !== undefined) logger.error(entry, 'request failed');
    else logger.warn(entry, 'request refused');
  }

  const server = createServer((request, response) => {
    const startedAt = performance.now();
    const requestId = randomUUID();
    const outcome: RequestOutcome = { requestId, unexpectedErrors: [], reason: null };
    response.setHeader('x-request-id', requestId);
    inFlight += 1;
    response.on('close', () => {
      inFlight -= 1;
      logOutcome(request, response, outcome, startedAt);
      if (inFlight === 0) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters.clear();
      }
    });
    if (draining) response.setHeader('connection', 'close');
    runWithOutcome(outcome, () =>
      route(request, response, requestId).catch((error: unknown) => {
        const outage = databaseOutageOf(error);
        if (outage && !response.headersSent) return sendUnavailable(response, outage);
        noteUnexpectedError(error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.destroy();
      }),
    );
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  async function stop(graceMs: number, drainMs: number): Promise<void> {
    draining = true;
    if (drainMs > 0) {
      logger.info({ drainMs }, 'draining: readiness fails, still accepting');
      await sleep(drainMs);
    }
    // net.Server's close, not http.Server's: that one also closes idle connections, and a
    // connection just accepted whose request is not parsed yet counts as idle (it would be
    // reset). Idle ones are closed below, once nothing has been in flight for a moment.
    const closed = new Promise<void>((resolve) => Server.prototype.close.call(server, () => resolve()));
    const graceEnds = Date.now() + graceMs;
    while (Date.now() < graceEnds) {
      await Promise.race([whenIdle(), sleep(graceEnds - Date.now())]);
      if (inFlight > 0) break;
      await sleep(QUIET_MS);
      if (inFlight === 0) break;
    }
    if (inFlight > 0) {
      const stopping = new DatabaseOutageError('stopping', describeOutage('stopping'));
      logger.warn({ inFlight, waiting: gate.waiting }, 'grace period over: rolling back what still runs');
      gate.refuseWaiting(stopping);
      await database.stopTransactions();
      await Promise.race([whenIdle(), sleep(SETTLE_MS)]);
    }
    server.closeIdleConnections();
    server.closeAllConnections();
    await closed;
  }

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        // A deep accept queue: a burst (or the connections that arrive while draining) waits
        // to be accepted instead of being refused by the kernel.
        server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: (graceMs = 10_000, drainMs = 0) => {
      closing ??= stop(graceMs, drainMs);
      return closing;
    },
    load: () => ({ inFlight, running: gate.running, waiting: gate.waiting }),
  };
}
