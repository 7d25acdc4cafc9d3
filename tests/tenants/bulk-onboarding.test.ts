import { tables } from '@ssp/schema';
import { seedOfferingId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkOnboardMutation } from '../support/queries/onboarding-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const PARTNERSHIP = 'liverpool-direct';
const offering = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');

function schoolRow(n: number, overrides: Record<string, unknown> = {}) {
  return {
    name: `Merseyside School ${n}`,
    kind: 'SCHOOL',
    nation: 'ENGLAND_AND_WALES',
    identifierScheme: 'URN',
    identifier: String(800000 + n),
    offeringIds: [offering('dbs-check'), offering('password-reset')],
    tenantAdminName: `Head ${n}`,
    tenantAdminIssuer: 'https://sso.merseyside.test/',
    tenantAdminSubject: `head-${n}`,
    ...overrides,
  };
}

const bulk = (input: Record<string, unknown>) =>
  bulkOnboardMutation({ parentId: organisationGlobalId(api.organisationId(PARTNERSHIP)), ...input });

type Bulk = {
  bulkOnboardOrganisations: {
    __typename: string;
    created: number;
    alreadyExisted: number;
    errors: number;
    written: boolean;
    rows: { row: number; outcome: string; field: string | null; reason: string | null }[];
  };
};

async function countSchools(prefix: string): Promise<number> {
  const rows = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'count' }, (tx) =>
    tx.query.organisations.findMany({ where: { name: { like: `${prefix}%` } }, columns: { id: true } }),
  );
  return rows.length;
}

// 40 schools, a bad URN, a school asking for a service it may not take, and a row repeating row 1's URN.
const rows = [
  ...Array.from({ length: 40 }, (_, index) => schoolRow(index + 1)),
  schoolRow(41, { identifier: 'E08000012' }),
  schoolRow(42, { offeringIds: [offering('invoice-processing')] }),
  schoolRow(1, { name: 'Merseyside School 1 (again)' }),
];

describe('bulk onboarding', () => {
  it('reports every row and writes nothing on a dry run', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Bulk>(
      bulk({ rows, mode: 'VALID_ROWS_ONLY', dryRun: true, batchKey: 'merseyside-dry' }),
      admin,
    );
    expect(response.body.data?.bulkOnboardOrganisations).toMatchObject({
      created: 40,
      errors: 3,
      alreadyExisted: 0,
      written: false,
    });
    expect(await countSchools('Merseyside School')).toBe(0);
  });

  it('writes nothing when all or nothing meets a bad row', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Bulk>(
      bulk({ rows, mode: 'ALL_OR_NOTHING', dryRun: false, batchKey: 'merseyside-all' }),
      admin,
    );
    expect(response.body.data?.bulkOnboardOrganisations).toMatchObject({ errors: 3, written: false });
    expect(await countSchools('Merseyside School')).toBe(0);
  });

  it('writes the valid rows, reports each bad one with its row, field and reason, and creates nothing twice on a re-run', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const first = await api.graphql<Bulk>(
      bulk({ rows, mode: 'VALID_ROWS_ONLY', dryRun: false, batchKey: 'merseyside-1' }),
      admin,
    );
    const result = first.body.data!.bulkOnboardOrganisations;
    expect(result).toMatchObject({ created: 40, errors: 3, alreadyExisted: 0, written: true });
    expect(result.rows.filter((row) => row.outcome !== 'CREATED')).toEqual([
      { row: 41, outcome: 'ERROR', field: 'identifier.value', reason: 'This is not a valid urn identifier' },
      {
        row: 42,
        outcome: 'ERROR',
        field: 'subscriptions.0.offeringId',
        reason: 'A school may not take invoice-processing',
      },
      // The file names row 1's URN again: an error on the row that repeats it, not a silent skip.
      {
        row: 43,
        outcome: 'ERROR',
        field: 'identifier.value',
        reason: 'Row 1 of this file has the same official identifier',
      },
    ]);
    expect(await countSchools('Merseyside School')).toBe(40);

    // The same file again, even under another batch key: found by URN and name, nothing created.
    const again = await api.graphql<Bulk>(
      bulk({ rows, mode: 'VALID_ROWS_ONLY', dryRun: false, batchKey: 'merseyside-2' }),
      admin,
    );
    expect(again.body.data?.bulkOnboardOrganisations).toMatchObject({ created: 0, alreadyExisted: 40, errors: 3 });
    expect(await countSchools('Merseyside School')).toBe(40);
  });

  it('reports a row whose URN is registered beyond the caller’s view as an error, and writes the others whole', async () => {
    // A school of another partnership holds the URN: the caller cannot see it, so only the write
    // finds the clash; that row gets nothing in any table, the next row everything.
    await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'a school elsewhere' }, (tx) =>
      tx.insert(tables.organisations).values({
        slug: 'registered-elsewhere-school',
        name: 'Registered Elsewhere School',
        kind: 'school',
        parentId: api.organisationId('bt-lancashire-services'),
        nation: 'england_and_wales',
        identifierScheme: 'urn',
        identifier: '809999',
      }),
    );
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Bulk>(
      bulk({
        rows: [
          schoolRow(1, { name: 'Clashing School 1', identifier: '809999' }),
          schoolRow(2, { name: 'Clashing School 2', identifier: '809998' }),
        ],
        mode: 'VALID_ROWS_ONLY',
        dryRun: false,
        batchKey: 'merseyside-clash',
      }),
      admin,
    );
    expect(response.body.data?.bulkOnboardOrganisations).toMatchObject({ created: 1, errors: 1, written: true });
    expect(response.body.data?.bulkOnboardOrganisations.rows).toEqual([
      {
        row: 1,
        outcome: 'ERROR',
        field: 'identifier.value',
        reason: 'An organisation with this official identifier is already registered',
      },
      { row: 2, outcome: 'CREATED', field: null, reason: null },
    ]);
    expect(await countSchools('Clashing School')).toBe(1);
    const written = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'check' }, async (tx) => {
      const [school] = await tx.query.organisations.findMany({ where: { name: 'Clashing School 2' } });
      const subscriptions = await tx.query.subscriptions.findMany({ where: { tenantId: school?.id } });
      const members = await tx.query.memberships.findMany({ where: { tenantId: school?.id } });
      const events = await tx.query.auditEvents.findMany({ where: { targetId: school?.id } });
      return { school: school?.id, subscriptions: subscriptions.length, members: members.length, events };
    });
    expect(written).toMatchObject({ subscriptions: 2, members: 1 });
    // Onboarded in the school's own trail and in the partnership's, by the caller, in this request.
    const partnership = api.organisationId(PARTNERSHIP);
    expect(written.events.map((event) => event.tenantId).sort()).toEqual([written.school, partnership].sort());
    for (const event of written.events) {
      expect(event).toMatchObject({
        action: 'organisation.onboarded',
        targetType: 'Organisation',
        actorOrganisationId: partnership,
        before: null,
        after: { name: 'Clashing School 2', kind: 'school', parentId: partnership, batch: 'merseyside-clash', row: 2 },
      });
      expect(event.requestId).toMatch(/\S/);
      expect(event.actorSubject).toBe(written.events[0]?.actorSubject);
    }
    expect(written.events[0]?.actorSubject).toMatch(/\S/);
  });
});
