import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignServiceRequestMutation,
  type ChangeStatusInput,
  type CommentPayloadView,
  commentOnServiceRequestMutation,
  rateServiceRequestMutation,
  type ServiceRequestView,
  serviceRequestNodeQuery,
  serviceRequestsQuery,
} from '../support/queries/service-request-lifecycle-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { move, moveOk, raise, requestRow, sendForPayload } from './support/request-fixtures.ts';

let api: TestApp;
let requester: string;
let agent: string;
const LANCASHIRE = 'lancashire-county-council';
const REQUESTER = 'alice@lancashire.example';
const AGENT = 'agent.bob@bt.example';

beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor(LANCASHIRE, ['requester'], REQUESTER);
  agent = await api.tokenFor('bt-lancashire-services', ['service_agent'], AGENT);
});
afterAll(() => api?.close());

const newRequest = (offeringCode = 'dbs-check') => raise(api, requester, { offeringCode });

async function read(id: string, token = requester): Promise<ServiceRequestView> {
  const response = await api.graphql<{ node: ServiceRequestView | null }>(serviceRequestNodeQuery(id), token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.node!;
}

/** Expects a refused move: the typed error, and the request exactly as it was. */
async function expectRefused(
  token: string,
  input: ChangeStatusInput,
  expected: { __typename: string; field?: string },
): Promise<void> {
  const before = await requestRow(api, input.requestId);
  const payload = await move(api, token, input);
  expect(payload).toMatchObject(expected);
  const after = await requestRow(api, input.requestId);
  expect(after?.status).toBe(before?.status);
  expect(after?.statusChanges).toHaveLength(before!.statusChanges.length);
  expect(after?.firstContactResolution).toBe(before?.firstContactResolution);
}

describe('allowed transitions', () => {
  it('new can go straight to resolved (at the first point of contact)', async () => {
    const request = await newRequest('ict-user-support');
    const resolved = await moveOk(api, agent, {
      requestId: request.id,
      status: 'RESOLVED',
      firstContactResolution: true,
    });
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.firstContactResolution).toBe(true);
    expect(resolved.history.map((change) => change.status)).toEqual(['NEW', 'RESOLVED']);
  });

  it('refuses moves the lifecycle does not allow: new to closed, new to new', async () => {
    const request = await newRequest();
    await expectRefused(
      agent,
      { requestId: request.id, status: 'CLOSED' },
      {
        __typename: 'ValidationError',
        field: 'input.status',
      },
    );
    await expectRefused(
      agent,
      { requestId: request.id, status: 'NEW' },
      {
        __typename: 'ValidationError',
        field: 'input.status',
      },
    );
  });

  it('a closed request is final: every move is refused', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: false });
    await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });
    for (const input of [
      { status: 'IN_PROGRESS' },
      { status: 'RESOLVED', firstContactResolution: true },
      { status: 'CANCELLED', reason: 'changed our mind' },
      { status: 'WAITING_ON_CUSTOMER', reason: 'a question' },
      { status: 'NEW' },
      { status: 'CLOSED' },
    ] as const) {
      await expectRefused(
        agent,
        { requestId: request.id, ...input },
        {
          __typename: 'ValidationError',
          field: 'input.status',
        },
      );
    }
    expect((await read(request.id)).status).toBe('CLOSED');
  });

  it('a cancelled request is final too', async () => {
    const request = await newRequest();
    await moveOk(api, requester, { requestId: request.id, status: 'CANCELLED', reason: 'Raised twice' });
    await expectRefused(
      agent,
      { requestId: request.id, status: 'IN_PROGRESS' },
      {
        __typename: 'ValidationError',
        field: 'input.status',
      },
    );
  });

  it('a resolved request can be re-opened (back to in progress) and resolved again', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'IN_PROGRESS' });
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: false });
    const reopened = await moveOk(api, requester, { requestId: request.id, status: 'IN_PROGRESS' });
    expect(reopened.status).toBe('IN_PROGRESS');
    expect(reopened.fulfilmentSla.state).toBe('RUNNING');
    expect(reopened.fulfilmentSla.stoppedAt).toBeNull();
    const again = await moveOk(api, agent, {
      requestId: request.id,
      status: 'RESOLVED',
      firstContactResolution: false,
    });
    expect(again.history.map((change) => change.status)).toEqual([
      'NEW',
      'IN_PROGRESS',
      'RESOLVED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);
  });
});

