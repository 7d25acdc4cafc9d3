import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  organisationDbsChecksQuery,
  organisationsDbsChecksQuery,
} from '../support/queries/organisation-record-queries.ts';
import { performanceIndicatorsQuery } from '../support/queries/performance-report-queries.ts';
import {
  type ImportPayload,
  importRecordsMutation,
  recordImportStatusQuery,
  recordOneMutation,
} from '../support/queries/record-import-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Liverpool City Council has no payroll or recruitment records in the seeds: everything here
// comes in through the API. A year of changes as CSV is ~1.5 MB, over the default 1 MB body.
let api: TestApp;
let admin: string;
let tenantId: string;
beforeAll(async () => {
  api = await startTestApp({ MAX_REQUEST_BODY_BYTES: String(4 * 1024 * 1024) });
  admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
  tenantId = api.organisationId('liverpool-city-council');
});
afterAll(() => api?.close());

async function send(pluralName: string, input: Record<string, unknown>, token = admin): Promise<ImportPayload> {
  const response = await api.graphql<Record<string, ImportPayload>>(importRecordsMutation(pluralName, input), token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data![`import${pluralName}`]!;
}

/** Rows of a table for Liverpool, read as the owner (row-level security aside). */
async function count(table: string): Promise<number> {
  const [row] = await api.db.asOwner<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [
    tenantId,
  ]);
  return row!.n;
}

