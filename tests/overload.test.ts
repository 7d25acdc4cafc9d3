import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdDatabase } from './support/hold-database.ts';
import { type LoggedTestApp, startLoggedTestApp } from './support/logged-test-app.ts';
import { typenameQuery } from './support/queries/document-queries.ts';
import {
  catalogueCodesQuery,
  catalogueIdsQuery,
  raiseRequestInLiteralMutation,
  raiseRequestReplayMutation,
} from './support/queries/service-request-queries.ts';

// Overload and faults, over real HTTP on 127.0.0.1: a bounded flood, refusals that say what to
// do, and one log line (with its request id) for every request that did not succeed.

interface Answer {
  status: number;
  requestId: string | null;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

/** What a raw HTTP exchange answered first: its status line and headers. */
function rawExchange(
  url: string,
  head: string[],
  bodyChunks: string[] = [],
  writeBody?: (socket: Socket) => void,
): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      for (const chunk of bodyChunks) socket.write(chunk);
      writeBody?.(socket);
    });
    setTimeout(() => reject(new Error(`no answer; got: ${received}`)), 10_000).unref();
  });
}

async function dbsOfferingId(api: LoggedTestApp, token: string): Promise<string> {
  const catalogue = await post(api.url, catalogueCodesQuery(50), token);
  const nodes =
    (catalogue.body.data?.serviceCatalogue as { nodes: { id: string; code: string }[] } | undefined)?.nodes ?? [];
  const dbs = nodes.find((node) => node.code === 'dbs-check');
  if (!dbs) throw new Error('the seeded catalogue has no dbs-check');
  return dbs.id;
}

describe('1,000 concurrent retries of one creating mutation', () => {
  let api: LoggedTestApp;
  beforeAll(async () => {
    // A short queue deadline on purpose: what cannot get a turn within 4 s is refused as busy.
    api = await startLoggedTestApp({ REQUEST_CONCURRENCY: '4', REQUEST_QUEUE_TIMEOUT_MS: '4000' });
  });
  afterAll(() => api?.close());

  it('give one row and no 500; every non-200 is a 503 with Retry-After and one log line with its request id', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const offeringId = await dbsOfferingId(api, token);
    const idempotencyKey = `overload-${Date.now()}`;
    const operation = raiseRequestReplayMutation({
      offeringId,
      title: 'DBS check',
      description: 'One request, many retries',
      idempotencyKey,
    });

    const startedAt = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, () =>
        post(api.url, operation, token).catch(
          (error: unknown): Answer => ({
            status: -1,
            requestId: null,
            retryAfter: null,
            body: { errors: [{ message: String((error as { cause?: unknown }).cause ?? error) }] },
          }),
        ),
      ),
    );
    const elapsedMs = Date.now() - startedAt;
    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    console.log(`1,000 concurrent sends in ${elapsedMs} ms, by status`, Object.fromEntries(statuses));
    const lines = api.logLines();
    if (statuses.has(-1))
      console.log(
        lines.filter((line) => line.status !== 503).slice(0, 5),
        answers.find((a) => a.status === -1),
      );

    // Nothing but answers, and nothing but 200 and 503 among them.
    expect([...statuses.keys()].every((status) => status === 200 || status === 503)).toBe(true);
    const succeeded = answers.filter((answer) => answer.status === 200);
    expect(succeeded.length).toBeGreaterThan(0);
    const ids = new Set(
      succeeded.map(
        (answer) =>
          (answer.body.data?.raiseServiceRequest as { serviceRequest?: { id: string } } | undefined)?.serviceRequest
            ?.id,
      ),
    );
    expect(ids.size).toBe(1);
    expect([...ids][0]).toEqual(expect.any(String));
    const rows = await api.db.asOwner<{ count: string }>(
      'select count(*)::text as count from service_requests where idempotency_key = $1',
      [idempotencyKey],
    );
    expect(rows[0]?.count).toBe('1');

    // Refusals say busy and when to come back; a retry then gets the same request.
    const refused = answers.filter((answer) => answer.status === 503);
    for (const answer of refused) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    }
    const retried = await post(api.url, operation, token);
    expect(retried.status).toBe(200);
    expect(retried.body.data?.raiseServiceRequest).toMatchObject({
      replayed: true,
      serviceRequest: { id: [...ids][0] },
    });

    // Exactly one log line per refused request, none for the answered ones.
    const linesById = new Map<string, number>();
    for (const line of lines) {
      if (line.requestId) linesById.set(line.requestId, (linesById.get(line.requestId) ?? 0) + 1);
    }
    for (const answer of refused) expect(linesById.get(answer.requestId ?? '')).toBe(1);
    for (const answer of succeeded) expect(linesById.has(answer.requestId ?? '')).toBe(false);
    expect(linesById.size).toBe(refused.length);
  }, 90_000);
});

