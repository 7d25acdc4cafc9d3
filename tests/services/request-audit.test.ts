import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignServiceRequestMutation,
  commentOnServiceRequestMutation,
  raiseServiceRequestMutation,
  rateServiceRequestMutation,
} from '../support/queries/service-request-lifecycle-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { moveOk, newKey, raise, sendForPayload } from './support/request-fixtures.ts';
import { offeringGlobalId, requestRowId } from './support/request-ids.ts';

// Every write to a service request is recorded by the service that makes it, in the requesting
// organisation's audit trail and in the same transaction: who, in which request, what changed.

let api: TestApp;
let requester: string;
let agent: string;
const LANCASHIRE = 'lancashire-county-council';
const REQUESTER = 'carol@lancashire.example';
const AGENT = 'agent.dan@bt.example';

beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor(LANCASHIRE, ['requester'], REQUESTER);
  agent = await api.tokenFor('bt-lancashire-services', ['service_agent'], AGENT);
});
afterAll(() => api?.close());

interface AuditRow {
  action: string;
  actor_subject: string;
  tenant_id: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit events about one request (and its comments), oldest first, read as the owner. */
function auditOf(requestId: string): Promise<AuditRow[]> {
  return api.db.asOwner<AuditRow>(
    `select action, actor_subject, tenant_id, target_id, before, after from audit_events
      where target_id::text = $1 or (action = 'service_request.commented' and after->>'requestId' = $1)
      order by occurred_at, id`,
    [requestId],
  );
}

describe('the audit trail of a service request', () => {
  it('records the raise, each move, the assignment, the rating and a comment, each by whoever made it', async () => {
    const raised = await raise(api, requester, { offeringCode: 'dbs-check' });
    const id = requestRowId(raised.id);
    await moveOk(api, agent, { requestId: raised.id, status: 'IN_PROGRESS' });
    await sendForPayload(api, assignServiceRequestMutation({ requestId: raised.id, agent: AGENT }), agent);
    await moveOk(api, agent, { requestId: raised.id, status: 'RESOLVED', firstContactResolution: true });
    await sendForPayload(api, rateServiceRequestMutation({ requestId: raised.id, score: 5 }), requester);
    await sendForPayload(api, commentOnServiceRequestMutation({ requestId: raised.id, body: 'Thank you' }), requester);

    const events = await auditOf(id);
    expect(events.map((event) => [event.action, event.actor_subject])).toEqual([
      ['service_request.raised', REQUESTER],
      ['service_request.status_changed', AGENT],
      ['service_request.assigned', AGENT],
      ['service_request.status_changed', AGENT],
      ['service_request.rated', REQUESTER],
      ['service_request.commented', REQUESTER],
    ]);
    // Every event is in the customer's own trail, even those the provider's agent made.
    expect(new Set(events.map((event) => event.tenant_id))).toEqual(new Set([api.organisationId(LANCASHIRE)]));
    expect(events[0]!.after).toMatchObject({ reference: raised.reference, title: raised.title });
    expect(events[1]).toMatchObject({ before: { status: 'new' }, after: { status: 'in_progress' } });
    expect(events[2]).toMatchObject({ before: { assignedAgent: null }, after: { assignedAgent: AGENT } });
    expect(events[3]).toMatchObject({ after: { status: 'resolved', firstContactResolution: true } });
    expect(events[4]).toMatchObject({ after: { satisfactionScore: 5 } });
  });

  it('records a raise once: a replay with the same key writes no second event, a refused raise none', async () => {
    const input = {
      offeringId: offeringGlobalId('dbs-check'),
      title: 'DBS check for a new caretaker',
      description: 'Attached.',
      idempotencyKey: newKey('audit-replay'),
    };
    const first = await sendForPayload(api, raiseServiceRequestMutation(input), requester);
    const again = await sendForPayload(api, raiseServiceRequestMutation(input), requester);
    expect(again).toMatchObject({ replayed: true });
    const id = requestRowId(first.serviceRequest!.id);
    expect((await auditOf(id)).map((event) => event.action)).toEqual(['service_request.raised']);

    const before = await api.db.asOwner<{ n: number }>('select count(*)::int as n from audit_events');
    const refused = await sendForPayload(
      api,
      raiseServiceRequestMutation({ ...input, title: '', idempotencyKey: newKey('audit-refused') }),
      requester,
    );
    expect(refused.__typename).toBe('ValidationError');
    expect(await api.db.asOwner<{ n: number }>('select count(*)::int as n from audit_events')).toEqual(before);
  });
});
