import { tables } from '@ssp/schema';
import { seedOfferingId, seedOrganisations } from '@ssp/seeds';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { organisationSubscriptionsQuery, type SubscriptionView } from '../support/queries/service-catalogue-queries.ts';
import {
  type RaiseInput,
  raiseServiceRequestMutation,
  serviceRequestsQuery,
} from '../support/queries/service-request-lifecycle-queries.ts';
import {
  organisationRequestIdsQuery,
  requestsAndOfferingsNodesQuery,
} from '../support/queries/service-request-queries.ts';
import { startTestApp, type TestApp, withCost } from '../support/test-app.ts';
import { moveOk, newKey, raise, requestRowsOf, sendForPayload } from './support/request-fixtures.ts';
import { offeringGlobalId } from './support/request-ids.ts';

let api: TestApp;
let requester: string;
const LANCASHIRE = 'lancashire-county-council';
const REQUESTER = 'alice@lancashire.example';

beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor(LANCASHIRE, ['requester'], REQUESTER);
});
afterAll(() => api?.close());

function raiseInput(overrides: Partial<RaiseInput> = {}): RaiseInput {
  return {
    offeringId: offeringGlobalId('dbs-check'),
    title: 'DBS check for a new teaching assistant',
    description: 'All necessary information is attached.',
    idempotencyKey: newKey(),
    ...overrides,
  };
}

const raiseAs = (token: string, input: RaiseInput) => sendForPayload(api, raiseServiceRequestMutation(input), token);

describe('raiseServiceRequest', () => {
  it('raises a request against a subscribed offering, new, with its history and the SLA version in force', async () => {
    const before = Date.now();
    const payload = await raiseAs(requester, raiseInput({ title: '  DBS check for J. Smith  ' }));
    expect(payload.__typename).toBe('ServiceRequestPayload');
    expect(payload.replayed).toBe(false);
    const request = payload.serviceRequest!;
    expect(request).toMatchObject({
      title: 'DBS check for J. Smith',
      status: 'NEW',
      priority: null,
      raisedBy: REQUESTER,
      assignedAgent: null,
      firstContactResolution: null,
      satisfactionScore: null,
      organisation: { slug: LANCASHIRE, nation: 'ENGLAND_AND_WALES' },
      offering: { code: 'dbs-check' },
      slaDefinition: { version: 1 },
      comments: [],
    });
    // Crockford base32: no I, L, O or U.
    expect(request.reference).toMatch(/^SR-[0-9A-HJKMNP-TV-Z]{8}$/);
    const raisedAt = Date.parse(request.raisedAt);
    expect(raisedAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(raisedAt).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(request.history).toEqual([
      { status: 'NEW', reason: null, changedBy: REQUESTER, changedAt: request.raisedAt },
    ]);

    const rows = await requestRowsOf(api, LANCASHIRE);
    expect(rows.filter((row) => row.reference === request.reference)).toHaveLength(1);
  });

  it('refuses an offering the organisation does not subscribe to, with a typed error naming the field, and writes nothing', async () => {
    const school = seedOrganisations().find(
      (organisation) => organisation.kind === 'school' && organisation.parentSlug === LANCASHIRE,
    )!;
    const schoolToken = await api.tokenFor(school.slug, ['requester']);
    for (const code of ['payroll-set-up', 'invoice-processing', 'supplier-set-up']) {
      const payload = await raiseAs(schoolToken, raiseInput({ offeringId: offeringGlobalId(code) }));
      expect(payload).toMatchObject({
        __typename: 'ValidationError',
        field: 'input.offeringId',
        code: 'NOT_SUBSCRIBED',
      });
    }
    // An offering that does not exist at all gets the same answer.
    const missing = await raiseAs(
      schoolToken,
      raiseInput({
        offeringId: Buffer.from('ServiceOffering:00000000-0000-4000-8000-000000000000').toString('base64'),
      }),
    );
    expect(missing).toMatchObject({ __typename: 'ValidationError', field: 'input.offeringId', code: 'NOT_SUBSCRIBED' });
    expect(await requestRowsOf(api, school.slug)).toEqual([]);

    // The same school may raise what it does subscribe to.
    const dbs = await raise(api, schoolToken, { offeringCode: 'dbs-check' });
    expect(dbs.organisation.slug).toBe(school.slug);
    expect(await requestRowsOf(api, school.slug)).toHaveLength(1);
  });

  it('needs a priority for an incident, and records it', async () => {
    const before = (await requestRowsOf(api, LANCASHIRE)).length;
    const withoutPriority = await raiseAs(requester, raiseInput({ offeringId: offeringGlobalId('ict-incident') }));
    expect(withoutPriority).toMatchObject({ __typename: 'ValidationError', field: 'input.priority' });
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before);

    const incident = await raise(api, requester, {
      offeringCode: 'ict-incident',
      title: 'Email is down for the whole finance team',
      priority: 'P2',
    });
    expect(incident.priority).toBe('P2');
    expect(incident.offering.code).toBe('ict-incident');
  });

  it('refuses a priority on a request (only incidents carry one), and writes nothing', async () => {
    const before = (await requestRowsOf(api, LANCASHIRE)).length;
    const payload = await raiseAs(requester, raiseInput({ priority: 'P1' }));
    expect(payload).toMatchObject({ __typename: 'ValidationError', field: 'input.priority' });
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before);
  });

  it('refuses an ended subscription like a missing one, and lists it as inactive', async () => {
    const slug = 'liverpool-city-council';
    await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'end a subscription' }, (tx) =>
      tx
        .update(tables.subscriptions)
        .set({ status: 'ended', endedAt: new Date() })
        .where(
          and(
            eq(tables.subscriptions.tenantId, api.organisationId(slug)),
            eq(tables.subscriptions.offeringId, seedOfferingId('assessment-centre')),
          ),
        ),
    );
    const liverpool = await api.tokenFor(slug, ['requester']);
    const before = (await requestRowsOf(api, slug)).length;
    const payload = await raiseAs(liverpool, raiseInput({ offeringId: offeringGlobalId('assessment-centre') }));
    expect(payload).toMatchObject({ __typename: 'ValidationError', field: 'input.offeringId' });
    expect(await requestRowsOf(api, slug)).toHaveLength(before);

    const subscriptions = await api.graphql<{
      organisation: { subscriptions: { nodes: SubscriptionView[] } };
    }>(organisationSubscriptionsQuery(organisationGlobalId(api.organisationId(slug))), liverpool);
    const ended = subscriptions.body.data?.organisation.subscriptions.nodes.find(
      (node) => node.offering.code === 'assessment-centre',
    );
    expect(ended).toMatchObject({ active: false });
    expect(ended?.endedAt).not.toBeNull();
  });

  it.each([
    ['an empty title', { title: '   ' }, 'input.title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'input.title'],
    ['a description over 10,000 characters', { description: 'x'.repeat(10_001) }, 'input.description'],
    ['an idempotency key under 8 characters', { idempotencyKey: 'short' }, 'input.idempotencyKey'],
  ])('refuses %s with a ValidationError on its field', async (_what, overrides, field) => {
    const before = (await requestRowsOf(api, LANCASHIRE)).length;
    const payload = await raiseAs(requester, raiseInput(overrides));
    expect(payload).toMatchObject({ __typename: 'ValidationError', field });
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before);
  });

  it('refuses a caller whose roles do not raise requests (finance only) with a ForbiddenError', async () => {
    const before = (await requestRowsOf(api, LANCASHIRE)).length;
    const financeOnly = await api.tokenFor(LANCASHIRE, ['finance']);
    const payload = await raiseAs(financeOnly, raiseInput());
    expect(payload.__typename).toBe('ForbiddenError');
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before);
  });

  it('lets a service agent of the partnership raise for a customer it serves', async () => {
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent'], 'agent.bob@bt.example');
    const request = await raise(api, agent, {
      organisationId: organisationGlobalId(api.organisationId(LANCASHIRE)),
      offeringCode: 'password-reset',
      title: 'Reset the password of the head of payroll',
    });
    expect(request.organisation.slug).toBe(LANCASHIRE);
    expect(request.raisedBy).toBe('agent.bob@bt.example');
  });
});

