import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationDbsChecksQuery } from '../support/queries/organisation-record-queries.ts';
import { performanceIndicatorsQuery } from '../support/queries/performance-report-queries.ts';
import { type ImportPayload, importRecordsMutation } from '../support/queries/record-import-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// A record sent in error is withdrawn by a retraction: a new version, never an update or a
// delete. Liverpool City Council's DBS checks of 2017/18 (the seeds hold none) come in through
// the API; one is retracted, and lists and reports stop counting it from then on.
let api: TestApp;
let admin: string;
let tenantId: string;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
  tenantId = api.organisationId('liverpool-city-council');
  organisationId = Buffer.from(`Organisation:${tenantId}`).toString('base64');
});
afterAll(() => api?.close());

async function send(input: Record<string, unknown>): Promise<ImportPayload> {
  const response = await api.graphql<{ importDbsChecks: ImportPayload }>(
    importRecordsMutation('DbsChecks', { organisationId, dryRun: false, ...input }),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.importDbsChecks;
}

async function listed(): Promise<string[]> {
  const response = await api.graphql<{ organisation: { dbsChecks: { nodes: { reference: string }[] } } }>(
    organisationDbsChecksQuery(organisationId, 50, 'reference'),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.organisation.dbsChecks.nodes.map((node) => node.reference).sort();
}

async function dbsIndicator(asOf?: string) {
  const response = await api.graphql<{
    performanceReport: { indicators: { code: string; numerator: number; denominator: number }[] };
  }>(performanceIndicatorsQuery(organisationId, '2017/18', 'code numerator denominator', asOf ?? null), admin);
  expect(response.body.errors).toBeUndefined();
  const indicator = response.body.data!.performanceReport.indicators.find(
    (i) => i.code === 'dbs-checks-within-two-working-days',
  )!;
  return { numerator: indicator.numerator, denominator: indicator.denominator };
}

const CHECKS = [
  // Processed within two working days.
  {
    reference: 'RTR-1',
    receivedAt: '2017-06-05T09:00:00+01:00',
    informationCompleteAt: '2017-06-05T10:00:00+01:00',
    processedAt: '2017-06-06T15:00:00+01:00',
  },
  {
    reference: 'RTR-2',
    receivedAt: '2017-06-12T09:00:00+01:00',
    informationCompleteAt: '2017-06-12T10:00:00+01:00',
    processedAt: '2017-06-13T15:00:00+01:00',
  },
  // Late: a week.
  {
    reference: 'RTR-3',
    receivedAt: '2017-06-19T09:00:00+01:00',
    informationCompleteAt: '2017-06-19T10:00:00+01:00',
    processedAt: '2017-06-26T15:00:00+01:00',
  },
];

describe('retracting a record', () => {
  it('is a new version: lists and reports leave the record out from then on, and as of before still count it', async () => {
    expect(await send({ importKey: 'retract-dbs-first', rows: CHECKS })).toMatchObject({
      written: true,
      newRecords: 3,
    });
    expect(await listed()).toEqual(['RTR-1', 'RTR-2', 'RTR-3']);
    const before = await dbsIndicator();
    expect(before).toEqual({ numerator: 2, denominator: 3 });

    // The late check was never Liverpool's: withdrawn.
    const retracted = await send({ importKey: 'retract-dbs-3', rows: [{ ...CHECKS[2], retraction: true }] });
    expect(retracted).toMatchObject({ written: true, newRecords: 0, corrections: 1 });
    expect(await listed()).toEqual(['RTR-1', 'RTR-2']);
    expect(await dbsIndicator()).toEqual({ numerator: 2, denominator: 2 });
    // As we knew it just before the retraction was recorded: still counted.
    const justBefore = new Date(Date.parse(retracted.recordedAt!) - 1).toISOString();
    expect(await dbsIndicator(justBefore)).toEqual(before);

    // Nothing was updated or deleted: the first version stands beside the retraction.
    const versions = await api.db.asOwner<{ version: number; retracted: boolean }>(
      `select version, retracted from dbs_checks where tenant_id = $1 and reference = 'RTR-3' order by version`,
      [tenantId],
    );
    expect(versions).toEqual([
      { version: 1, retracted: false },
      { version: 2, retracted: true },
    ]);

    // A correction restores it (a new version again), so it counts once more.
    await send({ importKey: 'retract-dbs-3-restore', rows: [{ ...CHECKS[2], correction: true }] });
    expect(await listed()).toEqual(['RTR-1', 'RTR-2', 'RTR-3']);
    expect(await dbsIndicator()).toEqual(before);
  });

  it('refuses to retract what is not held, and a retraction retried with its key changes nothing', async () => {
    const nothing = await send({
      importKey: 'retract-dbs-none',
      rows: [{ reference: 'RTR-NONE', receivedAt: '2017-06-05T09:00:00+01:00', retraction: true }],
    });
    expect(nothing.problems).toEqual([
      { row: 1, field: 'reference', reason: 'No record held under this key to retract' },
    ]);
    const [{ n: count }] = (await api.db.asOwner<{ n: number }>(
      'select count(*)::int as n from dbs_checks where tenant_id = $1',
      [tenantId],
    )) as [{ n: number }];
    const again = await send({ importKey: 'retract-dbs-3', rows: [{ ...CHECKS[2], retraction: true }] });
    expect(again).toMatchObject({ written: false, replayed: true });
    const [{ n: after }] = (await api.db.asOwner<{ n: number }>(
      'select count(*)::int as n from dbs_checks where tenant_id = $1',
      [tenantId],
    )) as [{ n: number }];
    expect(after).toBe(count);
  });

  it('takes a retraction in a CSV file', async () => {
    const csv = [
      'reference,received_at,information_complete_at,processed_at,retraction',
      'RTR-2,2017-06-12T09:00:00+01:00,2017-06-12T10:00:00+01:00,2017-06-13T15:00:00+01:00,true',
    ].join('\n');
    expect(await send({ importKey: 'retract-dbs-csv', csv })).toMatchObject({ written: true, corrections: 1 });
    expect(await listed()).toEqual(['RTR-1', 'RTR-3']);
  });
});
