import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerSubjectQuery } from './support/queries/viewer-queries.ts';
import { startTestApp, type TestApp, withCost } from './support/test-app.ts';

// The operators' probes and a graceful shutdown, over real HTTP. Each describe starts its own app
// (on its own copy of the database), because two of them end with something closed.

interface ProbeAnswer {
  status: number;
  contentType: string;
  cacheControl: string | null;
  body: unknown;
}

async function probe(baseUrl: string, path: string): Promise<ProbeAnswer> {
  const response = await fetch(`${baseUrl}${path}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    cacheControl: response.headers.get('cache-control'),
    body: await response.json(),
  };
}

/** What a connection attempt to the server ends in: a status, or the connection error's code. */
async function connectOutcome(baseUrl: string): Promise<string> {
  try {
    const response = await fetch(`${baseUrl}/healthz`);
    await response.body?.cancel();
    return `HTTP ${response.status}`;
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? error);
  }
}

describe('probes while everything is up', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  it('GET /healthz is 200 {status: ok}, never cached, and sends no SQL', async () => {
    const before = api.app.database.statements.count;
    const answer = await probe(api.url, '/healthz');
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'no-store',
      body: { status: 'ok' },
    });
    expect(api.app.database.statements.count).toBe(before);
  });

  it('GET /readyz is 200 when the database answers', async () => {
    expect(await probe(api.url, '/readyz')).toEqual({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'no-store',
      body: { status: 'ready' },
    });
  });

  it.each(['/nope', '/graphqlx', '/healthz/extra', '/.well-known/other'])(
    'an unknown path (%s) is a JSON 404',
    async (path) => {
      const answer = await probe(api.url, path);
      expect(answer.status).toBe(404);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ error: 'not found' });
    },
  );
});

describe('probes after the database has gone', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
    // This test closes the database itself; TestApp.close() closes it again afterwards, which
    // pg's Pool refuses (PGlite allows it). Remember the first close so cleanup still runs.
    const database = api.app.database;
    const closeDatabase = database.close.bind(database);
    let closing: Promise<void> | undefined;
    database.close = () => {
      closing ??= closeDatabase();
      return closing;
    };
  });
  afterAll(() => api?.close());

  it('/readyz turns 503 while /healthz stays 200 (the process is up, it cannot serve)', async () => {
    expect((await probe(api.url, '/readyz')).status).toBe(200);
    await api.app.database.close();
    expect(await probe(api.url, '/readyz')).toEqual({
      status: 503,
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'no-store',
      body: { status: 'database unavailable' },
    });
    expect(await probe(api.url, '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('a GraphQL request then fails with the masked error, not the driver message', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const answer = await api.graphql(viewerSubjectQuery(), token);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.map((error) => error.message)).toEqual(['Unexpected error.']);
    expect(answer.status).toBeGreaterThanOrEqual(500);
  });
});

/** One raw HTTP/1.1 response out of a byte stream, with the rest of the stream. */
function takeResponse(raw: string): { status: number; headers: Record<string, string>; body: string; rest: string } {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new Error(`no complete response in: ${raw}`);
  const [statusLine = '', ...headerLines] = raw.slice(0, headerEnd).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const separator = line.indexOf(':');
    headers[line.slice(0, separator).trim().toLowerCase()] = line.slice(separator + 1).trim();
  }
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length)) throw new Error(`expected a content-length response, got: ${raw}`);
  const bodyStart = headerEnd + 4;
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: raw.slice(bodyStart, bodyStart + length),
    rest: raw.slice(bodyStart + length),
  };
}

describe('a graceful shutdown (what SIGTERM runs: app.http.close)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  it('finishes the request in flight, answers 503 draining on its connection, and refuses new connections', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const { hostname, port } = new URL(api.url);
    const body = JSON.stringify(viewerSubjectQuery());

    // A real client that has sent its request line, headers and half its body: the request is
    // in flight (the server has started it) and cannot finish until the rest arrives.
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const started = new Promise<void>((resolve) => api.app.http.server.once('request', () => resolve()));
    socket.write(
      [
        'POST /graphql HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        'Accept: application/graphql-response+json',
        `Authorization: Bearer ${token}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body.slice(0, 10),
      ].join('\r\n'),
    );
    await started;

    const closeStartedAt = Date.now();
    let closed = false;
    const closing = api.app.http.close(10_000).then(() => {
      closed = true;
    });

    // Draining: new connections are refused at once, and close waits for the request in flight.
    expect(await connectOutcome(api.url)).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);

    // The rest of the body, and (pipelined on the same connection) a readiness probe.
    socket.write(`${body.slice(10)}GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    await closing;
    await socketClosed;
    // Released by the drain, not by the 10 s grace period running out.
    expect(Date.now() - closeStartedAt).toBeLessThan(5_000);

    const inFlight = takeResponse(received);
    expect(inFlight.status).toBe(200);
    expect(JSON.parse(inFlight.body)).toEqual(
      withCost({ data: { viewer: { subject: 'test:tenant_admin@lancashire-county-council' } } }),
    );
    const readiness = takeResponse(inFlight.rest);
    expect(readiness.status).toBe(503);
    expect(readiness.headers.connection).toBe('close');
    expect(JSON.parse(readiness.body)).toEqual({ status: 'draining' });
    expect(readiness.rest).toBe('');

    // And after the close, nothing listens any more.
    expect(await connectOutcome(api.url)).toBe('ECONNREFUSED');
  });
});
