import { tables } from '@ssp/schema';
import { seedOfferingId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfferingView, serviceCatalogueQuery } from '../support/queries/service-catalogue-queries.ts';
import {
  type ServiceRequestView,
  serviceRequestNodeQuery,
} from '../support/queries/service-request-lifecycle-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { raise } from './support/request-fixtures.ts';

// SLA definitions are versioned: a request keeps the version in force when it was raised, so a
// new target never rewrites past attainment. (This file changes the DBS check's SLA, so it runs
// on its own database copy, apart from the other tests.)

let api: TestApp;
let requester: string;
beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor('lancashire-county-council', ['requester']);
});
afterAll(() => api?.close());

async function read(id: string): Promise<ServiceRequestView> {
  const response = await api.graphql<{ node: ServiceRequestView }>(serviceRequestNodeQuery(id), requester);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.node;
}

async function dbsOffering(): Promise<OfferingView> {
  const response = await api.graphql<{ serviceCatalogue: { nodes: OfferingView[] } }>(
    serviceCatalogueQuery({ first: 10, filter: { search: 'CRB' } }),
    requester,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.serviceCatalogue.nodes[0]!;
}

function addDbsVersion(version: number, workingDays: number, effectiveFrom: Date) {
  return api.app.database.inPlatformTransaction({ actor: 'test', reason: 'publish a new SLA version' }, (tx) =>
    tx.insert(tables.slaDefinitions).values({
      offeringId: seedOfferingId('dbs-check'),
      version,
      fulfilmentUnit: 'working_days',
      fulfilmentAmount: workingDays,
      effectiveFrom,
    }),
  );
}

describe('versioned SLA definitions', () => {
  it('a new target applies to requests raised from then on; earlier requests keep theirs and their clocks', async () => {
    const before = await raise(api, requester, { offeringCode: 'dbs-check' });
    expect(before.slaDefinition.version).toBe(1);

    await addDbsVersion(2, 5, new Date(Date.now() - 1_000));

    const after = await raise(api, requester, { offeringCode: 'dbs-check' });
    expect(after.slaDefinition.version).toBe(2);
    // Five working days instead of two: at least three more working days (24 h) of budget.
    expect(after.fulfilmentSla.secondsRemaining - before.fulfilmentSla.secondsRemaining).toBeGreaterThanOrEqual(
      3 * 8 * 3600 - 60,
    );
    expect(Date.parse(after.fulfilmentSla.dueAt)).toBeGreaterThan(Date.parse(before.fulfilmentSla.dueAt));

    const reread = await read(before.id);
    expect(reread.slaDefinition.version).toBe(1);
    expect(reread.fulfilmentSla.dueAt).toBe(before.fulfilmentSla.dueAt);

    const offering = await dbsOffering();
    expect(offering.currentSla).toMatchObject({ version: 2, fulfilmentUnit: 'WORKING_DAYS', fulfilmentAmount: 5 });
  });

  it('a version that takes effect in the future is not used yet, and is not what the catalogue shows as in force now', async () => {
    await addDbsVersion(3, 1, new Date(Date.now() + 365 * 24 * 3_600_000));
    const raised = await raise(api, requester, { offeringCode: 'dbs-check' });
    expect(raised.slaDefinition.version).toBe(2);
    // currentSla is documented as "the service levels in force now": version 3 is not in force yet.
    const offering = await dbsOffering();
    expect(offering.currentSla).toMatchObject({ version: 2, fulfilmentAmount: 5 });
  });
});
