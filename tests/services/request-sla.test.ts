import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ServiceRequestView,
  serviceRequestNodeQuery,
} from '../support/queries/service-request-lifecycle-queries.ts';
import { fulfilmentStateQuery } from '../support/queries/service-request-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { type HistoricRequest, insertHistoricRequests, moveOk, raise } from './support/request-fixtures.ts';

let api: TestApp;
let requester: string;
let agent: string;
let edinburgh: string;
const LANCASHIRE = 'lancashire-county-council';
const EDINBURGH = 'city-of-edinburgh-council';

beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor(LANCASHIRE, ['requester']);
  agent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
  edinburgh = await api.tokenFor(EDINBURGH, ['requester']);
});
afterAll(() => api?.close());

async function read(id: string, token = requester): Promise<ServiceRequestView> {
  const response = await api.graphql<{ node: ServiceRequestView | null }>(serviceRequestNodeQuery(id), token);
  expect(response.body.errors).toBeUndefined();
  const node = response.body.data?.node;
  if (!node) throw new Error(`Request ${id} is not visible`);
  return node;
}

const at = (iso: string) => new Date(iso);

describe('the SLA clocks of a live request, over GraphQL', () => {
  it('fulfilment runs after raising, pauses while waiting on the customer, and stops at resolution', async () => {
    const raised = await raise(api, requester, { offeringCode: 'dbs-check' });
    expect(raised.fulfilmentSla).toMatchObject({
      state: 'RUNNING',
      breached: false,
      stoppedAt: null,
      pausedSeconds: 0,
    });
    // Two working days after receipt: at least two full working days of 8 hours remain.
    expect(raised.fulfilmentSla.secondsRemaining).toBeGreaterThanOrEqual(2 * 8 * 3600 - 60);
    expect(raised.fulfilmentSla.secondsRemaining).toBeLessThanOrEqual(3 * 8 * 3600);
    expect(Date.parse(raised.fulfilmentSla.dueAt)).toBeGreaterThan(Date.now());
    // DBS checks have no response target.
    expect(raised.responseSla).toBeNull();

    const waiting = await moveOk(api, agent, {
      requestId: raised.id,
      status: 'WAITING_ON_CUSTOMER',
      reason: 'The applicant has not signed the form',
    });
    expect(waiting.fulfilmentSla).toMatchObject({ state: 'PAUSED', breached: false, stoppedAt: null });
    expect(waiting.history.at(-1)).toMatchObject({
      status: 'WAITING_ON_CUSTOMER',
      reason: 'The applicant has not signed the form',
    });
    const pausedAgain = await read(raised.id);
    expect(pausedAgain.fulfilmentSla.state).toBe('PAUSED');
    // While paused the time remaining does not go down.
    expect(pausedAgain.fulfilmentSla.secondsRemaining).toBe(waiting.fulfilmentSla.secondsRemaining);

    const resumed = await moveOk(api, requester, { requestId: raised.id, status: 'IN_PROGRESS' });
    expect(resumed.fulfilmentSla.state).toBe('RUNNING');

    const resolved = await moveOk(api, agent, {
      requestId: raised.id,
      status: 'RESOLVED',
      firstContactResolution: false,
    });
    const resolvedAt = resolved.history.at(-1)!.changedAt;
    expect(resolved.fulfilmentSla).toMatchObject({ state: 'STOPPED', breached: false, stoppedAt: resolvedAt });

    // Closing keeps the resolution time as the stop.
    const closed = await moveOk(api, requester, { requestId: raised.id, status: 'CLOSED' });
    expect(closed.fulfilmentSla).toMatchObject({ state: 'STOPPED', stoppedAt: resolvedAt });
  });

  it('an ICT response clock runs 30 real minutes from raising and stops at the first move out of new', async () => {
    const raised = await raise(api, requester, {
      offeringCode: 'ict-user-support',
      title: 'How do I share a calendar?',
    });
    const raisedAt = Date.parse(raised.raisedAt);
    expect(raised.responseSla).toMatchObject({ state: 'RUNNING', breached: false, stoppedAt: null });
    // Elapsed minutes: due exactly 30 minutes after raising, whatever the time of day.
    expect(Date.parse(raised.responseSla!.dueAt)).toBe(raisedAt + 30 * 60_000);
    expect(raised.responseSla!.secondsRemaining).toBeGreaterThan(1_700);
    expect(raised.responseSla!.secondsRemaining).toBeLessThanOrEqual(1_800);
    expect(raised.fulfilmentSla.state).toBe('RUNNING');

    const picked = await moveOk(api, agent, { requestId: raised.id, status: 'IN_PROGRESS' });
    const pickedAt = picked.history.at(-1)!.changedAt;
    expect(picked.responseSla).toMatchObject({ state: 'STOPPED', breached: false, stoppedAt: pickedAt });
    expect(Date.parse(picked.responseSla!.dueAt)).toBe(raisedAt + 30 * 60_000);
    expect(picked.responseSla!.secondsRemaining).toBe(
      Math.trunc((30 * 60_000 - (Date.parse(pickedAt) - raisedAt)) / 1000),
    );
    // The fulfilment clock keeps running.
    expect(picked.fulfilmentSla.state).toBe('RUNNING');

    // Later moves do not restart or move the response clock.
    await moveOk(api, agent, { requestId: raised.id, status: 'WAITING_ON_CUSTOMER', reason: 'Which calendar?' });
    const later = await read(raised.id);
    expect(later.responseSla).toMatchObject({ state: 'STOPPED', stoppedAt: pickedAt });
    expect(later.fulfilmentSla.state).toBe('PAUSED');
  });
});

