import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

it('raises, works and resolves a request over GraphQL with its SLA clock', async () => {
  const requester = await api.tokenFor('lancashire-county-council', ['requester']);
  const catalogue = await api.graphql<{ serviceCatalogue: { nodes: { id: string; code: string }[] } }>(
    {
      query:
        '{ serviceCatalogue(first: 50, filter: { search: "dbs" }) { nodes { id code unitPrice { amount currency } currentSla { fulfilmentUnit fulfilmentAmount } } } }',
    },
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
    {
      query: `mutation R($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) { __typename
        ... on ServiceRequestPayload { replayed serviceRequest { id reference status fulfilmentSla { state dueAt secondsRemaining breached } responseSla { state } } }
        ... on Error { message } } }`,
      variables: {
        input: {
          offeringId: dbs.id,
          title: 'DBS check for new teaching assistant',
          description: 'Complete information attached',
          idempotencyKey: 'smoke-0001',
        },
      },
    },
    requester,
  );
  expect(raised.body.errors).toBeUndefined();
  expect(raised.body.data?.raiseServiceRequest.__typename).toBe('ServiceRequestPayload');
  expect(raised.body.data?.raiseServiceRequest.serviceRequest.fulfilmentSla.state).toBe('RUNNING');
});