describe('idempotency', () => {
  it('the same key with the same input returns the first request, marked replayed, and writes nothing more', async () => {
    const input = raiseInput({ idempotencyKey: newKey('replay') });
    const first = await raiseAs(requester, input);
    expect(first).toMatchObject({ __typename: 'ServiceRequestPayload', replayed: false });
    const rowsAfterFirst = (await requestRowsOf(api, LANCASHIRE)).length;

    const second = await raiseAs(requester, input);
    expect(second).toMatchObject({ __typename: 'ServiceRequestPayload', replayed: true });
    expect(second.serviceRequest?.id).toBe(first.serviceRequest?.id);
    expect(second.serviceRequest?.reference).toBe(first.serviceRequest?.reference);
    expect(second.serviceRequest?.raisedAt).toBe(first.serviceRequest?.raisedAt);
    expect(second.serviceRequest?.history).toHaveLength(1);
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(rowsAfterFirst);
  });

  it('the same key with different input is a ConflictError, and writes nothing', async () => {
    const key = newKey('conflict');
    const first = await raiseAs(requester, raiseInput({ idempotencyKey: key }));
    expect(first.__typename).toBe('ServiceRequestPayload');
    const rowsAfterFirst = await requestRowsOf(api, LANCASHIRE);

    for (const changed of [
      raiseInput({ idempotencyKey: key, title: 'Another title' }),
      raiseInput({ idempotencyKey: key, description: 'Other detail' }),
      raiseInput({ idempotencyKey: key, offeringId: offeringGlobalId('employment-contract') }),
    ]) {
      const payload = await raiseAs(requester, changed);
      expect(payload).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
    }
    const rowsAfter = await requestRowsOf(api, LANCASHIRE);
    expect(rowsAfter).toHaveLength(rowsAfterFirst.length);
    const stored = rowsAfter.find((row) => row.idempotencyKey === key);
    expect(stored?.title).toBe('DBS check for a new teaching assistant');
  });

  it('20 concurrent raises with one key create exactly one request, and every answer carries its id', async () => {
    const key = newKey('concurrent');
    const input = raiseInput({ idempotencyKey: key, offeringId: offeringGlobalId('new-ict-device'), title: 'Laptop' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => raiseAs(requester, input)));
    for (const answer of answers) expect(answer.__typename).toBe('ServiceRequestPayload');
    const ids = new Set(answers.map((answer) => answer.serviceRequest?.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => answer.replayed === false)).toHaveLength(1);
    expect(answers.filter((answer) => answer.replayed === true)).toHaveLength(19);

    const rows = (await requestRowsOf(api, LANCASHIRE)).filter((row) => row.idempotencyKey === key);
    expect(rows).toHaveLength(1);
    const history = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, (tx) =>
      tx.query.serviceRequestStatusChanges.findMany({ where: { requestId: rows[0]!.id } }),
    );
    expect(history.map((change) => change.status)).toEqual(['new']);
  });

  it('an idempotency key belongs to one organisation: another using the same key gets its own request', async () => {
    const key = newKey('shared');
    const lancashire = await raiseAs(requester, raiseInput({ idempotencyKey: key }));
    const liverpool = await api.tokenFor('liverpool-city-council', ['requester']);
    const other = await raiseAs(liverpool, raiseInput({ idempotencyKey: key, title: 'Something else entirely' }));
    expect(other).toMatchObject({ __typename: 'ServiceRequestPayload', replayed: false });
    expect(other.serviceRequest?.id).not.toBe(lancashire.serviceRequest?.id);
    expect(other.serviceRequest?.organisation.slug).toBe('liverpool-city-council');
    expect(other.serviceRequest?.title).toBe('Something else entirely');
  });
});

