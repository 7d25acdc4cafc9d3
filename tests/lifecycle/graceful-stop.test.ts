import { gracefulStop } from '@ssp/gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { holdDatabase } from '../support/hold-database.ts';
import { type LoggedTestApp, startLoggedTestApp } from '../support/logged-test-app.ts';
import { catalogueCodesQuery, raiseRequestOrErrorMutation } from '../support/queries/service-request-queries.ts';

// What SIGTERM runs (main.ts hands the signal to this same gracefulStop), over real HTTP on
// 127.0.0.1: readiness fails first, the listener drains, accepted requests finish, and a write
// that cannot finish in the grace period rolls back before its client hears of it.

interface Answer {
  status: number | string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, body: unknown, token: string): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  } catch (error) {
    // A dropped request: reset, refused, or cut off.
    return { status: String((error as { cause?: { code?: string } }).cause?.code ?? error), body: {} };
  }
}

async function dbsOfferingId(api: LoggedTestApp, token: string): Promise<string> {
  const answer = await post(api.url, catalogueCodesQuery(50), token);
  const nodes =
    (answer.body.data?.serviceCatalogue as { nodes: { id: string; code: string }[] } | undefined)?.nodes ?? [];
  return nodes.find((node) => node.code === 'dbs-check')?.id ?? '';
}

async function rowsWithKeyPrefix(api: LoggedTestApp, prefix: string): Promise<string[]> {
  const rows = await api.db.asOwner<{ idempotency_key: string }>(
    'select idempotency_key from service_requests where idempotency_key like $1',
    [`${prefix}%`],
  );
  return rows.map((row) => row.idempotency_key).sort();
}

/** The app as main.ts stops it, except that the test closes the database after its checks. */
function stopperFor(api: LoggedTestApp, settings: { drainMs: number; graceMs: number }) {
  return gracefulStop({ logger: api.app.logger, http: api.app.http, database: { close: async () => {} } }, settings);
}

let api: LoggedTestApp | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('SIGTERM with 200 requests in flight', () => {
  it('drops none: those accepted and those that arrive during the drain are all answered, and every answered write is there', async () => {
    api = await startLoggedTestApp({ REQUEST_CONCURRENCY: '4', REQUEST_QUEUE_TIMEOUT_MS: '30000' });
    const running = api;
    const token = await running.tokenFor('lancashire-county-council', ['requester']);
    const offeringId = await dbsOfferingId(running, token);
    const prefix = `stop-${Date.now()}-`;
    const raise = (key: string) =>
      post(
        running.url,
        raiseRequestOrErrorMutation({ offeringId, title: 'New starter', description: 'x', idempotencyKey: key }),
        token,
      );
    const read = () => post(running.url, catalogueCodesQuery(20), token);

    let answered = 0;
    const counted = (answer: Promise<Answer>) => answer.finally(() => (answered += 1));
    const inFlight = Array.from({ length: 200 }, (_, index) =>
      counted(index % 2 === 0 ? raise(`${prefix}a${String(index).padStart(3, '0')}`) : read()),
    );
    // SIGTERM once every one of the 200 has reached the server (in flight, or answered).
    const deadline = Date.now() + 30_000;
    while (running.app.http.load().inFlight + answered < 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const atSignal = running.app.http.load().inFlight;
    const stopping = stopperFor(running, { drainMs: 1_500, graceMs: 30_000 })('SIGTERM');

    // Readiness fails at once; the listener still takes new connections during the drain.
    const readiness = await fetch(`${running.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({ status: 'draining' });
    const duringDrain = Array.from({ length: 20 }, (_, index) => raise(`${prefix}d${String(index).padStart(3, '0')}`));

    await stopping;
    const answers = await Promise.all([...inFlight, ...duringDrain]);
    console.log(`at SIGTERM ${atSignal} of 200 in flight; answers by status`, countBy(answers.map((a) => a.status)));
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();

    // Every write its client saw succeed is there, and nothing else.
    const expected = [
      ...Array.from({ length: 100 }, (_, index) => `${prefix}a${String(index * 2).padStart(3, '0')}`),
      ...Array.from({ length: 20 }, (_, index) => `${prefix}d${String(index).padStart(3, '0')}`),
    ].sort();
    expect(await rowsWithKeyPrefix(running, prefix)).toEqual(expected);
  }, 90_000);
});

describe('a write that cannot finish in the grace period', () => {
  it('rolls back, and only then is its client told (503, retry)', async () => {
    api = await startLoggedTestApp();
    const running = api;
    const token = await running.tokenFor('lancashire-county-council', ['requester']);
    const offeringId = await dbsOfferingId(running, token);
    const key = `stuck-${Date.now()}`;
    // The write waits on the database: a lock on the server, the one transaction on PGlite.
    const release = await holdDatabase(running.db, 'service_requests', 'exclusive');
    const write = post(
      running.url,
      raiseRequestOrErrorMutation({ offeringId, title: 'Stuck', description: 'x', idempotencyKey: key }),
      token,
    );
    const deadline = Date.now() + 10_000;
    while (running.app.http.load().inFlight === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));

    const stopping = stopperFor(running, { drainMs: 0, graceMs: 500 })('SIGTERM');
    // The hold outlives the grace period; released, the write must not commit.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await release();
    await stopping;
    const answer = await write;

    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await rowsWithKeyPrefix(running, key)).toEqual([]);
    expect(running.logLines().some((line) => line.msg === 'grace period over: rolling back what still runs')).toBe(
      true,
    );
  }, 30_000);
});

function countBy(values: (number | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}
