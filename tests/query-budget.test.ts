import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsQuery, viewerQuery } from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// The query budget (Shopify's leaky bucket): every operation's price comes out of its caller's
// bucket and its organisation's bucket, which refill at a steady rate; past either, 429 with
// Retry-After, and no SQL. Small buckets here so a few requests reach the edge.

const CALLER = { points: 300, restorePerSecond: 40 };
const TENANT = { points: 450, restorePerSecond: 40 };
/** The organisations page of 10 with 10 children each: 2 + 10 x (1 + 1 + 2 + 10 x 1). */
const PAGE = organisationsQuery({ first: 10, children: 10 });
const PAGE_COST = 142;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp({
    CALLER_BUDGET_POINTS: String(CALLER.points),
    CALLER_BUDGET_RESTORE_PER_SECOND: String(CALLER.restorePerSecond),
    TENANT_BUDGET_POINTS: String(TENANT.points),
    TENANT_BUDGET_RESTORE_PER_SECOND: String(TENANT.restorePerSecond),
    QUERY_MAX_COST: '300',
  });
});
afterAll(() => api?.close());

interface Cost {
  requestedQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  tenantThrottleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Sends the page as `token`, with the statements it caused and how long ago it started. */
async function send(token: string, operation = PAGE) {
  const before = api.app.database.statements.count;
  const response = await api.graphql(operation, token);
  return {
    ...response,
    cost: response.body.extensions?.cost as Cost | undefined,
    statements: api.app.database.statements.count - before,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the remaining budget is in every authenticated response', () => {
  it('with the price asked, the caller bucket and the organisation bucket', async () => {
    const token = await api.tokenFor('liverpool-city-council', ['tenant_admin'], 'budget:shape');
    const answer = await send(token);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cost?.requestedQueryCost).toBe(PAGE_COST);
    expect(answer.cost?.throttleStatus).toMatchObject({
      maximumAvailable: CALLER.points,
      restoreRate: CALLER.restorePerSecond,
    });
    expect(answer.cost?.tenantThrottleStatus).toMatchObject({
      maximumAvailable: TENANT.points,
      restoreRate: TENANT.restorePerSecond,
    });
    // Full buckets less this operation, read as it was charged.
    expect(answer.cost?.throttleStatus.currentlyAvailable).toBe(CALLER.points - PAGE_COST);
    expect(answer.cost?.tenantThrottleStatus.currentlyAvailable).toBe(TENANT.points - PAGE_COST);
  });

  it('and not in an anonymous one, which reaches no tenant data and is not charged', async () => {
    const response = await api.graphql(viewerQuery());
    expect(response.body).toEqual({ data: { viewer: null } });
  });
});

describe('past the caller budget', () => {
  it('is a 429 with Retry-After and no SQL; after Retry-After seconds the same operation runs', async () => {
    const token = await api.tokenFor('boston-borough-council', ['requester'], 'budget:caller');
    // 300 points hold two pages of 142; a third comes while 16 (plus what flowed back) are left.
    expect((await send(token)).status).toBe(200);
    expect((await send(token)).status).toBe(200);
    const refused = await send(token);
    expect(refused.status).toBe(429);
    expect(refused.statements).toBe(0);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    const available = refused.cost?.throttleStatus.currentlyAvailable ?? Number.NaN;
    expect(available).toBeLessThan(PAGE_COST);
    // The wait is what the missing points take to flow back, rounded up to whole seconds.
    expect(retryAfter).toBe(Math.max(1, Math.ceil((PAGE_COST - available) / CALLER.restorePerSecond)));
    expect(refused.cost?.requestedQueryCost).toBe(PAGE_COST);

    await sleep(retryAfter * 1000);
    const again = await send(token);
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
    expect(again.statements).toBeGreaterThan(0);
  });

  it('a cheap operation still fits where an expensive one does not', async () => {
    const token = await api.tokenFor('city-of-lincoln-council', ['requester'], 'budget:cheap');
    await send(token);
    await send(token);
    expect((await send(token)).status).toBe(429);
    const viewer = await send(token, viewerQuery());
    expect(viewer.status).toBe(200);
    expect(viewer.cost?.requestedQueryCost).toBe(2);
  });
});

describe('past the organisation budget', () => {
  it('refuses every caller of that organisation, and no one else', async () => {
    // Two people of one organisation: 450 points between them, each with 300 of their own.
    const slug = 'east-lindsey-district-council';
    const first = await api.tokenFor(slug, ['tenant_admin'], 'budget:first');
    const second = await api.tokenFor(slug, ['tenant_admin'], 'budget:second');
    expect((await send(first)).status).toBe(200);
    expect((await send(first)).status).toBe(200);
    expect((await send(second)).status).toBe(200); // 426 of the 450 spent
    const refused = await send(second); // its own bucket holds 158: it is the organisation's that is empty
    expect(refused.status).toBe(429);
    expect(refused.statements).toBe(0);
    expect(refused.cost?.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(PAGE_COST);
    expect(refused.cost?.tenantThrottleStatus.currentlyAvailable).toBeLessThan(PAGE_COST);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Another organisation's caller is untouched.
    const other = await send(await api.tokenFor('north-kesteven-district-council', ['tenant_admin'], 'budget:other'));
    expect(other.status).toBe(200);
    expect(other.cost?.tenantThrottleStatus.currentlyAvailable).toBe(TENANT.points - PAGE_COST);
  });
});

describe('an operation dearer than a bucket could ever hold', () => {
  it('is a 400 (retrying would not help), not a 429', async () => {
    const token = await api.tokenFor('mid-suffolk-district-council', ['tenant_admin'], 'budget:too-big');
    const answer = await send(token, organisationsQuery({ first: 30, children: 10 }));
    expect(answer.status).toBe(400);
    expect(answer.statements).toBe(0);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
  });
});