async function status(key: string) {
  const response = await api.graphql<{ recordImport: { state: string; rows: number | null } }>(
    recordImportStatusQuery(key),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.recordImport;
}

/**
 * Every kind, in the order parents come first: a good import, and a bad row with the field at
 * fault. Each is imported once (all later kinds refer to the earlier ones' records).
 */
const KINDS: {
  table: string;
  plural: string;
  singular: string;
  good: Record<string, unknown>[];
  bad: { row: Record<string, unknown>; field: string };
}[] = [
  {
    table: 'payrolls',
    plural: 'Payrolls',
    singular: 'Payroll',
    good: [
      { code: 'LIV-MAIN', name: 'Liverpool main payroll', frequency: 'MONTHLY' },
      { code: 'LIV-CASUAL', name: 'Liverpool casual staff', frequency: 'FOUR_WEEKLY' },
    ],
    bad: { row: { code: 'LIV-BAD', name: '', frequency: 'WEEKLY' }, field: 'name' },
  },
  {
    table: 'pay_periods',
    plural: 'PayPeriods',
    singular: 'PayPeriod',
    good: [
      {
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-04-01',
        publishedDeadline: '2017-04-12T17:00:00+01:00',
        paymentsMade: 1200,
      },
      {
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-05-01',
        publishedDeadline: '2017-05-11T17:00:00+01:00',
        paymentsMade: 1210,
      },
    ],
    bad: {
      row: {
        payrollCode: 'LIV-NONE',
        periodStart: '2017-04-01',
        publishedDeadline: '2017-04-12T17:00:00+01:00',
        paymentsMade: 1,
      },
      field: 'payrollCode',
    },
  },
  {
    table: 'payroll_changes',
    plural: 'PayrollChanges',
    singular: 'PayrollChange',
    good: [
      {
        reference: 'CHG-1',
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-04-01',
        kind: 'STARTER',
        receivedAt: '2017-04-03T09:00:00+01:00',
        processedAt: '2017-04-05T12:00:00+01:00',
      },
      {
        reference: 'CHG-2',
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-04-01',
        kind: 'LEAVER',
        receivedAt: '2017-04-10T09:00:00+01:00',
        processedAt: '2017-04-13T10:00:00+01:00',
      },
    ],
    bad: {
      row: {
        reference: 'CHG-BAD',
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-04-01',
        kind: 'PAY_CHANGE',
        receivedAt: '2017-04-03T09:00:00+01:00',
        processedAt: '2017-04-02T09:00:00+01:00',
      },
      field: 'processedAt',
    },
  },
  {
    table: 'payroll_errors',
    plural: 'PayrollErrors',
    singular: 'PayrollError',
    good: [
      {
        reference: 'ERR-1',
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-04-01',
        causedBy: 'PARTNERSHIP',
        description: 'Overtime paid twice',
      },
    ],
    bad: {
      row: {
        reference: 'ERR-BAD',
        payrollCode: 'LIV-MAIN',
        periodStart: '2017-06-01',
        causedBy: 'CUSTOMER',
        description: 'x',
      },
      field: 'periodStart',
    },
  },
  {
    table: 'dbs_checks',
    plural: 'DbsChecks',
    singular: 'DbsCheck',
    good: [
      {
        reference: 'DBS-1',
        receivedAt: '2017-05-02T10:00:00+01:00',
        informationCompleteAt: '2017-05-03T11:00:00+01:00',
        processedAt: '2017-05-04T15:00:00+01:00',
      },
    ],
    bad: {
      row: { reference: 'DBS-BAD', receivedAt: '2017-05-02T10:00:00+01:00', processedAt: '2017-05-04T15:00:00+01:00' },
      field: 'informationCompleteAt',
    },
  },
  {
    table: 'contract_letters',
    plural: 'ContractLetters',
    singular: 'ContractLetter',
    good: [{ reference: 'CL-1', systemChangeDate: '2017-05-02', issuedDate: '2017-05-09' }],
    bad: { row: { reference: 'CL-BAD', systemChangeDate: '2017-02-30' }, field: 'systemChangeDate' },
  },
  {
    table: 'vacancies',
    plural: 'Vacancies',
    singular: 'Vacancy',
    good: [{ reference: 'VAC-1', title: 'Payroll officer', openedOn: '2017-05-01', closesOn: '2017-05-31' }],
    bad: { row: { reference: 'VAC-BAD', title: 'Clerk', openedOn: '2013-01-01' }, field: 'openedOn' },
  },
  {
    table: 'applications',
    plural: 'Applications',
    singular: 'Application',
    good: [{ reference: 'APP-1', vacancyReference: 'VAC-1', receivedAt: '2017-05-10T12:00:00+01:00' }],
    bad: {
      row: { reference: 'APP-BAD', vacancyReference: 'VAC-1', receivedAt: '2099-01-01T00:00:00Z' },
      field: 'receivedAt',
    },
  },
  {
    table: 'application_stages',
    plural: 'ApplicationStages',
    singular: 'ApplicationStage',
    good: [
      { applicationReference: 'APP-1', stage: 'SHORTLISTED', reachedAt: '2017-06-02T09:00:00+01:00' },
      { applicationReference: 'APP-1', stage: 'INTERVIEWED', reachedAt: '2017-06-09T09:00:00+01:00' },
    ],
    bad: {
      row: { applicationReference: 'APP-1', stage: 'OFFERED', reachedAt: '2017-06-10T09:00:00' },
      field: 'reachedAt',
    },
  },
];

describe('payroll and recruitment records through the API, one import engine for every kind', () => {
  for (const kind of KINDS) {
    it(`${kind.plural}: a bad row is refused with its row and field, and nothing is written`, async () => {
      const before = await count(kind.table);
      const payload = await send(kind.plural, {
        importKey: `bad-${kind.table}`,
        dryRun: false,
        rows: [...kind.good, kind.bad.row],
      });
      expect(payload).toMatchObject({
        __typename: 'RecordImportPayload',
        written: false,
        importId: null,
        problemCount: 1,
      });
      expect(payload.problems).toEqual([
        { row: kind.good.length + 1, field: kind.bad.field, reason: expect.any(String) },
      ]);
      expect(await count(kind.table)).toBe(before);
      expect(await status(`bad-${kind.table}`)).toMatchObject({ state: 'NOT_FOUND', rows: null });
    });

    it(`${kind.plural}: good rows are written once; a retry with the same key changes nothing`, async () => {
      const before = await count(kind.table);
      const input = { importKey: `good-${kind.table}`, dryRun: false, rows: kind.good };
      const first = await send(kind.plural, input);
      expect(first).toMatchObject({
        written: true,
        replayed: false,
        rows: kind.good.length,
        newRecords: kind.good.length,
        corrections: 0,
        problemCount: 0,
      });
      expect(await count(kind.table)).toBe(before + kind.good.length);
      const again = await send(kind.plural, input);
      expect(again).toMatchObject({
        written: false,
        replayed: true,
        importId: first.importId,
        recordedAt: first.recordedAt,
      });
      expect(await count(kind.table)).toBe(before + kind.good.length);
      expect(await status(`good-${kind.table}`)).toMatchObject({ state: 'WRITTEN', rows: kind.good.length });
      // The same rows under a new key are refused too: they are held already.
      const elsewhere = await send(kind.plural, { ...input, importKey: `again-${kind.table}` });
      expect(elsewhere.problems?.map((p) => p.row)).toEqual(kind.good.map((_, index) => index + 1));
      expect(await count(kind.table)).toBe(before + kind.good.length);
    });
  }

  it('the same key with other rows is a conflict, and changes nothing', async () => {
    const before = await count('payrolls');
    const payload = await send('Payrolls', {
      importKey: 'good-payrolls',
      dryRun: false,
      rows: [{ code: 'LIV-OTHER', name: 'Other', frequency: 'WEEKLY' }],
    });
    expect(payload).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('payrolls')).toBe(before);
  });

  it('a dry run checks everything, reports what it would write, and writes nothing', async () => {
    const before = await count('dbs_checks');
    const payload = await send('DbsChecks', {
      importKey: 'dry-run-dbs',
      dryRun: true,
      rows: [{ reference: 'DBS-DRY', receivedAt: '2017-07-03T09:00:00+01:00' }],
    });
    expect(payload).toMatchObject({ dryRun: true, written: false, newRecords: 1, problemCount: 0, importId: null });
    expect(await count('dbs_checks')).toBe(before);
    expect(await status('dry-run-dbs')).toMatchObject({ state: 'NOT_FOUND' });
  });

  it('a CSV file is read by its headings, and a bad cell is reported by its row and heading', async () => {
    const header = 'reference,payroll_code,period_start,kind,received_at,processed_at';
    const bad = await send('PayrollChanges', {
      importKey: 'csv-changes-bad',
      dryRun: false,
      csv: [
        header,
        'CSV-1,LIV-MAIN,2017-05-01,starter,2017-05-02T09:00:00+01:00,2017-05-03T09:00:00+01:00',
        'CSV-2,LIV-MAIN,2017-05-01,promotion,2017-05-02T09:00:00+01:00,',
      ].join('\n'),
    });
    expect(bad.problems).toEqual([{ row: 2, field: 'kind', reason: expect.stringContaining('pay_change') }]);
    const good = await send('PayrollChanges', {
      importKey: 'csv-changes-good',
      dryRun: false,
      csv: [header, 'CSV-1,LIV-MAIN,2017-05-01,starter,2017-05-02T09:00:00+01:00,2017-05-03T09:00:00+01:00'].join('\n'),
    });
    expect(good).toMatchObject({ written: true, newRecords: 1 });
    const unknownColumn = await send('PayrollChanges', {
      importKey: 'csv-changes-unknown',
      dryRun: false,
      csv: `${header},colour\nCSV-9,LIV-MAIN,2017-05-01,starter,2017-05-02T09:00:00+01:00,,blue`,
    });
    expect(unknownColumn).toMatchObject({ __typename: 'ValidationError', field: 'input.csv' });
  });

  it('one record at a time is an import of one row, idempotent by its key', async () => {
    const input = {
      idempotencyKey: 'one-dbs-check',
      record: { reference: 'DBS-ONE', receivedAt: '2017-07-03T09:00:00+01:00' },
    };
    const first = await api.graphql<{ recordDbsCheck: ImportPayload }>(recordOneMutation('DbsCheck', input), admin);
    expect(first.body.data?.recordDbsCheck).toMatchObject({ written: true, newRecords: 1 });
    const again = await api.graphql<{ recordDbsCheck: ImportPayload }>(recordOneMutation('DbsCheck', input), admin);
    expect(again.body.data?.recordDbsCheck).toMatchObject({
      replayed: true,
      importId: first.body.data?.recordDbsCheck.importId,
    });
  });

  it('a correction is a new version: the record held shows it, the first version stays', async () => {
    const corrected = await send('DbsChecks', {
      importKey: 'correct-dbs-one',
      dryRun: false,
      rows: [
        {
          reference: 'DBS-ONE',
          receivedAt: '2017-07-03T09:00:00+01:00',
          informationCompleteAt: '2017-07-04T09:00:00+01:00',
          processedAt: '2017-07-05T09:00:00+01:00',
          correction: true,
        },
      ],
    });
    expect(corrected).toMatchObject({ written: true, newRecords: 0, corrections: 1 });
    const versions = await api.db.asOwner<{ version: number; processed: boolean; corrects: boolean }>(
      `select version, processed_at is not null as processed, corrects_id is not null as corrects
         from dbs_checks where tenant_id = $1 and reference = 'DBS-ONE' order by version`,
      [tenantId],
    );
    expect(versions).toEqual([
      { version: 1, processed: false, corrects: false },
      { version: 2, processed: true, corrects: true },
    ]);
    // The organisation's list shows the record once, as corrected.
    const response = await api.graphql<{
      organisation: { dbsChecks: { nodes: { reference: string; processedAt: string | null }[] } };
    }>(
      organisationDbsChecksQuery(
        Buffer.from(`Organisation:${tenantId}`).toString('base64'),
        20,
        'reference processedAt',
      ),
      admin,
    );
    expect(response.body.errors).toBeUndefined();
    const shown = response.body.data!.organisation.dbsChecks.nodes.filter((node) => node.reference === 'DBS-ONE');
    expect(shown).toEqual([{ reference: 'DBS-ONE', processedAt: '2017-07-05T08:00:00.000Z' }]);
    // The same through the organisations list, which the selection compiler answers in one
    // statement: the relation's newest-version filter is written into it.
    const listed = await api.graphql<{
      organisations: { nodes: { dbsChecks: { nodes: { reference: string; processedAt: string | null }[] } }[] };
    }>(organisationsDbsChecksQuery(), admin);
    expect(listed.body.errors).toBeUndefined();
    const listedShown = listed.body
      .data!.organisations.nodes.flatMap((organisation) => organisation.dbsChecks.nodes)
      .filter((node) => node.reference === 'DBS-ONE');
    expect(listedShown).toEqual([{ reference: 'DBS-ONE', processedAt: '2017-07-05T08:00:00.000Z' }]);
    // A correction of nothing held is refused.
    const nothing = await send('DbsChecks', {
      importKey: 'correct-dbs-none',
      dryRun: false,
      rows: [{ reference: 'DBS-NONE', receivedAt: '2017-07-03T09:00:00+01:00', correction: true }],
    });
    expect(nothing.problems).toEqual([
      { row: 1, field: 'reference', reason: 'No record held under this key to correct' },
    ]);
  });

  it('rows that name the same record twice are refused on the later row', async () => {
    const payload = await send('ContractLetters', {
      importKey: 'twice-letters',
      dryRun: false,
      rows: [
        { reference: 'CL-2', systemChangeDate: '2017-06-01' },
        { reference: 'CL-2', systemChangeDate: '2017-06-02' },
      ],
    });
    expect(payload.problems).toEqual([
      { row: 2, field: 'reference', reason: 'Row 1 of this import names the same record' },
    ]);
  });

  it('takes 20,000 payroll changes in one call, as CSV', async () => {
    const lines = ['reference,payroll_code,period_start,kind,received_at,processed_at'];
    for (let n = 0; n < 20_000; n += 1) {
      const day = String(2 + (n % 8)).padStart(2, '0');
      lines.push(
        `BULK-${n},LIV-MAIN,2017-05-01,pay_change,2017-05-${day}T09:00:00+01:00,2017-05-${day}T15:00:00+01:00`,
      );
    }
    const before = await count('payroll_changes');
    const payload = await send('PayrollChanges', { importKey: 'bulk-20000', dryRun: false, csv: lines.join('\n') });
    expect(payload).toMatchObject({ written: true, rows: 20_000, newRecords: 20_000 });
    expect(await count('payroll_changes')).toBe(before + 20_000);
  }, 120_000);

  it('reads the performance report as of any instant: a correction shows from when it was recorded', async () => {
    type Report = { performanceReport: { indicators: { code: string; numerator: number; denominator: number }[] } };
    const changesByDeadline = async (asOf?: string) => {
      const response = await api.graphql<Report>(
        performanceIndicatorsQuery(
          Buffer.from(`Organisation:${tenantId}`).toString('base64'),
          '2017/18',
          'code numerator denominator',
          asOf,
        ),
        admin,
      );
      expect(response.body.errors).toBeUndefined();
      const indicator = response.body.data!.performanceReport.indicators.find(
        (i) => i.code === 'payroll-changes-by-deadline',
      );
      return { numerator: indicator!.numerator, denominator: indicator!.denominator };
    };
    const before = await changesByDeadline();
    // CHG-2 was recorded as processed after its period's deadline: it was in fact processed the day before.
    const corrected = await send('PayrollChanges', {
      importKey: 'correct-chg-2',
      dryRun: false,
      rows: [{ ...KINDS[2]!.good[1], processedAt: '2017-04-11T16:00:00+01:00', correction: true }],
    });
    expect(corrected).toMatchObject({ written: true, corrections: 1 });
    const after = await changesByDeadline();
    expect(after).toEqual({ numerator: before.numerator + 1, denominator: before.denominator });
    // As we knew it just before the correction was recorded: the report as it was.
    const justBefore = new Date(new Date(corrected.recordedAt!).getTime() - 1).toISOString();
    expect(await changesByDeadline(justBefore)).toEqual(before);
    // Before anything came in for Liverpool: nothing measured.
    expect(await changesByDeadline('2020-01-01T00:00:00Z')).toEqual({ numerator: 0, denominator: 0 });
  });

  it('says an import is running while another transaction holds its key (PostgreSQL)', async (context) => {
    if (!api.db.serverUrl) return context.skip();
    const client = new pg.Client({ connectionString: api.db.serverUrl });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [`record-import:${tenantId}:held-key`]);
      expect(await status('held-key')).toMatchObject({ state: 'RUNNING' });
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [`record-import:${tenantId}:held-key`]);
      expect(await status('held-key')).toMatchObject({ state: 'NOT_FOUND' });
    } finally {
      await client.end();
    }
  });

  it('refuses a caller without a recording role, and writes nothing', async () => {
    const requester = await api.tokenFor('liverpool-city-council', ['requester']);
    const payload = await send(
      'Vacancies',
      {
        importKey: 'requester-vacancy',
        dryRun: false,
        rows: [{ reference: 'VAC-R', title: 'x', openedOn: '2017-05-01' }],
      },
      requester,
    );
    expect(payload).toMatchObject({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' });
  });
});
