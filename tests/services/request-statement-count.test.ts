import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRequestListQuery, serviceRequestsQuery } from '../support/queries/service-request-lifecycle-queries.ts';
import type { Operation } from '../support/test-app.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { type HistoricRequest, insertHistoricRequests } from './support/request-fixtures.ts';

let api: TestApp;
const LANCASHIRE = 'lancashire-county-council';
const OFFERINGS = [
  'dbs-check',
  'ict-user-support',
  'password-reset',
  'payroll-change',
  'ict-incident',
  'invoice-processing',
];

beforeAll(async () => {
  api = await startTestApp();
  // 120 requests over the last weeks, across several offerings, each with a history (some
  // paused, some resolved): one insert for the requests and one for their histories.
  const base = Date.now() - 30 * 24 * 3_600_000;
  const requests: HistoricRequest[] = Array.from({ length: 120 }, (_, index) => {
    const raisedAt = new Date(base + index * 3 * 3_600_000);
    const moves: HistoricRequest['moves'] = [];
    if (index % 3 === 1) moves.push({ status: 'in_progress', at: new Date(raisedAt.getTime() + 600_000) });
    if (index % 3 === 2) {
      moves.push({ status: 'waiting_on_customer', at: new Date(raisedAt.getTime() + 600_000), reason: 'Query' });
      moves.push({ status: 'resolved', at: new Date(raisedAt.getTime() + 1_200_000) });
    }
    return { slug: LANCASHIRE, offeringCode: OFFERINGS[index % OFFERINGS.length]!, raisedAt, moves };
  });
  await insertHistoricRequests(api, requests);
});
afterAll(() => api?.close());

interface ListAnswer {
  serviceRequests: {
    nodes: {
      id: string;
      offering: { code: string };
      organisation: { slug: string };
      fulfilmentSla: { state: string };
    }[];
  };
}

async function cost(operation: Operation, token: string) {
  const { result, statements } = await api.app.database.statements.measure(() =>
    api.graphql<ListAnswer>(operation, token),
  );
  expect(result.body.errors).toBeUndefined();
  return { nodes: result.body.data!.serviceRequests.nodes, statements };
}

describe('listing requests costs a number of SQL statements fixed by the query, not by its rows', () => {
  it('100 requests with their offering, organisation and fulfilment SLA cost the same as 1', async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    const one = await cost(serviceRequestListQuery(1), requester);
    const ten = await cost(serviceRequestListQuery(10), requester);
    const hundred = await cost(serviceRequestListQuery(100), requester);
    expect(one.nodes).toHaveLength(1);
    expect(hundred.nodes).toHaveLength(100);
    // Every row really came with its relations and its clock.
    expect(new Set(hundred.nodes.map((node) => node.organisation.slug))).toEqual(new Set([LANCASHIRE]));
    expect(new Set(hundred.nodes.map((node) => node.offering.code)).size).toBe(OFFERINGS.length);
    expect(new Set(hundred.nodes.map((node) => node.fulfilmentSla.state))).toEqual(new Set(['RUNNING', 'STOPPED']));
    expect(ten.statements).toBe(one.statements);
    expect(hundred.statements).toBe(one.statements);
    // The set-up (actor check and tenant context in one statement), and one statement for the page
    // with its offerings, organisations, SLA versions and histories; wrapped in BEGIN/COMMIT on a
    // server (PGlite's in-process transaction starts with `set local role` instead), as
    // tests/statement-count.test.ts counts for a tenant.
    expect(one.statements).toBe(api.app.database.engine === 'pglite' ? 3 : 4);
  });

  it('the full request (history, comments, both clocks, SLA version) costs the same for 100 as for 1', async () => {
    const requester = await api.tokenFor(LANCASHIRE, ['requester']);
    const one = await cost(serviceRequestsQuery({ first: 1 }), requester);
    const hundred = await cost(serviceRequestsQuery({ first: 100 }), requester);
    expect(hundred.nodes).toHaveLength(100);
    expect(hundred.statements).toBe(one.statements);
  });

  it('a service agent of the partnership (a widened tenant context) also pays the same for 100 as for 1', async () => {
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
    // Its first request plans its read for the agent's organisation alone, and the database's
    // set-up has it sent again (once; see statement-count.test.ts): then both are measured.
    await cost(serviceRequestListQuery(1), agent);
    const one = await cost(serviceRequestListQuery(1), agent);
    const hundred = await cost(serviceRequestListQuery(100), agent);
    expect(hundred.nodes).toHaveLength(100);
    expect(hundred.statements).toBe(one.statements);
  });
});
