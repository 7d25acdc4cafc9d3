import { queryRows, type RequestCaller } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Operation, startTestApp, type TestApp } from './support/test-app.ts';

// A query the selection compiler answers whole is planned for the caller its token presumes and
// sent with the transaction's set-up: BEGIN, app.begin_request, the read and COMMIT in one round
// trip on a server. Its rows are used only once the database has confirmed that caller.

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const server = () => api.app.database.engine === 'postgres';
const requestsPage: Operation = {
  query: '{ serviceRequests(first: 5) { nodes { reference status offering { code } } } }',
};

async function measured(operation: Operation, token: string) {
  const { roundTrips, statements } = api.app.database;
  const before = roundTrips.count;
  const { result, statements: sent } = await statements.record(() => api.graphql(operation, token));
  return { response: result, roundTrips: roundTrips.count - before, statements: sent };
}

describe('a compiled read', () => {
  it('costs one round trip on a server: BEGIN, the set-up, the read and COMMIT written together', async () => {
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const { response, roundTrips, statements } = await measured(requestsPage, token);
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data as { serviceRequests: { nodes: unknown[] } }).serviceRequests.nodes.length).toBe(5);
    if (server()) {
      expect(statements).toHaveLength(4);
      expect(statements[0]).toBe('begin');
      expect(statements[1]).toMatch(/app\.begin_request/);
      expect(statements[2]).toMatch(/"service_requests"/);
      expect(statements[3]).toBe('commit');
      expect(roundTrips).toBe(1);
    } else {
      // PGlite: in-process calls, each counted; its own transaction call sets the role first.
      expect(statements).toHaveLength(3);
      expect(statements[0]).toBe('set local role ssp_runtime');
      expect(statements[1]).toMatch(/app\.begin_request/);
      expect(statements[2]).toMatch(/"service_requests"/);
      expect(roundTrips).toBe(3);
    }
  });

  it('is a named (prepared) statement on a server, the same name for the same selection', async () => {
    if (!server()) return;
    const token = await api.tokenFor('lancashire-county-council', ['requester']);
    const { statements } = await measured(requestsPage, token);
    // Sequential requests reuse the most recently released connection, so this one holds it.
    const caller: RequestCaller = {
      organisationId: api.organisationId('lancashire-county-council'),
      issuer: 'https://prepared.test/',
      subject: 'prepared',
      clientId: null,
      rolesClaimed: true,
    };
    const prepared = await api.app.database.inRequestTransaction(caller, (tx) =>
      queryRows<{ name: string; statement: string }>(tx, sql`select name, statement from pg_prepared_statements`),
    );
    const read = prepared.find((row) => row.statement === statements[2]);
    expect(read?.name).toMatch(/^ssp_\d+$/);
  });

  it('answers a refused caller with its refusal, not with the rows read beside the set-up', async () => {
    const slug = 'south-ribble-borough-council';
    const token = await api.tokenFor(slug, ['requester']);
    const setStatus = (status: string) =>
      api.db.asOwner('update organisations set lifecycle_status = $1 where id = $2', [
        status,
        api.organisationId(slug),
      ]);
    await setStatus('suspended');
    try {
      const { response, statements } = await measured(requestsPage, token);
      expect(statements.some((text) => /"service_requests"/.test(text))).toBe(true);
      expect(response.status).toBe(401);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.message).toMatch(/the organisation is suspended/);
    } finally {
      await setStatus('active');
    }
  });

  it('is asked again through the resolvers when the confirmed caller sees more than its token presumed', async () => {
    // The Edinburgh partnership acts for the City of Edinburgh by a seeded delegation: the
    // statement read its own organisation only, so the answer comes from a second transaction.
    const token = await api.tokenFor('edinburgh-partnership', ['requester']);
    const { response, statements } = await measured(
      { query: '{ organisations(first: 100) { nodes { slug } } }' },
      token,
    );
    expect(response.body.errors).toBeUndefined();
    const slugs = (response.body.data as { organisations: { nodes: { slug: string }[] } }).organisations.nodes.map(
      (node) => node.slug,
    );
    expect(slugs).toEqual(expect.arrayContaining(['edinburgh-partnership', 'city-of-edinburgh-council']));
    expect(statements.filter((text) => /app\.begin_request/.test(text))).toHaveLength(2);
  });

  it('reads nothing of any tenant for a caller the database does not confirm', async () => {
    // The reads go out before the application has seen the set-up's answer, so the database
    // itself must leave an unconfirmed caller with an empty context.
    const slug = 'lancashire-county-council';
    const organisationId = api.organisationId(slug);
    const countRequests = sql`select count(*)::int as count from service_requests where tenant_id = ${organisationId}`;
    const seen = async (caller: Partial<RequestCaller>) => {
      const { setUp, rows } = await api.app.database.readInRequestTransaction(
        {
          organisationId,
          issuer: 'https://unconfirmed.test/',
          subject: 'nobody',
          clientId: null,
          rolesClaimed: false,
          ...caller,
        },
        [countRequests, sql`select coalesce(cardinality(app.current_tenant_ids()), 0) as visible`],
      );
      return {
        visibleTenants: setUp.visibleTenants,
        requests: Number(rows[0]![0]!.count),
        context: Number(rows[1]![0]!.visible),
      };
    };
    const confirmed = await seen({ rolesClaimed: true });
    expect(confirmed.requests).toBeGreaterThan(0);
    expect(confirmed.context).toBe(1);

    // A person of another identity provider with no membership, and a client that is not registered.
    for (const caller of [{}, { clientId: 'no-such-client', rolesClaimed: true }]) {
      expect(await seen(caller)).toEqual({ visibleTenants: 0, requests: 0, context: 0 });
    }
    const setStatus = (status: string) =>
      api.db.asOwner('update organisations set lifecycle_status = $1 where id = $2', [status, organisationId]);
    for (const status of ['suspended', 'offboarded']) {
      await setStatus(status);
      try {
        expect(await seen({ rolesClaimed: true })).toEqual({ visibleTenants: 0, requests: 0, context: 0 });
      } finally {
        await setStatus('active');
      }
    }
  });

  it('does not read ahead of the confirmation on the partnership-wide path, which sees every tenant', async () => {
    const token = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const { response, statements } = await measured(requestsPage, token);
    expect(response.body.errors).toBeUndefined();
    const setUp = statements.findIndex((text) => /app\.begin_request/.test(text));
    const read = statements.findIndex((text) => /"service_requests"/.test(text));
    expect(setUp).toBeGreaterThanOrEqual(0);
    expect(read).toBeGreaterThan(setUp);
    if (server()) {
      // BEGIN and the set-up go together; the read waits for the answer.
      const { roundTrips } = await measured(requestsPage, token);
      expect(roundTrips).toBeGreaterThanOrEqual(2);
    }
  });
});