describe('the SLA clocks of requests raised in the past', () => {
  it('a DBS check raised two weeks ago and never worked is breached, with negative time remaining', async () => {
    const raisedAt = new Date(Date.now() - 14 * 24 * 3_600_000);
    const [id] = await insertHistoricRequests(api, [{ slug: LANCASHIRE, offeringCode: 'dbs-check', raisedAt }]);
    const request = await read(id!);
    expect(request.raisedAt).toBe(raisedAt.toISOString());
    expect(request.fulfilmentSla.state).toBe('RUNNING');
    expect(request.fulfilmentSla.breached).toBe(true);
    expect(request.fulfilmentSla.secondsRemaining).toBeLessThan(0);
    expect(Date.parse(request.fulfilmentSla.dueAt)).toBeLessThan(Date.now());
    expect(Date.parse(request.fulfilmentSla.dueAt)).toBeGreaterThan(raisedAt.getTime());
  });

  // Fixed histories give exact answers. Monday 4 March 2024 is an ordinary week in England
  // (GMT): a DBS check raised at 10:00 has 7 + 8 + 8 = 23 working hours, due Wednesday 17:00.
  const cases: {
    name: string;
    request: HistoricRequest;
    fulfilment: Partial<ServiceRequestView['fulfilmentSla']>;
    response?: Partial<NonNullable<ServiceRequestView['responseSla']>> | null;
  }[] = [
    {
      name: 'resolved in time after a two-day pause: the pause moves the due time and is not counted',
      request: {
        slug: LANCASHIRE,
        offeringCode: 'dbs-check',
        raisedAt: at('2024-03-04T10:00:00Z'),
        moves: [
          { status: 'waiting_on_customer', at: at('2024-03-05T10:00:00Z'), reason: 'Awaiting ID documents' },
          { status: 'in_progress', at: at('2024-03-07T10:00:00Z') },
          { status: 'resolved', at: at('2024-03-08T12:00:00Z') },
        ],
      },
      // Used 8 h (Mon 10-17, Tue 9-10) + 10 h (Thu 10-17, Fri 9-12) = 18 h of 23; paused 16 h.
      fulfilment: {
        state: 'STOPPED',
        breached: false,
        secondsRemaining: 5 * 3600,
        pausedSeconds: 16 * 3600,
        stoppedAt: '2024-03-08T12:00:00.000Z',
        dueAt: '2024-03-08T17:00:00.000Z',
      },
      response: null,
    },
    {
      name: 'the same dates without the pause breach: 34 working hours used of 23',
      request: {
        slug: LANCASHIRE,
        offeringCode: 'dbs-check',
        raisedAt: at('2024-03-04T10:00:00Z'),
        moves: [
          { status: 'in_progress', at: at('2024-03-05T10:00:00Z') },
          { status: 'resolved', at: at('2024-03-08T12:00:00Z') },
        ],
      },
      fulfilment: {
        state: 'STOPPED',
        breached: true,
        secondsRemaining: -11 * 3600,
        pausedSeconds: 0,
        stoppedAt: '2024-03-08T12:00:00.000Z',
        dueAt: '2024-03-06T17:00:00.000Z',
      },
    },
    {
      name: 'ICT user support responded to in 20 minutes: response met, 10 minutes to spare',
      request: {
        slug: LANCASHIRE,
        offeringCode: 'ict-user-support',
        raisedAt: at('2024-03-04T10:00:00Z'),
        moves: [
          { status: 'in_progress', at: at('2024-03-04T10:20:00Z') },
          { status: 'resolved', at: at('2024-03-04T15:00:00Z') },
        ],
        firstContactResolution: false,
      },
      // 8 working hours from Monday 10:00; resolved after 5.
      fulfilment: {
        state: 'STOPPED',
        breached: false,
        secondsRemaining: 3 * 3600,
        stoppedAt: '2024-03-04T15:00:00.000Z',
        dueAt: '2024-03-05T10:00:00.000Z', // 3 h left at 15:00: Monday 15-17, Tuesday 9-10
      },
      response: {
        state: 'STOPPED',
        breached: false,
        secondsRemaining: 600,
        stoppedAt: '2024-03-04T10:20:00.000Z',
        dueAt: '2024-03-04T10:30:00.000Z',
      },
    },
    {
      name: 'ICT response counts real minutes, weekends included: a Saturday request answered after an hour breached',
      request: {
        slug: LANCASHIRE,
        offeringCode: 'password-reset',
        raisedAt: at('2024-03-09T10:00:00Z'),
        moves: [{ status: 'in_progress', at: at('2024-03-09T11:00:00Z') }],
      },
      // The 4 working-hour fulfilment target has not started by Saturday: due Monday 13:00.
      fulfilment: { state: 'RUNNING', breached: true, dueAt: '2024-03-11T13:00:00.000Z' },
      response: {
        state: 'STOPPED',
        breached: true,
        secondsRemaining: -1800,
        stoppedAt: '2024-03-09T11:00:00.000Z',
        dueAt: '2024-03-09T10:30:00.000Z',
      },
    },
  ];

  it.each(cases)('$name', async ({ request, fulfilment, response }) => {
    const [id] = await insertHistoricRequests(api, [request]);
    const shown = await read(id!);
    expect(shown.fulfilmentSla).toMatchObject(fulfilment);
    if (response === null) expect(shown.responseSla).toBeNull();
    else if (response) expect(shown.responseSla).toMatchObject(response);
  });

  it('a Scottish organisation uses the Scottish calendar: no Easter Monday holiday, so due a working day sooner', async () => {
    // Good Friday, 29 March 2024, 10:00 (GMT; the clocks went forward on the Sunday). Both nations
    // take Good Friday; only England and Wales take Easter Monday. Receipt is the next working day
    // (England Tuesday 2 April, Scotland Monday 1 April), plus two working days, close of
    // business in BST (16:00Z). Resolved on Wednesday 3 April at 16:00 BST.
    const raisedAt = at('2024-03-29T10:00:00Z');
    const moves = [{ status: 'resolved' as const, at: at('2024-04-03T15:00:00Z') }];
    const [english, scottish] = await insertHistoricRequests(api, [
      { slug: LANCASHIRE, offeringCode: 'dbs-check', raisedAt, moves },
      { slug: EDINBURGH, offeringCode: 'dbs-check', raisedAt, moves },
    ]);
    const inEngland = await read(english!, requester);
    const inScotland = await read(scottish!, edinburgh);
    expect(inEngland.organisation.nation).toBe('ENGLAND_AND_WALES');
    expect(inScotland.organisation.nation).toBe('SCOTLAND');

    expect(inEngland.fulfilmentSla).toMatchObject({
      state: 'STOPPED',
      breached: false,
      dueAt: '2024-04-04T16:00:00.000Z', // Thursday 17:00 BST
      secondsRemaining: 9 * 3600, // 24 h budget, 15 h used (Tuesday 8, Wednesday 7)
    });
    expect(inScotland.fulfilmentSla).toMatchObject({
      state: 'STOPPED',
      breached: false,
      dueAt: '2024-04-03T16:00:00.000Z', // Wednesday 17:00 BST
      secondsRemaining: 3600, // 24 h budget, 23 h used (Monday 8, Tuesday 8, Wednesday 7)
    });
  });

  it('the Scottish calendar also breaches where the English one would not (same history, now ignored)', async () => {
    // Raised Good Friday, never worked: England runs out on Thursday 4 April, Scotland on Wednesday 3 April.
    const raisedAt = at('2024-03-29T10:00:00Z');
    const [english, scottish] = await insertHistoricRequests(api, [
      { slug: LANCASHIRE, offeringCode: 'dbs-check', raisedAt },
      { slug: EDINBURGH, offeringCode: 'dbs-check', raisedAt },
    ]);
    const inEngland = await read(english!, requester);
    const inScotland = await read(scottish!, edinburgh);
    expect(inEngland.fulfilmentSla).toMatchObject({
      state: 'RUNNING',
      breached: true,
      dueAt: '2024-04-04T16:00:00.000Z',
    });
    expect(inScotland.fulfilmentSla).toMatchObject({
      state: 'RUNNING',
      breached: true,
      dueAt: '2024-04-03T16:00:00.000Z',
    });
    // Exactly one working day apart.
    expect(Date.parse(inEngland.fulfilmentSla.dueAt) - Date.parse(inScotland.fulfilmentSla.dueAt)).toBe(24 * 3_600_000);
  });
});

