import { seedOfferingId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkOnboardWithIdsMutation } from '../support/queries/onboarding-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const PARTNERSHIP = 'liverpool-direct';
const SENDS = 20;
const ROWS = 50;
const offering = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');

function schoolRow(prefix: string, n: number, withUrn: boolean, overrides: Record<string, unknown> = {}) {
  return {
    name: `${prefix} School ${n}`,
    kind: 'SCHOOL',
    nation: 'ENGLAND_AND_WALES',
    ...(withUrn ? { identifierScheme: 'URN', identifier: String(870000 + n) } : {}),
    offeringIds: [offering('dbs-check')],
    tenantAdminName: `Head ${n}`,
    tenantAdminIssuer: 'https://sso.concurrency.test/',
    tenantAdminSubject: `${prefix}-head-${n}`,
    ...overrides,
  };
}

const bulk = (input: Record<string, unknown>) =>
  bulkOnboardWithIdsMutation({
    parentId: organisationGlobalId(api.organisationId(PARTNERSHIP)),
    mode: 'ALL_OR_NOTHING',
    dryRun: false,
    ...input,
  });

type Bulk = {
  bulkOnboardOrganisations: {
    __typename: string;
    message?: string;
    created: number;
    alreadyExisted: number;
    errors: number;
    written: boolean;
    rows: {
      row: number;
      outcome: string;
      organisationId: string | null;
      field: string | null;
      reason: string | null;
    }[];
  };
};

/** Every organisation, whoever may see it, whose name starts so (counted around the application). */
async function countNamed(prefix: string): Promise<number> {
  const rows = await api.db.asOwner<{ count: string }>(
    `select count(*) as count from organisations where name like $1`,
    [`${prefix} School %`],
  );
  return Number(rows[0]?.count);
}

describe('bulk onboarding under concurrency', () => {
  for (const withUrn of [false, true]) {
    it(`${SENDS} identical sends at once (${withUrn ? 'with' : 'without'} URNs) write one batch, and every reply reports it`, async () => {
      const prefix = withUrn ? 'Concurrent Urn' : 'Concurrent Named';
      const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
      const operation = bulk({
        rows: Array.from({ length: ROWS }, (_, index) => schoolRow(prefix, index + 1, withUrn)),
        batchKey: `concurrent-${withUrn ? 'urn' : 'named'}-batch`,
      });
      const replies = await Promise.all(Array.from({ length: SENDS }, () => api.graphql<Bulk>(operation, admin)));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.body.errors).toBeUndefined();
      }
      const results = replies.map((reply) => reply.body.data!.bulkOnboardOrganisations);
      expect(results[0]).toMatchObject({ created: ROWS, errors: 0, alreadyExisted: 0, written: true });
      for (const result of results) expect(result).toEqual(results[0]);
      expect(new Set(results[0]!.rows.map((row) => row.organisationId)).size).toBe(ROWS);
      expect(await countNamed(prefix)).toBe(ROWS);
    });
  }

  it('answers a batch key sent again with another file with a conflict, and writes nothing', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const first = await api.graphql<Bulk>(
      bulk({ rows: [schoolRow('Keyed', 1, false)], batchKey: 'keyed-batch-0001' }),
      admin,
    );
    expect(first.body.data?.bulkOnboardOrganisations).toMatchObject({ created: 1, written: true });
    const other = await api.graphql<Bulk>(
      bulk({ rows: [schoolRow('Keyed', 2, false)], batchKey: 'keyed-batch-0001' }),
      admin,
    );
    expect(other.body.data?.bulkOnboardOrganisations).toMatchObject({
      __typename: 'ConflictError',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await countNamed('Keyed')).toBe(1);
  });

  it('reports a name repeated beneath the same parent (rows without an identifier) as an error on the later row', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const response = await api.graphql<Bulk>(
      bulk({
        rows: [
          schoolRow('Twice', 1, false),
          schoolRow('Twice', 2, false),
          schoolRow('Twice', 3, false, { name: '  twice   school 1 ' }),
        ],
        batchKey: 'twice-named-batch',
        mode: 'VALID_ROWS_ONLY',
      }),
      admin,
    );
    expect(response.body.data?.bulkOnboardOrganisations.rows.map(({ organisationId: _, ...row }) => row)).toEqual([
      { row: 1, outcome: 'CREATED', field: null, reason: null },
      { row: 2, outcome: 'CREATED', field: null, reason: null },
      {
        row: 3,
        outcome: 'ERROR',
        field: 'name',
        reason: 'Row 1 of this file has the same name beneath the same parent',
      },
    ]);
    expect(await countNamed('Twice')).toBe(2);
  });
});