describe('what a move needs', () => {
  it.each([
    ['WAITING_ON_CUSTOMER', undefined],
    ['WAITING_ON_CUSTOMER', '   '],
    ['CANCELLED', undefined],
    ['CANCELLED', ''],
  ] as const)('a move to %s needs a reason (given: %j)', async (status, reason) => {
    const request = await newRequest();
    await expectRefused(
      agent,
      { requestId: request.id, status, ...(reason === undefined ? {} : { reason }) },
      {
        __typename: 'ValidationError',
        field: 'input.reason',
      },
    );
  });

  it('resolving needs to say whether it was resolved at the first point of contact; other moves must not say', async () => {
    const request = await newRequest();
    await expectRefused(
      agent,
      { requestId: request.id, status: 'RESOLVED' },
      {
        __typename: 'ValidationError',
        field: 'input.firstContactResolution',
      },
    );
    await expectRefused(
      agent,
      { requestId: request.id, status: 'IN_PROGRESS', firstContactResolution: true },
      {
        __typename: 'ValidationError',
        field: 'input.firstContactResolution',
      },
    );
    const resolved = await moveOk(api, agent, {
      requestId: request.id,
      status: 'RESOLVED',
      firstContactResolution: false,
    });
    expect(resolved.firstContactResolution).toBe(false);
    expect((await requestRow(api, request.id))?.firstContactResolution).toBe(false);
  });
});

describe('what a requester may do to its own request', () => {
  it('may cancel it, with the reason kept in the history', async () => {
    const request = await newRequest();
    const cancelled = await moveOk(api, requester, {
      requestId: request.id,
      status: 'CANCELLED',
      reason: 'The candidate withdrew',
    });
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      reason: 'The candidate withdrew',
      changedBy: REQUESTER,
    });
  });

  it('may close a resolved one, but may not resolve it (ForbiddenError, nothing written)', async () => {
    const request = await newRequest();
    await expectRefused(
      requester,
      { requestId: request.id, status: 'RESOLVED', firstContactResolution: true },
      {
        __typename: 'ForbiddenError',
      },
    );
    // Nor pick it up: that is the agent's move.
    await expectRefused(requester, { requestId: request.id, status: 'IN_PROGRESS' }, { __typename: 'ForbiddenError' });
    await expectRefused(
      requester,
      { requestId: request.id, status: 'WAITING_ON_CUSTOMER', reason: 'x' },
      {
        __typename: 'ForbiddenError',
      },
    );

    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
    const closed = await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.at(-1)).toMatchObject({ status: 'CLOSED', changedBy: REQUESTER });
    // Closing keeps the resolution.
    expect(closed.firstContactResolution).toBe(true);
  });

  it('may answer a request waiting on it (back to in progress)', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'WAITING_ON_CUSTOMER', reason: 'Need the ID checks' });
    const answered = await moveOk(api, requester, { requestId: request.id, status: 'IN_PROGRESS' });
    expect(answered.status).toBe('IN_PROGRESS');
  });
});

