import { queryRows, type RequestCaller } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationSlugsQuery } from './support/queries/organisation-queries.ts';
import { requestsPageQuery } from './support/queries/service-request-queries.ts';
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
const requestsPage: Operation = requestsPageQuery();

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
      expect(statements[1]).toMatch(/app\.begin_read_ahead/);
      expect(statements[2]).toMatch(/"service_requests"/);
      expect(statements[3]).toBe('commit');
      expect(roundTrips).toBe(1);
    } else {
      // PGlite: in-process calls, each counted; its own transaction call sets the role first.
      expect(statements).toHaveLength(3);
      expect(statements[0]).toBe('set local role ssp_runtime');
      expect(statements[1]).toMatch(/app\.begin_read_ahead/);
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
      // On a server the read went out with the set-up (and never ran); in process it is not sent.
      if (server()) expect(statements.some((text) => /"service_requests"/.test(text))).toBe(true);
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
    const { response, statements } = await measured(organisationSlugsQuery(), token);
    expect(response.body.errors).toBeUndefined();
    const slugs = (response.body.data as { organisations: { nodes: { slug: string }[] } }).organisations.nodes.map(
      (node) => node.slug,
    );
    expect(slugs).toEqual(expect.arrayContaining(['edinburgh-partnership', 'city-of-edinburgh-council']));
    expect(statements.filter((text) => /app\.begin_read_ahead/.test(text))).toHaveLength(1);
    expect(statements.filter((text) => /app\.begin_request/.test(text))).toHaveLength(1);
  });

  it('runs none of the reads for a caller the database does not confirm, and shows it no tenant', async () => {
    // The reads go out before the application has seen the set-up's answer, so the database
    // itself refuses: app.begin_read_ahead aborts the transaction, and the reads sent after it
    // never run. The ordinary set-up leaves such a caller an empty context besides.
    const slug = 'lancashire-county-council';
    const organisationId = api.organisationId(slug);
    const countRequests = sql`select count(*)::int as count from service_requests where tenant_id = ${organisationId}`;
    const visibleContext = sql`select coalesce(cardinality(app.current_tenant_ids()), 0)::int as visible`;
    const callerWith = (caller: Partial<RequestCaller>): RequestCaller => ({
      organisationId,
      issuer: 'https://unconfirmed.test/',
      subject: 'nobody',
      clientId: null,
      rolesClaimed: false,
      ...caller,
    });
    const readAhead = async (caller: Partial<RequestCaller>) => {
      const read = await api.app.database.readInRequestTransaction(callerWith(caller), [countRequests]);
      return read && Number(read.rows[0]![0]!.count);
    };
    const ordinary = (caller: Partial<RequestCaller>) =>
      api.app.database.inRequestTransaction(callerWith(caller), async (tx, setUp) => {
        const [requests] = await queryRows<{ count: number }>(tx, countRequests);
        const [context] = await queryRows<{ visible: number }>(tx, visibleContext);
        return { visibleTenants: setUp.visibleTenants, requests: requests!.count, context: context!.visible };
      });

    expect(await readAhead({ rolesClaimed: true })).toBeGreaterThan(0);
    expect((await ordinary({ rolesClaimed: true })).context).toBe(1);
    const unconfirmed = { visibleTenants: 0, requests: 0, context: 0 };
    // A person of another identity provider with no membership, and a client that is not registered.
    for (const caller of [{}, { clientId: 'no-such-client', rolesClaimed: true }]) {
      expect(await readAhead(caller)).toBeNull();
      expect(await ordinary(caller)).toEqual(unconfirmed);
    }
    const setStatus = (status: string) =>
      api.db.asOwner('update organisations set lifecycle_status = $1 where id = $2', [status, organisationId]);
    for (const status of ['suspended', 'offboarded']) {
      await setStatus(status);
      try {
        expect(await readAhead({ rolesClaimed: true })).toBeNull();
        expect(await ordinary({ rolesClaimed: true })).toEqual(unconfirmed);
      } finally {
        await setStatus('active');
      }
    }
  });

  it('reads ahead on the partnership-wide path only for a platform admin of the platform operator', async () => {
    // That path sees every tenant whatever the context, so the set-up must refuse there itself.
    const token = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const { response, statements, roundTrips } = await measured(requestsPage, token);
    expect(response.body.errors).toBeUndefined();
    if (server()) {
      expect(statements).toHaveLength(4);
      expect(statements[1]).toMatch(/app\.begin_read_ahead/);
      expect(roundTrips).toBe(1);
    }
    const purpose = { actor: 'test', reason: 'read ahead on the partnership-wide path' };
    const allRequests = sql`select count(*)::int as count from service_requests`;
    const platformRead = (caller: Partial<RequestCaller>) =>
      api.app.database.readInRequestTransaction(
        {
          organisationId: api.organisationId('shared-services-platform'),
          issuer: 'https://platform.test/',
          subject: 'platform',
          clientId: null,
          rolesClaimed: true,
          ...caller,
        },
        [allRequests],
        purpose,
      );
    const confirmed = await platformRead({});
    expect(Number(confirmed?.rows[0]?.[0]?.count)).toBeGreaterThan(0);
    // Not the platform operator; a client not registered; a member with no membership.
    expect(await platformRead({ organisationId: api.organisationId('lancashire-county-council') })).toBeNull();
    expect(await platformRead({ clientId: 'no-such-client' })).toBeNull();
    expect(await platformRead({ rolesClaimed: false })).toBeNull();
  });
});
