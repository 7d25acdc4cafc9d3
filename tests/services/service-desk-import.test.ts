import { seedOfferingId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSlaVersionMutation } from '../support/queries/catalogue-admin-queries.ts';
import { importedRequestsQuery, requestTargetsQuery } from '../support/queries/organisation-record-queries.ts';
import { performanceIndicatorsQuery } from '../support/queries/performance-report-queries.ts';
import {
  type ImportPayload,
  importServiceRequestHistoryMutation,
  recordImportStatusQuery,
} from '../support/queries/record-import-queries.ts';

import { startTestApp, type TestApp } from '../support/test-app.ts';

// Liverpool City Council moves to the partnership from another service desk and brings its
// history: requests with their raised times and status changes, through the API. The seeds hold
// no service requests for it, so every count and figure below comes from these imports.
let api: TestApp;
let admin: string;
let tenantId: string;
let organisationId: string;
beforeAll(async () => {
  // 20,000 history rows as CSV are ~1.9 MB, over the default 1 MB body.
  api = await startTestApp({ MAX_REQUEST_BODY_BYTES: String(8 * 1024 * 1024) });
  admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
  tenantId = api.organisationId('liverpool-city-council');
  organisationId = Buffer.from(`Organisation:${tenantId}`).toString('base64');
});
afterAll(() => api?.close());

const SOURCE = 'Sunrise Service Desk';

async function send(input: Record<string, unknown>): Promise<ImportPayload> {
  const response = await api.graphql<{ importServiceRequestHistory: ImportPayload }>(
    importServiceRequestHistoryMutation({ sourceSystem: SOURCE, organisationId, ...input }),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.importServiceRequestHistory;
}

/** Rows of a table for Liverpool, read as the owner (row-level security aside). */
async function count(table: string): Promise<number> {
  const [row] = await api.db.asOwner<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [
    tenantId,
  ]);
  return row!.n;
}

const written = async () => ({
  requests: await count('service_requests'),
  changes: await count('service_request_status_changes'),
  imports: await count('record_imports'),
});

interface ClockView {
  state: string;
  dueAt: string;
  elapsedWorkingSeconds: number;
  secondsRemaining: number;
  breached: boolean;
  stoppedAt: string | null;
  pausedSeconds: number;
}

interface ImportedView {
  reference: string;
  status: string;
  raisedAt: string;
  importedFrom: string | null;
  externalReference: string | null;
  importedAt: string | null;
  firstContactResolution: boolean | null;
  satisfactionScore: number | null;
  offering: { code: string };
  history: { status: string; reason: string | null; changedBy: string; changedAt: string }[];
  fulfilmentSla: ClockView;
  responseSla: ClockView | null;
}