describe('service agents of the partnership', () => {
  it("see Lancashire's requests in serviceRequests, and may assign and resolve them", async () => {
    const request = await newRequest('new-ict-account');
    const listed = await api.graphql<{ serviceRequests: { nodes: ServiceRequestView[] } }>(
      serviceRequestsQuery({ first: 100 }),
      agent,
    );
    expect(listed.body.errors).toBeUndefined();
    const seen = listed.body.data!.serviceRequests.nodes.find((node) => node.id === request.id);
    expect(seen?.organisation.slug).toBe(LANCASHIRE);

    const assigned = await sendForPayload(
      api,
      assignServiceRequestMutation({ requestId: request.id, agent: AGENT }),
      agent,
    );
    expect(assigned.__typename).toBe('ServiceRequestPayload');
    expect(assigned.serviceRequest?.assignedAgent).toBe(AGENT);
    expect((await requestRow(api, request.id))?.assignedAgent).toBe(AGENT);

    const mine = await api.graphql<{ serviceRequests: { nodes: ServiceRequestView[] } }>(
      serviceRequestsQuery({ first: 100, filter: { assignedAgent: AGENT } }),
      agent,
    );
    expect(mine.body.data?.serviceRequests.nodes.map((node) => node.id)).toEqual([request.id]);

    const resolved = await moveOk(api, agent, {
      requestId: request.id,
      status: 'RESOLVED',
      firstContactResolution: false,
    });
    expect(resolved.history.at(-1)).toMatchObject({ status: 'RESOLVED', changedBy: AGENT });

    // The requester sees the assignment and the resolution on its own request.
    const asRequester = await read(request.id);
    expect(asRequester).toMatchObject({ status: 'RESOLVED', assignedAgent: AGENT });

    // Unassigning (no agent) takes it back.
    const unassigned = await sendForPayload(api, assignServiceRequestMutation({ requestId: request.id }), agent);
    expect(unassigned.serviceRequest?.assignedAgent).toBeNull();
  });

  it('only service agents assign: a requester gets a ForbiddenError and nothing changes', async () => {
    const request = await newRequest();
    const payload = await sendForPayload(
      api,
      assignServiceRequestMutation({ requestId: request.id, agent: 'someone@lancashire.example' }),
      requester,
    );
    expect(payload.__typename).toBe('ForbiddenError');
    expect((await requestRow(api, request.id))?.assignedAgent).toBeNull();
  });

  it('a closed request cannot be assigned', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
    await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });
    const payload = await sendForPayload(
      api,
      assignServiceRequestMutation({ requestId: request.id, agent: AGENT }),
      agent,
    );
    expect(payload).toMatchObject({ __typename: 'ValidationError', field: 'input.requestId' });
    expect((await requestRow(api, request.id))?.assignedAgent).toBeNull();
  });
});

