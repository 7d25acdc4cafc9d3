import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  catalogueCodesQuery,
  catalogueSearchQuery,
  changeStatusShowingPausesMutation,
  raiseRequestIdMutation,
  raiseRequestWithClocksMutation,
} from '../support/queries/service-request-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

it('raises, works and resolves a request over GraphQL with its SLA clock', async () => {
  const requester = await api.tokenFor('lancashire-county-council', ['requester']);
  const catalogue = await api.graphql<{ serviceCatalogue: { nodes: { id: string; code: string }[] } }>(
    catalogueSearchQuery('dbs'),
    requester,
  );
  expect(catalogue.body.errors).toBeUndefined();
  const dbs = catalogue.body.data!.serviceCatalogue.nodes.find((node) => node.code === 'dbs-check')!;
  const raised = await api.graphql<{
    raiseServiceRequest: {
      __typename: string;
      serviceRequest: { id: string; fulfilmentSla: { state: string; breached: boolean } };
    };
  }>(
    raiseRequestWithClocksMutation({
      offeringId: dbs.id,
      title: 'DBS check for new teaching assistant',
      description: 'Complete information attached',
      idempotencyKey: 'smoke-0001',
    }),
    requester,
  );
  expect(raised.body.errors).toBeUndefined();
  expect(raised.body.data?.raiseServiceRequest.__typename).toBe('ServiceRequestPayload');
  expect(raised.body.data?.raiseServiceRequest.serviceRequest.fulfilmentSla.state).toBe('RUNNING');
});

it('shows the pause reason on the clock while the request waits on the customer', async () => {
  const requester = await api.tokenFor('lancashire-county-council', ['requester']);
  const agent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
  const catalogue = await api.graphql<{ serviceCatalogue: { nodes: { id: string; code: string }[] } }>(
    catalogueCodesQuery(50),
    requester,
  );
  const offering = catalogue.body.data!.serviceCatalogue.nodes.find((node) => node.code === 'payslip-query')!;
  const raised = await api.graphql<{ raiseServiceRequest: { serviceRequest: { id: string } } }>(
    raiseRequestIdMutation({
      offeringId: offering.id,
      title: 'Payslip query',
      description: 'March overtime',
      idempotencyKey: 'smoke-pause-1',
    }),
    requester,
  );
  const requestId = raised.body.data!.raiseServiceRequest.serviceRequest.id;
  const moved = await api.graphql<{
    changeServiceRequestStatus: {
      serviceRequest: { fulfilmentSla: { state: string; pauses: { reason: string; to: string | null }[] } };
    };
  }>(
    changeStatusShowingPausesMutation({
      requestId,
      status: 'WAITING_ON_CUSTOMER',
      reason: 'Need the timesheet for week 12',
    }),
    agent,
  );
  expect(moved.body.errors).toBeUndefined();
  const clock = moved.body.data!.changeServiceRequestStatus.serviceRequest.fulfilmentSla;
  expect(clock.state).toBe('PAUSED');
  expect(clock.pauses).toEqual([expect.objectContaining({ reason: 'Need the timesheet for week 12', to: null })]);
});
