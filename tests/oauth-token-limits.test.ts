import { request } from 'node:http';
import type { MembershipRole } from '@ssp/core';
import { type CreatedApiClient, createApiClient } from '@ssp/tenants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

// POST /oauth/token under pressure: per address, per address and client id, and the bound on
// scrypt checks running at once. Callers come from different loopback addresses (all of
// 127.0.0.0/8 is this machine), so "another address" is a real other peer to the server.

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: Record<string, unknown>;
  ms: number;
}

/** A token request over real HTTP from `from` (a loopback address). */
function tokenRequest(api: TestApp, from: string, clientId: string, clientSecret: string): Promise<Answer> {
  const url = new URL(`${api.url}/oauth/token`);
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
            ms: performance.now() - started,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body.toString());
  });
}

function registerClient(api: TestApp, slug: string, roles: MembershipRole[]): Promise<CreatedApiClient> {
  return api.app.database.inPlatformTransaction({ actor: 'oauth-limits-test', reason: 'register a client' }, (tx) =>
    createApiClient(tx, { organisationId: api.organisationId(slug), name: `Limits test client for ${slug}`, roles }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

describe('requests per address', () => {
  let api: TestApp;
  let client: CreatedApiClient;
  beforeAll(async () => {
    api = await startTestApp({ TOKEN_ENDPOINT_REQUESTS_PER_MINUTE: '5' });
    client = await registerClient(api, 'liverpool-city-council', ['requester']);
  });
  afterAll(() => api?.close());

  it('past the rate: 429 with Retry-After, before any client check; another address is still served', async () => {
    const answers: Answer[] = [];
    for (let index = 0; index < 5; index += 1)
      answers.push(await tokenRequest(api, '127.0.0.2', client.clientId, 'wrong'));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    const before = api.app.database.statements.count;
    const over = await tokenRequest(api, '127.0.0.2', client.clientId, client.clientSecret);
    expect(over.status).toBe(429);
    expect(api.app.database.statements.count).toBe(before); // the client was not even looked up
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(over.body.access_token).toBeUndefined();
    expect(over.body.error_description).toMatch(/^too many token requests from this address; retry after \d+ s$/);

    expect((await tokenRequest(api, '127.0.0.3', client.clientId, client.clientSecret)).status).toBe(200);
  });
});

describe('wrong secrets per address and client', () => {
  let api: TestApp;
  let client: CreatedApiClient;
  let other: CreatedApiClient;
  beforeAll(async () => {
    api = await startTestApp({ TOKEN_ENDPOINT_FAILURES_PER_CLIENT: '3' });
    client = await registerClient(api, 'liverpool-city-council', ['requester']);
    other = await registerClient(api, 'liverpool-city-council', ['requester']);
  });
  afterAll(() => api?.close());

  it('lock out the guessing address for that client only: the right secret elsewhere still works', async () => {
    const guesser = '127.0.0.4';
    for (let index = 0; index < 3; index += 1) {
      expect((await tokenRequest(api, guesser, client.clientId, `guess-${index}`)).status).toBe(401);
    }
    // Even the right secret from the guessing address now waits out the window.
    const locked = await tokenRequest(api, guesser, client.clientId, client.clientSecret);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(60);
    expect(locked.body.error_description).toMatch(/^too many wrong secrets for this client from this address/);
    // The client itself is not locked out (a guesser cannot deny it service)...
    expect((await tokenRequest(api, '127.0.0.5', client.clientId, client.clientSecret)).status).toBe(200);
    // ...nor another client from the guessing address.
    expect((await tokenRequest(api, guesser, other.clientId, other.clientSecret)).status).toBe(200);
  });

  it('a right secret clears the count of wrong ones', async () => {
    const address = '127.0.0.6';
    for (let index = 0; index < 2; index += 1) {
      expect((await tokenRequest(api, address, other.clientId, 'wrong')).status).toBe(401);
    }
    expect((await tokenRequest(api, address, other.clientId, other.clientSecret)).status).toBe(200);
    for (let index = 0; index < 2; index += 1) {
      expect((await tokenRequest(api, address, other.clientId, 'wrong')).status).toBe(401);
    }
    expect((await tokenRequest(api, address, other.clientId, other.clientSecret)).status).toBe(200);
  });
});

describe('concurrent wrong secrets do not slow a right one to seconds (issue 11: 40 of them made it 1.2 s)', () => {
  let api: TestApp;
  let client: CreatedApiClient;
  let baseline = 0;
  beforeAll(async () => {
    api = await startTestApp({
      TOKEN_ENDPOINT_REQUESTS_PER_MINUTE: '10000',
      TOKEN_ENDPOINT_FAILURES_PER_CLIENT: '10000',
    });
    client = await registerClient(api, 'liverpool-city-council', ['requester']);
    const alone: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const answer = await tokenRequest(api, '127.0.0.1', client.clientId, client.clientSecret);
      expect(answer.status).toBe(200);
      alone.push(answer.ms);
    }
    baseline = median(alone);
  });
  afterAll(() => api?.close());

  it('40 at once from one address: two are checked, the rest refused at once', async () => {
    const flood = Array.from({ length: 40 }, () => tokenRequest(api, '127.0.0.7', client.clientId, 'wrong'));
    const right = tokenRequest(api, '127.0.0.1', client.clientId, client.clientSecret);
    const [answers, answer] = await Promise.all([Promise.all(flood), right]);
    const refused = answers.filter((candidate) => candidate.status === 429);
    expect(answers.filter((candidate) => candidate.status === 401).length).toBeLessThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(38);
    expect(refused.every((candidate) => candidate.retryAfter === '1')).toBe(true);
    expect(answer.status).toBe(200);
    console.info(`token: alone ${baseline.toFixed(0)} ms; beside 40 wrong from one address ${answer.ms.toFixed(0)} ms`);
    expect(answer.ms).toBeLessThan(Math.max(1_000, baseline * 4));
  });

  it('40 at once from 40 addresses: a few checked at a time, a few more wait, the rest refused', async () => {
    const flood = Array.from({ length: 40 }, (_, index) =>
      tokenRequest(api, `127.0.1.${index + 1}`, client.clientId, 'wrong'),
    );
    const right = tokenRequest(api, '127.0.0.1', client.clientId, client.clientSecret);
    const [answers, answer] = await Promise.all([Promise.all(flood), right]);
    const checks = api.app.config.tokenEndpoint.concurrentChecks;
    // Running plus waiting checks are bounded (4 waiting per slot); the right one was among them or refused at once.
    expect(answers.filter((candidate) => candidate.status === 401).length).toBeLessThanOrEqual(checks * 5);
    expect(answers.filter((candidate) => candidate.status === 429).length).toBeGreaterThan(0);
    console.info(`token: beside 40 wrong from 40 addresses ${answer.ms.toFixed(0)} ms (status ${answer.status})`);
    expect(answer.ms).toBeLessThan(Math.max(2_000, baseline * 8));
  });
});