describe('a full queue', () => {
  let api: LoggedTestApp;
  beforeAll(async () => {
    api = await startLoggedTestApp({ REQUEST_CONCURRENCY: '1', REQUEST_QUEUE_LIMIT: '2' });
  });
  afterAll(() => api?.close());

  it('refuses at once with 503, Retry-After and a log line, and serves the rest', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    // The one turn is taken by a request the database keeps waiting; two more may queue.
    const release = await holdDatabase(api.db, 'service_offerings', 'access exclusive');
    const sent = Array.from({ length: 10 }, () => post(api.url, catalogueIdsQuery(50), token));
    const deadline = Date.now() + 20_000;
    while (api.logLines().filter((line) => line.status === 503).length < 7 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await release();
    const answers = await Promise.all(sent);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused).toHaveLength(7);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(refused[0]).toMatchObject({
      retryAfter: '1',
      body: {
        errors: [{ message: 'The service is busy; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      },
    });
    const lines = api.logLines();
    for (const answer of refused) {
      expect(lines.filter((line) => line.requestId === answer.requestId)).toEqual([
        expect.objectContaining({
          status: 503,
          reason: 'busy: The service is busy; retry shortly',
          msg: 'request failed',
        }),
      ]);
    }
  });
});

describe('bodies, bad bytes and readiness', () => {
  let api: LoggedTestApp;
  beforeAll(async () => {
    api = await startLoggedTestApp({ MAX_REQUEST_BODY_BYTES: '65536', REQUEST_CONCURRENCY: '1' });
  });
  afterAll(() => api?.close());

  it('a declared body over the limit is a 413 before a byte is read or the token looked at', async () => {
    const answer = await rawExchange(api.url, [
      'POST /graphql HTTP/1.1',
      'Host: localhost',
      'Content-Type: application/json',
      // Not a token at all: a 401 here would mean authentication ran first.
      'Authorization: Bearer not-a-token',
      `Content-Length: ${22 * 1024 * 1024}`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('"PAYLOAD_TOO_LARGE"');
    const line = api.logLines().find((entry) => entry.status === 413);
    expect(line).toMatchObject({ requestId: expect.any(String), reason: 'body over 65536 bytes' });
  });

  it('a streamed (chunked) body is refused as it passes the limit', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const answer = await rawExchange(
      api.url,
      [
        'POST /graphql HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        'Authorization: Bearer not-a-token',
        'Transfer-Encoding: chunked',
      ],
      chunks,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('a body under the limit is served as before', async () => {
    const answer = await post(api.url, typenameQuery());
    expect(answer).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('10 concurrent 22 MiB bodies, declared or streamed, do not grow the process', async () => {
    // Raw sockets writing one shared buffer: the client side holds 22 MiB in all, so what
    // grows is the server's (the same process) buffering.
    const body = Buffer.alloc(22 * 1024 * 1024, 'x');
    const before = process.memoryUsage().rss;
    const send = (chunked: boolean) =>
      rawExchange(
        api.url,
        [
          'POST /graphql HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
        ],
        [],
        (socket) => {
          if (chunked) socket.write(`${body.length.toString(16)}\r\n`);
          socket.write(body);
        },
      );
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => send(index % 2 === 1)));
    const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`10 x 22 MiB bodies: RSS grew ${grownMb.toFixed(0)} MB`);
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // Buffered, they were 220 MiB as bytes and more as text (the issue measured +444 MB).
    expect(grownMb).toBeLessThan(100);
  });

  it('a NUL byte in a variable or a literal is a validation error naming the input, not a masked error', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const offeringId = await dbsOfferingId(api, token);
    const before = api.app.database.statements.count;
    const inVariable = await post(
      api.url,
      raiseRequestReplayMutation({
        offeringId,
        title: 'Bad\u0000title',
        description: 'x',
        idempotencyKey: 'nul-byte-1',
      }),
      token,
    );
    expect(inVariable.status).toBe(400);
    expect(inVariable.body.errors).toEqual([
      {
        message: 'Text may not contain the NUL character (U+0000)',
        extensions: { code: 'VALIDATION', field: 'input.title' },
      },
    ]);
    const inLiteral = await post(
      api.url,
      raiseRequestInLiteralMutation({ offeringId, titleSource: 'a\\u0000b', idempotencyKey: 'nul-byte-2' }),
      token,
    );
    expect(inLiteral.status).toBe(400);
    expect(inLiteral.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION', field: 'input' });
    // Refused before any transaction or resolver ran.
    expect(api.app.database.statements.count).toBe(before);
  });

  it('/readyz says busy, not database down, while requests queue', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    // The one turn (REQUEST_CONCURRENCY 1) is taken by a request the database keeps waiting.
    const release = await holdDatabase(api.db, 'service_offerings', 'access exclusive');
    const flood = Array.from({ length: 5 }, () => post(api.url, catalogueCodesQuery(50), token));
    const deadline = Date.now() + 10_000;
    while (api.app.http.load().waiting === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const probe = await fetch(`${api.url}/readyz`);
    await release();
    expect(probe.status).toBe(503);
    expect(probe.headers.get('retry-after')).toBe('1');
    expect(await probe.json()).toEqual({ status: 'busy' });
    const answered = await Promise.all(flood);
    expect(answered.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  });
});
