import { queryRows, type RequestCaller } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsQuery, viewerQuery } from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const server = () => api.app.database.engine === 'postgres';
const caller = (slug: string): RequestCaller => ({
  organisationId: api.organisationId(slug),
  issuer: 'https://set-up.test/',
  subject: 'set-up',
  clientId: null,
  rolesClaimed: true,
});

describe("a request's set-up", () => {
  it('costs one round trip: BEGIN goes with app.begin_request, which confirms the caller and sets the context', async () => {
    const { roundTrips, statements } = api.app.database;
    const before = { roundTrips: roundTrips.count, statements: statements.count };
    const atWork = await api.app.database.inRequestTransaction(
      caller('bt-lancashire-services'),
      async (_tx, setUp) => ({
        roundTrips: roundTrips.count - before.roundTrips,
        statements: statements.count - before.statements,
        setUp,
      }),
    );
    // A partnership with hundreds of delegations, found by the database: nothing else was sent.
    expect(atWork.setUp).toMatchObject({ organisationKind: 'partnership', lifecycleStatus: 'active' });
    expect(atWork.setUp.visibleTenants).toBeGreaterThan(500);
    if (server()) {
      expect(atWork).toMatchObject({ roundTrips: 1, statements: 2 }); // BEGIN and the set-up, written together
      // Then COMMIT: the whole empty request is two round trips.
      expect(roundTrips.count - before.roundTrips).toBe(2);
    } else {
      // PGlite: one backend in the process, BEGIN inside its own transaction call; the set-up is
      // `set local role` and the same one statement.
      expect(atWork).toMatchObject({ roundTrips: 2, statements: 2 });
    }
  });

  it('leaves exactly the caller and its delegations in the context, set once', async () => {
    const delegations = await api.db.asOwner<{ count: string }>(
      'select count(*) as count from delegations where tenant_id = $1',
      [api.organisationId('bt-lancashire-services')],
    );
    const seen = await api.app.database.inRequestTransaction(caller('bt-lancashire-services'), async (tx, setUp) => {
      const [row] = await queryRows<{ ids: number; organisations: number | string }>(
        tx,
        sql`select cardinality(app.current_tenant_ids()) as ids, (select count(*) from organisations) as organisations`,
      );
      return { setUp: setUp.visibleTenants, ids: Number(row?.ids), organisations: Number(row?.organisations) };
    });
    expect(seen).toEqual({
      setUp: Number(delegations[0]?.count) + 1,
      ids: Number(delegations[0]?.count) + 1,
      organisations: Number(delegations[0]?.count) + 1,
    });
  });

  it('is a named (prepared) statement on a server', async () => {
    if (!server()) return;
    const names = await api.app.database.inRequestTransaction(caller('lancashire-county-council'), async (tx) =>
      (await queryRows<{ name: string }>(tx, sql`select name from pg_prepared_statements`)).map((row) => row.name),
    );
    expect(names).toContain('ssp_begin_request');
  });

  it('a transaction that sends nothing sends no BEGIN or COMMIT either', async () => {
    const { result, statements } = await api.app.database.roundTrips.measure(() =>
      api.app.database.inPlatformTransaction({ actor: 'test', reason: 'nothing' }, async () => 'done'),
    );
    expect(result).toBe('done');
    // PGlite's own transaction call does not go through the counter; its SET LOCAL ROLE does.
    expect(statements).toBe(server() ? 0 : 1);
  });

  it('costs the same over HTTP for a caller with 567 delegations as for one with none, BEGIN sharing a round trip', async () => {
    const measure = async (slug: string) => {
      const token = await api.tokenFor(slug, ['tenant_admin']);
      const { roundTrips, statements } = api.app.database;
      const before = { roundTrips: roundTrips.count, statements: statements.count };
      const response = await api.graphql(viewerQuery(), token);
      expect(response.body.errors).toBeUndefined();
      return { roundTrips: roundTrips.count - before.roundTrips, statements: statements.count - before.statements };
    };
    const small = await measure('transform-sandwell');
    const large = await measure('bt-lancashire-services');
    expect(large).toEqual(small);
    if (server()) expect(large.roundTrips).toBe(large.statements - 1);

    const county = await api.tokenFor('bt-lancashire-services', ['tenant_admin']);
    const page = await api.graphql<{ organisations: { nodes: unknown[] } }>(organisationsQuery({ first: 100 }), county);
    expect(page.body.data?.organisations.nodes).toHaveLength(100);
  });
});