describe('listing requests', () => {
  type Page = {
    serviceRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: { id: string; status: string; raisedAt: string; offering: { code: string } }[];
    };
  };
  const list = async (variables: Parameters<typeof serviceRequestsQuery>[0]) => {
    const response = await api.graphql<Page>(serviceRequestsQuery(variables), requester);
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.serviceRequests;
  };

  it('lists newest first, pages with cursors, and filters by status and offering', async () => {
    const raised = [];
    for (const offeringCode of ['payslip-query', 'vacancy-advertising', 'assessment-centre']) {
      raised.push(await raise(api, requester, { offeringCode }));
    }
    await moveOk(api, await api.tokenFor('bt-lancashire-services', ['service_agent']), {
      requestId: raised[1]!.id,
      status: 'IN_PROGRESS',
    });

    const all = await list({ first: 100 });
    const times = all.nodes.map((node) => Date.parse(node.raisedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.nodes.slice(0, 3).map((node) => node.id)).toEqual(raised.map((request) => request.id).reverse());

    const first = await list({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ first: 2, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((node) => node.id)).toEqual(
      all.nodes.slice(0, 4).map((node) => node.id),
    );

    const inProgress = await list({ first: 100, filter: { status: 'IN_PROGRESS' } });
    expect(inProgress.nodes.map((node) => node.id)).toEqual([raised[1]!.id]);
    const payslips = await list({ first: 100, filter: { offeringId: offeringGlobalId('payslip-query') } });
    expect(payslips.nodes.map((node) => node.id)).toEqual([raised[0]!.id]);
    expect(
      await list({ first: 100, filter: { status: 'IN_PROGRESS', offeringId: offeringGlobalId('payslip-query') } }),
    ).toMatchObject({ nodes: [] });
  });

  it("an organisation's own serviceRequests connection lists the same requests, newest first", async () => {
    const response = await api.graphql<{ organisation: { serviceRequests: { nodes: { id: string }[] } } }>(
      organisationRequestIdsQuery(organisationGlobalId(api.organisationId(LANCASHIRE))),
      requester,
    );
    expect(response.body.errors).toBeUndefined();
    const all = await list({ first: 5 });
    expect(response.body.data?.organisation.serviceRequests.nodes.map((node) => node.id)).toEqual(
      all.nodes.map((node) => node.id),
    );
  });
});

describe('nodes(ids)', () => {
  it('fetches several requests at once, each in its own place and in the order asked', async () => {
    const first = await raise(api, requester, { offeringCode: 'payslip-query', title: 'First' });
    const second = await raise(api, requester, { offeringCode: 'password-reset', title: 'Second' });
    const response = await api.graphql<{ nodes: ({ id: string; title?: string; code?: string } | null)[] }>(
      requestsAndOfferingsNodesQuery([second.id, first.id, offeringGlobalId('dbs-check')]),
      requester,
    );
    expect(response.body).toEqual(
      withCost({
        data: {
          nodes: [
            { id: second.id, title: 'Second' },
            { id: first.id, title: 'First' },
            { id: offeringGlobalId('dbs-check'), code: 'dbs-check' },
          ],
        },
      }),
    );
  });
});
