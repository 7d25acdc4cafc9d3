import { seedOrganisations } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import {
  assignServiceRequestMutation,
  type CommentPayloadView,
  commentOnServiceRequestMutation,
  raiseServiceRequestMutation,
  rateServiceRequestMutation,
  type ServiceRequestFilterInput,
  type ServiceRequestView,
  serviceRequestNodeQuery,
  serviceRequestsQuery,
} from '../support/queries/service-request-lifecycle-queries.ts';
import { nodeIdsQuery } from '../support/queries/service-request-queries.ts';
import { startTestApp, type TestApp, withCost } from '../support/test-app.ts';
import { move, moveOk, newKey, raise, requestRow, requestRowsOf, sendForPayload } from './support/request-fixtures.ts';
import { offeringGlobalId, requestGlobalId } from './support/request-ids.ts';

let api: TestApp;
let lancashire: string;
let liverpool: string;
let lancashireAgent: string;
let liverpoolAgent: string;
/** A Lancashire request, resolved (so it could be rated) by the time the tests run. */
let target: ServiceRequestView;
/** Liverpool's own request. */
let liverpoolRequest: ServiceRequestView;

const LANCASHIRE = 'lancashire-county-council';
const LIVERPOOL = 'liverpool-city-council';
const MISSING_REQUEST = requestGlobalId('00000000-0000-4000-8000-000000000000');

beforeAll(async () => {
  api = await startTestApp();
  lancashire = await api.tokenFor(LANCASHIRE, ['requester', 'tenant_admin']);
  liverpool = await api.tokenFor(LIVERPOOL, ['requester', 'tenant_admin']);
  lancashireAgent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
  liverpoolAgent = await api.tokenFor('liverpool-direct', ['service_agent']);
  target = await raise(api, lancashire, { offeringCode: 'dbs-check', title: 'Lancashire confidential DBS check' });
  await moveOk(api, lancashireAgent, { requestId: target.id, status: 'RESOLVED', firstContactResolution: true });
  liverpoolRequest = await raise(api, liverpool, { offeringCode: 'password-reset', title: 'Liverpool password reset' });
});
afterAll(() => api?.close());

type RequestList = { serviceRequests: { nodes: ServiceRequestView[] } };

async function listAs(token: string, filter?: ServiceRequestFilterInput) {
  const response = await api.graphql<RequestList>(
    serviceRequestsQuery({ first: 100, ...(filter ? { filter } : {}) }),
    token,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.serviceRequests.nodes;
}

/** The target request's row with its history and comments, to prove nothing was written. */
const snapshot = async () => {
  const row = await requestRow(api, target.id);
  return { ...row, statusChanges: row?.statusChanges.length, comments: row?.comments.length };
};

describe("a requester of one organisation cannot see another's requests", () => {
  it('serviceRequests lists only its own, even when filtered for the other organisation', async () => {
    const own = await listAs(liverpool);
    expect(own.map((node) => node.id)).toContain(liverpoolRequest.id);
    expect(own.map((node) => node.id)).not.toContain(target.id);
    expect(new Set(own.map((node) => node.organisation.slug))).toEqual(new Set([LIVERPOOL]));

    const filtered = await listAs(liverpool, { organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)) });
    expect(filtered).toEqual([]);
    const byOffering = await listAs(liverpool, { offeringId: offeringGlobalId('dbs-check') });
    expect(byOffering.map((node) => node.id)).not.toContain(target.id);

    // And the other way round.
    const lancashireView = await listAs(lancashire);
    expect(lancashireView.map((node) => node.id)).toContain(target.id);
    expect(lancashireView.map((node) => node.id)).not.toContain(liverpoolRequest.id);
  });

  it('node(id) is null for the other organisation request, the same answer as for an id that does not exist', async () => {
    for (const id of [target.id, MISSING_REQUEST]) {
      const response = await api.graphql(serviceRequestNodeQuery(id), liverpool);
      expect(response.body).toEqual(withCost({ data: { node: null } }));
    }
    // The owner does see it.
    const own = await api.graphql<{ node: { id: string } | null }>(serviceRequestNodeQuery(target.id), lancashire);
    expect(own.body.data?.node?.id).toBe(target.id);
  });

  it("nodes(ids) answers null for another organisation's request and still returns its own, in place", async () => {
    const many = await api.graphql<{ nodes: ({ id: string } | null)[] }>(
      nodeIdsQuery([target.id, liverpoolRequest.id]),
      liverpool,
    );
    expect(many.body).toEqual(withCost({ data: { nodes: [null, { id: liverpoolRequest.id }] } }));
  });

  it("cannot change another's request: NotFoundError, as for an id that does not exist, and nothing written", async () => {
    const before = await snapshot();
    const answers = [];
    for (const requestId of [target.id, MISSING_REQUEST]) {
      answers.push(await move(api, liverpool, { requestId, status: 'CLOSED' }));
      answers.push(await move(api, liverpool, { requestId, status: 'IN_PROGRESS' }));
    }
    for (const answer of answers) expect(answer.__typename).toBe('NotFoundError');
    expect(new Set(answers.map((answer) => answer.message)).size).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it("cannot comment on another's request, and nothing is written", async () => {
    const before = await snapshot();
    const response = await api.graphql<{ commentOnServiceRequest: CommentPayloadView }>(
      commentOnServiceRequestMutation({ requestId: target.id, body: 'Peeking at Lancashire' }),
      liverpool,
    );
    expect(response.body.data?.commentOnServiceRequest.__typename).toBe('NotFoundError');
    expect(await snapshot()).toEqual(before);
  });

  it("cannot rate another's resolved request, and nothing is written", async () => {
    const before = await snapshot();
    const answer = await sendForPayload(api, rateServiceRequestMutation({ requestId: target.id, score: 1 }), liverpool);
    expect(answer.__typename).toBe('NotFoundError');
    expect(await snapshot()).toEqual(before);
    expect(before.satisfactionScore).toBeNull();
  });

  it('cannot raise a request for another organisation, and nothing is written', async () => {
    const before = (await requestRowsOf(api, LANCASHIRE)).length;
    const answer = await sendForPayload(
      api,
      raiseServiceRequestMutation({
        organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
        offeringId: offeringGlobalId('dbs-check'),
        title: 'On behalf of Lancashire',
        description: 'Should not be possible',
        idempotencyKey: newKey(),
      }),
      liverpool,
    );
    expect(answer.__typename).toBe('NotFoundError');
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before);
  });

  it('the county does not see the requests of a school beneath it: the hierarchy alone delegates nothing', async () => {
    const school = seedOrganisations().find(
      (organisation) => organisation.kind === 'school' && organisation.parentSlug === LANCASHIRE,
    )!;
    const schoolToken = await api.tokenFor(school.slug, ['requester']);
    const schoolRequest = await raise(api, schoolToken, { offeringCode: 'dbs-check' });
    expect((await listAs(lancashire)).map((node) => node.id)).not.toContain(schoolRequest.id);
    expect((await api.graphql(serviceRequestNodeQuery(schoolRequest.id), lancashire)).body).toEqual(
      withCost({ data: { node: null } }),
    );
    // The partnership that serves the school does.
    expect((await listAs(lancashireAgent)).map((node) => node.id)).toContain(schoolRequest.id);
  });
});