describe('an SLA clock read as of an instant', () => {
  it('counts only the history up to then: elapsed and remaining working time, paused or running', async () => {
    // Raised Monday 4 March 2024 10:00 (GMT), waiting on the customer Tuesday 10:00 to Thursday
    // 10:00, resolved Friday 12:00: a DBS check's 23 working hours.
    const [id] = await insertHistoricRequests(api, [
      {
        slug: LANCASHIRE,
        offeringCode: 'dbs-check',
        raisedAt: at('2024-03-04T10:00:00Z'),
        moves: [
          { status: 'waiting_on_customer', at: at('2024-03-05T10:00:00Z'), reason: 'Awaiting ID documents' },
          { status: 'in_progress', at: at('2024-03-07T10:00:00Z') },
          { status: 'resolved', at: at('2024-03-08T12:00:00Z') },
        ],
      },
    ]);
    const clockAt = async (asOf: string | null) => {
      const response = await api.graphql<{
        node: { fulfilmentSla: { state: string; elapsedWorkingSeconds: number; secondsRemaining: number } };
      }>(fulfilmentStateQuery(id!, asOf), requester);
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.node.fulfilmentSla;
    };
    const hours = (h: number) => h * 3600;
    // Wednesday noon: paused since Tuesday 10:00 after 7 h on Monday and 1 h on Tuesday.
    expect(await clockAt('2024-03-06T12:00:00Z')).toEqual({
      state: 'PAUSED',
      elapsedWorkingSeconds: hours(8),
      secondsRemaining: hours(15),
    });
    // Friday 9:30: running again since Thursday 10:00 (7 h), and half an hour on Friday.
    expect(await clockAt('2024-03-08T09:30:00Z')).toEqual({
      state: 'RUNNING',
      elapsedWorkingSeconds: hours(15.5),
      secondsRemaining: hours(7.5),
    });
    // Now: stopped at Friday 12:00 after 18 h.
    expect(await clockAt(null)).toEqual({
      state: 'STOPPED',
      elapsedWorkingSeconds: hours(18),
      secondsRemaining: hours(5),
    });
  });
});