/** The imported requests, by their reference in the source system. */
async function importedRequests(): Promise<Map<string, ImportedView>> {
  const response = await api.graphql<{ node: { serviceRequests: { nodes: ImportedView[] } } }>(
    importedRequestsQuery(organisationId),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  return new Map(
    response.body
      .data!.node.serviceRequests.nodes.filter((request) => request.externalReference !== null)
      .map((request) => [request.externalReference!, request]),
  );
}

/**
 * Four ICT contacts of 2017/18 as the other desk exports them: one row per status change, the
 * request's columns on its first row. Times in London summer time (+01:00).
 */
const HISTORY = [
  // A: a password reset, answered in 20 minutes, waiting on the user overnight, resolved the next morning.
  {
    externalReference: 'SUN-1001',
    offeringCode: 'password-reset',
    title: 'Locked out after leave',
    raisedAt: '2017-05-02T10:00:00+01:00',
    raisedBy: 'j.smith@liverpool.example',
    satisfactionScore: 4,
    status: 'IN_PROGRESS',
    changedAt: '2017-05-02T10:20:00+01:00',
    changedBy: 'agent.one',
  },
  {
    externalReference: 'SUN-1001',
    status: 'WAITING_ON_CUSTOMER',
    changedAt: '2017-05-02T11:00:00+01:00',
    reason: 'Waiting for the user to confirm their identity',
  },
  { externalReference: 'SUN-1001', status: 'IN_PROGRESS', changedAt: '2017-05-03T09:30:00+01:00' },
  {
    externalReference: 'SUN-1001',
    status: 'RESOLVED',
    changedAt: '2017-05-03T10:30:00+01:00',
    firstContactResolution: false,
  },
  { externalReference: 'SUN-1001', status: 'CLOSED', changedAt: '2017-05-04T10:00:00+01:00' },
  // B: user support raised late on the Friday before the spring bank holiday, answered in 45
  // minutes, resolved on the Wednesday: over its 8 working hours.
  {
    externalReference: 'SUN-1002',
    offeringCode: 'ict-user-support',
    title: 'How do I share a calendar?',
    raisedAt: '2017-05-26T16:00:00+01:00',
    raisedBy: 'a.jones@liverpool.example',
    satisfactionScore: 2,
    status: 'IN_PROGRESS',
    changedAt: '2017-05-26T16:45:00+01:00',
  },
  {
    externalReference: 'SUN-1002',
    status: 'RESOLVED',
    changedAt: '2017-05-31T12:00:00+01:00',
    firstContactResolution: false,
  },
  // C: an incident resolved at the first point of contact in 15 minutes.
  {
    externalReference: 'SUN-1003',
    offeringCode: 'ict-incident',
    priority: 'P3',
    title: 'Printer on floor 2 offline',
    raisedAt: '2017-06-05T09:10:00+01:00',
    raisedBy: 'b.khan@liverpool.example',
    satisfactionScore: 5,
    status: 'RESOLVED',
    changedAt: '2017-06-05T09:25:00+01:00',
    firstContactResolution: true,
  },
  { externalReference: 'SUN-1003', status: 'CLOSED', changedAt: '2017-06-06T09:00:00+01:00' },
  // D: answered in 5 minutes, then withdrawn as a duplicate: never resolved, never rated.
  {
    externalReference: 'SUN-1004',
    offeringCode: 'ict-user-support',
    title: 'Email not syncing',
    raisedAt: '2017-07-03T11:00:00+01:00',
    raisedBy: 'c.lee@liverpool.example',
    status: 'IN_PROGRESS',
    changedAt: '2017-07-03T11:05:00+01:00',
  },
  {
    externalReference: 'SUN-1004',
    status: 'CANCELLED',
    changedAt: '2017-07-03T11:10:00+01:00',
    reason: 'Duplicate of SUN-1003',
  },
];

describe('importing a service-desk history through the API', () => {
  it('refuses bad rows with their row and field, and writes nothing', async () => {
    const before = await written();
    const payload = await send({
      importKey: 'history-bad',
      dryRun: false,
      rows: [
        // Row 1 is fine on its own; row 2 jumps from new to closed.
        { ...HISTORY[0], status: undefined, changedAt: undefined, changedBy: undefined },
        { externalReference: 'SUN-1001', status: 'CLOSED', changedAt: '2017-05-02T10:30:00+01:00' },
        // Row 3: waiting on the customer without a reason.
        {
          externalReference: 'SUN-2',
          offeringCode: 'ict-user-support',
          title: 'x',
          raisedAt: '2017-05-02T10:00:00+01:00',
          raisedBy: 'x',
          status: 'WAITING_ON_CUSTOMER',
          changedAt: '2017-05-02T10:05:00+01:00',
        },
        // Row 4: a change before the request was raised.
        {
          externalReference: 'SUN-3',
          offeringCode: 'ict-user-support',
          title: 'x',
          raisedAt: '2017-05-02T10:00:00+01:00',
          raisedBy: 'x',
          status: 'IN_PROGRESS',
          changedAt: '2017-05-02T09:00:00+01:00',
        },
        // Row 5: resolved without saying whether at first contact.
        {
          externalReference: 'SUN-5',
          offeringCode: 'ict-user-support',
          title: 'x',
          raisedAt: '2017-05-02T10:00:00+01:00',
          raisedBy: 'x',
          status: 'RESOLVED',
          changedAt: '2017-05-02T10:05:00+01:00',
        },
        // Row 6: a later row whose request columns differ from the first row's.
        {
          externalReference: 'SUN-3',
          title: 'Another title',
          status: 'RESOLVED',
          changedAt: '2017-05-02T11:00:00+01:00',
        },
      ],
    });
    expect(payload).toMatchObject({
      __typename: 'RecordImportPayload',
      written: false,
      importId: null,
      problemCount: 5,
    });
    expect(payload.problems!.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: 'status' },
      { row: 3, field: 'reason' },
      { row: 4, field: 'changedAt' },
      { row: 5, field: 'firstContactResolution' },
      { row: 6, field: 'title' },
    ]);
    expect(payload.problems![0]!.reason).toBe('A new request cannot become closed');

    // Against the clock and the catalogue: back-dated too far, in the future, not subscribed.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = await send({
      importKey: 'history-bad-2',
      dryRun: false,
      rows: [
        {
          ...HISTORY[5],
          satisfactionScore: undefined,
          raisedAt: '2013-05-02T10:00:00+01:00',
          changedAt: '2013-05-02T10:30:00+01:00',
        },
        { ...HISTORY[7], externalReference: 'SUN-9', changedAt: future },
        {
          ...HISTORY[9],
          externalReference: 'SUN-10',
          offeringCode: 'no-such-offering',
          status: undefined,
          changedAt: undefined,
        },
        { ...HISTORY[7], externalReference: 'SUN-11', priority: undefined },
      ],
    });
    expect(later.problems!.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 1, field: 'raisedAt' },
      { row: 2, field: 'changedAt' },
      { row: 3, field: 'offeringCode' },
      { row: 4, field: 'priority' },
    ]);
    expect(await written()).toEqual(before);
  });

  it('checks a dry run without writing, then writes once: a retry changes nothing, other rows under the key are refused', async () => {
    const before = await written();
    const dry = await send({ importKey: 'history-2017', dryRun: true, rows: HISTORY });
    expect(dry).toMatchObject({ written: false, dryRun: true, rows: 11, newRecords: 4, problemCount: 0 });
    expect(await written()).toEqual(before);

    const first = await send({ importKey: 'history-2017', dryRun: false, rows: HISTORY });
    expect(first).toMatchObject({ written: true, replayed: false, rows: 11, newRecords: 4, problemCount: 0 });
    // Four requests, each with its opening `new` and its changes (every one of the 11 rows is a change).
    const after = await written();
    expect(after).toEqual({
      requests: before.requests + 4,
      changes: before.changes + 4 + 11,
      imports: before.imports + 1,
    });

    const again = await send({ importKey: 'history-2017', dryRun: false, rows: HISTORY });
    expect(again).toMatchObject({ written: false, replayed: true, importId: first.importId, newRecords: 4 });
    expect(await written()).toEqual(after);

    const other = await send({ importKey: 'history-2017', dryRun: false, rows: HISTORY.slice(0, 5) });
    expect(other).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
    // The same requests under a new key: each is already imported from this system.
    const twice = await send({ importKey: 'history-2017-again', dryRun: false, rows: HISTORY.slice(5, 7) });
    expect(twice.problems).toEqual([
      { row: 1, field: 'externalReference', reason: expect.stringContaining(`Already imported from ${SOURCE}`) },
    ]);
    expect(await written()).toEqual(after);

    const status = await api.graphql<{ recordImport: { state: string; kind: string; rows: number } }>(
      recordImportStatusQuery('history-2017'),
      admin,
    );
    // Its records are requests: four written (from 11 rows).
    expect(status.body.data!.recordImport).toMatchObject({ state: 'WRITTEN', kind: 'SERVICE_REQUESTS', rows: 4 });
  });

  it('marks each request as imported and computes its clocks from the imported history', async () => {
    const requests = await importedRequests();
    const reset = requests.get('SUN-1001')!;
    expect(reset).toMatchObject({
      importedFrom: SOURCE,
      status: 'CLOSED',
      raisedAt: '2017-05-02T09:00:00.000Z',
      firstContactResolution: false,
      satisfactionScore: 4,
      offering: { code: 'password-reset' },
    });
    expect(reset.reference).toMatch(/^SR-/);
    expect(reset.importedAt).not.toBeNull();
    expect(reset.history.map((change) => change.status)).toEqual([
      'NEW',
      'IN_PROGRESS',
      'WAITING_ON_CUSTOMER',
      'IN_PROGRESS',
      'RESOLVED',
      'CLOSED',
    ]);
    expect(reset.history[1]!.changedBy).toBe('agent.one');
    // Unnamed in the export: recorded as the source system.
    expect(reset.history[2]).toMatchObject({
      changedBy: SOURCE,
      reason: 'Waiting for the user to confirm their identity',
    });

    // 4 working hours. Running 10:00-11:00 Tuesday and 09:30-10:30 Wednesday: 2 h used, 2 h
    // left; paused 11:00-17:00 Tuesday and 09:00-09:30 Wednesday: 6.5 working hours.
    expect(reset.fulfilmentSla).toEqual({
      state: 'STOPPED',
      breached: false,
      elapsedWorkingSeconds: 7_200,
      secondsRemaining: 7_200,
      pausedSeconds: 23_400,
      stoppedAt: '2017-05-03T09:30:00.000Z',
      dueAt: '2017-05-03T11:30:00.000Z',
    });
    // Answered 20 real minutes after raising, within 30.
    expect(reset.responseSla).toMatchObject({ state: 'STOPPED', breached: false, elapsedWorkingSeconds: 1_200 });

    // 8 working hours from 16:00 on Friday 26 May 2017: Friday 1 h, the weekend and the spring
    // bank holiday (Monday 29th) none, Tuesday 8 h, Wednesday to 12:00 3 h: 12 h used, 4 h over.
    // The budget ran out at 16:00 on Tuesday.
    const support = requests.get('SUN-1002')!;
    expect(support.fulfilmentSla).toEqual({
      state: 'STOPPED',
      breached: true,
      elapsedWorkingSeconds: 43_200,
      secondsRemaining: -14_400,
      pausedSeconds: 0,
      stoppedAt: '2017-05-31T11:00:00.000Z',
      dueAt: '2017-05-30T15:00:00.000Z',
    });
    // Answered after 45 minutes: the 30-minute response was missed.
    expect(support.responseSla).toMatchObject({ breached: true, elapsedWorkingSeconds: 2_700 });
  });

  it('counts the imported requests in the performance report, from when they were recorded', async () => {
    const report = async (asOf?: string) => {
      const response = await api.graphql<{
        performanceReport: { indicators: { code: string; numerator: number; denominator: number; excluded: number }[] };
      }>(
        performanceIndicatorsQuery(organisationId, '2017/18', 'code numerator denominator excluded', asOf ?? null),
        admin,
      );
      expect(response.body.errors).toBeUndefined();
      return Object.fromEntries(
        response.body.data!.performanceReport.indicators.map(({ code, ...figures }) => [code, figures]),
      );
    };
    const now = await report();
    // Resolved: A, B, C; at first contact: C; D was withdrawn unresolved.
    expect(now['ict-first-contact-resolution']).toEqual({ numerator: 1, denominator: 3, excluded: 1 });
    // Answered within 30 minutes: A (20), C (15), D (5); not B (45).
    expect(now['ict-response-within-30-minutes']).toEqual({ numerator: 3, denominator: 4, excluded: 0 });
    // Rated good or excellent: A (4), C (5); not B (2); D unrated.
    expect(now['ict-satisfaction-good-or-excellent']).toEqual({ numerator: 2, denominator: 3, excluded: 1 });

    // As we knew it before the import: none of it.
    const before = await report('2020-01-01T00:00:00Z');
    expect(before['ict-response-within-30-minutes']).toEqual({ numerator: 0, denominator: 0, excluded: 0 });
  });

  it('takes the history as CSV (a request row, then its change rows) and reports a bad cell by its heading', async () => {
    const header =
      'external_reference,offering_code,title,raised_at,raised_by,status,changed_at,reason,first_contact_resolution';
    const bad = await send({
      importKey: 'history-csv-bad',
      dryRun: true,
      csv: [
        header,
        'SUN-3001,new-ict-device,New laptop,2018-01-08T09:00:00Z,d.roe,,,,',
        'SUN-3001,,,,,resolved,2018-01-09T09:00:00Z,,maybe',
      ].join('\n'),
    });
    expect(bad.problems).toEqual([{ row: 2, field: 'first_contact_resolution', reason: expect.any(String) }]);
    const good = await send({
      importKey: 'history-csv',
      dryRun: false,
      csv: [
        header,
        'SUN-3001,new-ict-device,New laptop,2018-01-08T09:00:00Z,d.roe,,,,',
        'SUN-3001,,,,,in_progress,2018-01-08T10:00:00Z,,',
        'SUN-3001,,,,,resolved,2018-01-12T15:00:00Z,,false',
      ].join('\n'),
    });
    expect(good).toMatchObject({ written: true, rows: 3, newRecords: 1 });
    const laptop = (await importedRequests()).get('SUN-3001')!;
    expect(laptop.status).toBe('RESOLVED');
    // 5 working days from 09:00 Monday 8 January 2018; resolved on Friday at 15:00, in time.
    expect(laptop.fulfilmentSla).toMatchObject({ state: 'STOPPED', breached: false });
  });

  it('imports 20,000 history rows in one call', async () => {
    const before = await written();
    const lines = [
      'external_reference,offering_code,title,raised_at,raised_by,status,changed_at,reason,first_contact_resolution',
    ];
    const start = Date.parse('2016-04-04T08:00:00Z');
    for (let n = 0; n < 5_000; n += 1) {
      const raised = start + n * 3_600_000;
      const at = (minutes: number) => new Date(raised + minutes * 60_000).toISOString();
      const reference = `BULK-${n}`;
      lines.push(`${reference},ict-user-support,Contact ${n},${at(0)},bulk,in_progress,${at(10)},,`);
      lines.push(`${reference},,,,,waiting_on_customer,${at(20)},Asked for a screenshot,`);
      lines.push(`${reference},,,,,in_progress,${at(40)},,`);
      lines.push(`${reference},,,,,resolved,${at(50)},,${n % 4 === 0}`);
    }
    const payload = await send({ importKey: 'history-bulk-20000', dryRun: false, csv: lines.join('\n') });
    expect(payload).toMatchObject({ written: true, rows: 20_000, newRecords: 5_000, problemCount: 0 });
    expect(await written()).toEqual({
      requests: before.requests + 5_000,
      changes: before.changes + 25_000,
      imports: before.imports + 1,
    });
  }, 180_000);

  it("pins an imported incident to its priority's own SLA version, as a live raise does", async () => {
    // A P1 version of the incident offering, in force from now: an incident raised after it takes
    // it, one of another priority keeps the version for every priority.
    const platformAdmin = await api.tokenFor('shared-services-platform', ['platform_admin']);
    const published = await api.graphql<{ publishSlaDefinition: { slaDefinition?: { version: number } } }>(
      publishSlaVersionMutation({
        offeringId: Buffer.from(`ServiceOffering:${seedOfferingId('ict-incident')}`).toString('base64'),
        priority: 'P1',
        targets: { fulfilmentUnit: 'WORKING_HOURS', fulfilmentAmount: 2 },
      }),
      platformAdmin,
    );
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data!.publishSlaDefinition.slaDefinition).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const raisedAt = new Date(Date.now() - 500).toISOString();
    const incident = (externalReference: string, priority: string) => ({
      externalReference,
      offeringCode: 'ict-incident',
      priority,
      title: `Outage ${externalReference}`,
      raisedAt,
      raisedBy: 'd.ward@liverpool.example',
    });
    const payload = await send({
      importKey: 'history-priority-versions',
      dryRun: false,
      rows: [incident('SUN-P1', 'P1'), incident('SUN-P3', 'P3')],
    });
    expect(payload).toMatchObject({ written: true, newRecords: 2, problemCount: 0 });
    const response = await api.graphql<{
      node: {
        serviceRequests: { nodes: { externalReference: string | null; fulfilmentSla: { targetSeconds: number } }[] };
      };
    }>(requestTargetsQuery(organisationId), admin);
    expect(response.body.errors).toBeUndefined();
    const target = new Map(
      response.body.data!.node.serviceRequests.nodes.map((node) => [
        node.externalReference,
        node.fulfilmentSla.targetSeconds,
      ]),
    );
    expect(target.get('SUN-P1')).toBe(2 * 3_600);
    expect(target.get('SUN-P3')).not.toBe(2 * 3_600);
    expect(target.get('SUN-P3')).toBe(target.get('SUN-1003'));
  });
});