describe('service agents see only the organisations their partnership serves', () => {
  it("an agent of Liverpool Direct sees Liverpool's requests but not Lancashire's", async () => {
    const seen = await listAs(liverpoolAgent);
    const ids = seen.map((node) => node.id);
    expect(ids).toContain(liverpoolRequest.id);
    expect(ids).not.toContain(target.id);
    expect(seen.map((node) => node.organisation.slug)).not.toContain(LANCASHIRE);
    expect((await api.graphql(serviceRequestNodeQuery(target.id), liverpoolAgent)).body).toEqual(
      withCost({ data: { node: null } }),
    );
  });

  it("an agent of BT Lancashire sees Lancashire's requests but not Liverpool's", async () => {
    const ids = (await listAs(lancashireAgent)).map((node) => node.id);
    expect(ids).toContain(target.id);
    expect(ids).not.toContain(liverpoolRequest.id);
    // Narrowed to one customer, it lists only that customer's requests.
    const narrowed = await listAs(lancashireAgent, {
      organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
    });
    expect(narrowed.map((node) => node.id)).toContain(target.id);
    expect(new Set(narrowed.map((node) => node.organisation.slug))).toEqual(new Set([LANCASHIRE]));
  });

  it("an agent of Liverpool Direct cannot assign, move or comment on Lancashire's request; nothing is written", async () => {
    const before = await snapshot();
    const assigned = await sendForPayload(
      api,
      assignServiceRequestMutation({ requestId: target.id, agent: 'agent@liverpool-direct.example' }),
      liverpoolAgent,
    );
    expect(assigned.__typename).toBe('NotFoundError');
    const moved = await move(api, liverpoolAgent, { requestId: target.id, status: 'IN_PROGRESS' });
    expect(moved.__typename).toBe('NotFoundError');
    const commented = await api.graphql<{ commentOnServiceRequest: CommentPayloadView }>(
      commentOnServiceRequestMutation({ requestId: target.id, body: 'hello' }),
      liverpoolAgent,
    );
    expect(commented.body.data?.commentOnServiceRequest.__typename).toBe('NotFoundError');
    const raised = await sendForPayload(
      api,
      raiseServiceRequestMutation({
        organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
        offeringId: offeringGlobalId('password-reset'),
        title: 'Raised by the wrong partnership',
        description: '',
        idempotencyKey: newKey(),
      }),
      liverpoolAgent,
    );
    expect(raised.__typename).toBe('NotFoundError');
    expect(await snapshot()).toEqual(before);
    expect(before.assignedAgent).toBeNull();
  });

  it('a Liverpool agent may work Liverpool requests (the same operations do work where allowed)', async () => {
    const assigned = await sendForPayload(
      api,
      assignServiceRequestMutation({ requestId: liverpoolRequest.id, agent: 'agent@liverpool-direct.example' }),
      liverpoolAgent,
    );
    expect(assigned.serviceRequest?.assignedAgent).toBe('agent@liverpool-direct.example');
    const moved = await moveOk(api, liverpoolAgent, { requestId: liverpoolRequest.id, status: 'IN_PROGRESS' });
    expect(moved.organisation.slug).toBe(LIVERPOOL);
  });
});