describe('history, comments and rating', () => {
  it('the history lists every change in order, with who made it and why', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'IN_PROGRESS' });
    await moveOk(api, agent, {
      requestId: request.id,
      status: 'WAITING_ON_CUSTOMER',
      reason: 'Passport copy is unreadable',
    });
    await moveOk(api, requester, { requestId: request.id, status: 'IN_PROGRESS' });
    await moveOk(api, agent, { requestId: request.id, status: 'WAITING_ON_CUSTOMER', reason: 'Need proof of address' });
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: false });
    await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });

    const history = (await read(request.id)).history;
    expect(history.map(({ status, reason, changedBy }) => ({ status, reason, changedBy }))).toEqual([
      { status: 'NEW', reason: null, changedBy: REQUESTER },
      { status: 'IN_PROGRESS', reason: null, changedBy: AGENT },
      { status: 'WAITING_ON_CUSTOMER', reason: 'Passport copy is unreadable', changedBy: AGENT },
      { status: 'IN_PROGRESS', reason: null, changedBy: REQUESTER },
      { status: 'WAITING_ON_CUSTOMER', reason: 'Need proof of address', changedBy: AGENT },
      { status: 'RESOLVED', reason: null, changedBy: AGENT },
      { status: 'CLOSED', reason: null, changedBy: REQUESTER },
    ]);
    const times = history.map((change) => Date.parse(change.changedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The row's status follows the last entry.
    expect((await requestRow(api, request.id))?.status).toBe('closed');
  });

  it('comments are kept in order with their authors; an empty comment is refused', async () => {
    const request = await newRequest();
    const comment = (token: string, body: string) =>
      api.graphql<{ commentOnServiceRequest: CommentPayloadView }>(
        commentOnServiceRequestMutation({ requestId: request.id, body }),
        token,
      );
    const first = await comment(requester, 'The start date is 1 September.');
    expect(first.body.data?.commentOnServiceRequest).toMatchObject({
      __typename: 'CommentPayload',
      comment: { author: REQUESTER, body: 'The start date is 1 September.' },
    });
    const second = await comment(agent, '  Thanks, submitted to the DBS today.  ');
    expect(second.body.data?.commentOnServiceRequest.comment?.body).toBe('Thanks, submitted to the DBS today.');

    const empty = await comment(requester, '   ');
    expect(empty.body.data?.commentOnServiceRequest).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.body',
    });

    const comments = (await read(request.id)).comments;
    expect(comments.map(({ author, body }) => ({ author, body }))).toEqual([
      { author: REQUESTER, body: 'The start date is 1 September.' },
      { author: AGENT, body: 'Thanks, submitted to the DBS today.' },
    ]);
    expect((await requestRow(api, request.id))?.comments).toHaveLength(2);
  });

  it('a rating comes only after resolution, from 1 to 5, and only once', async () => {
    const request = await newRequest();
    const rate = (score: number, token = requester) =>
      sendForPayload(api, rateServiceRequestMutation({ requestId: request.id, score }), token);

    expect(await rate(5)).toMatchObject({ __typename: 'ValidationError', field: 'input.requestId' });
    await moveOk(api, agent, { requestId: request.id, status: 'IN_PROGRESS' });
    expect(await rate(5)).toMatchObject({ __typename: 'ValidationError', field: 'input.requestId' });
    expect((await requestRow(api, request.id))?.satisfactionScore).toBeNull();

    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
    expect(await rate(0)).toMatchObject({ __typename: 'ValidationError', field: 'input.score' });
    expect(await rate(6)).toMatchObject({ __typename: 'ValidationError', field: 'input.score' });
    expect(await rate(-1)).toMatchObject({ __typename: 'ValidationError', field: 'input.score' });
    // Agents do not rate their own work.
    expect((await rate(5, agent)).__typename).toBe('ForbiddenError');
    expect((await requestRow(api, request.id))?.satisfactionScore).toBeNull();

    const rated = await rate(4);
    expect(rated.__typename).toBe('ServiceRequestPayload');
    expect(rated.serviceRequest?.satisfactionScore).toBe(4);

    const again = await rate(1);
    expect(again.__typename).toBe('ConflictError');
    expect((await requestRow(api, request.id))?.satisfactionScore).toBe(4);
    expect((await read(request.id)).satisfactionScore).toBe(4);
  });

  it("the satisfaction score is the customer's: the partnership's own admin cannot rate its customer's request", async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
    // BT Lancashire Services sees Lancashire's requests through its delegation, but a score from
    // the provider would inflate the satisfaction indicator it is measured on.
    const providerAdmin = await api.tokenFor('bt-lancashire-services', ['tenant_admin']);
    const rated = await sendForPayload(
      api,
      rateServiceRequestMutation({ requestId: request.id, score: 5 }),
      providerAdmin,
    );
    expect(rated.__typename).toBe('ForbiddenError');
    expect((await requestRow(api, request.id))?.satisfactionScore).toBeNull();
  });

  it('a closed request can still be rated (once)', async () => {
    const request = await newRequest();
    await moveOk(api, agent, { requestId: request.id, status: 'RESOLVED', firstContactResolution: true });
    await moveOk(api, requester, { requestId: request.id, status: 'CLOSED' });
    const rated = await sendForPayload(api, rateServiceRequestMutation({ requestId: request.id, score: 5 }), requester);
    expect(rated.serviceRequest?.satisfactionScore).toBe(5);
  });

  it('a cancelled request cannot be rated', async () => {
    const request = await newRequest();
    await moveOk(api, requester, { requestId: request.id, status: 'CANCELLED', reason: 'Not needed' });
    const rated = await sendForPayload(api, rateServiceRequestMutation({ requestId: request.id, score: 5 }), requester);
    expect(rated).toMatchObject({ __typename: 'ValidationError', field: 'input.requestId' });
    expect((await requestRow(api, request.id))?.satisfactionScore).toBeNull();
  });
});

describe('two moves at once', () => {
  it('of five concurrent identical moves exactly one wins; the other is refused and the history has one entry', async () => {
    const request = await newRequest();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => move(api, agent, { requestId: request.id, status: 'IN_PROGRESS' })),
    );
    const accepted = answers.filter((answer) => answer.__typename === 'ServiceRequestPayload');
    expect(accepted).toHaveLength(1);
    for (const answer of answers.filter((a) => a.__typename !== 'ServiceRequestPayload')) {
      expect(['ConflictError', 'ValidationError']).toContain(answer.__typename);
    }
    const row = await requestRow(api, request.id);
    expect(row!.statusChanges.map((change) => change.status)).toEqual(['new', 'in_progress']);
    expect(row!.status).toBe('in_progress');
  });
});
