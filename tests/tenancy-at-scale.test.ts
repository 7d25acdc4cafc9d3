import { queryRows } from '@ssp/core';
import { seedOfferingId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardOrganisationNameMutation } from './support/queries/onboarding-queries.ts';
import {
  organisationGlobalId,
  organisationsQuery,
  organisationTreePageQuery,
} from './support/queries/organisation-queries.ts';

import { startTestApp, type TestApp } from './support/test-app.ts';

// A partnership of 10,000 schools, every one delegated to it: more than the 1,000 the tenant
// context used to hold. It must onboard, read and report with the same isolation.
const SCHOOLS = 10_000;
const PARTNERSHIP = 'suffolk-partnership';
const OUTSIDER = 'transform-sandwell';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
  const partnership = api.organisationId(PARTNERSHIP);
  // Set-up around the application, as the owner: rows, not what is under test.
  await api.db.asOwner(
    `insert into organisations (id, slug, name, kind, parent_id, lifecycle_status, nation, identifier_scheme, identifier)
     select gen_random_uuid(), 'scale-school-' || n, 'Scale School ' || lpad(n::text, 5, '0'), 'school', $1,
            'active', 'england_and_wales', 'urn', (500000 + n)::text
       from generate_series(1, ${SCHOOLS}) n`,
    [partnership],
  );
  await api.db.asOwner(
    `insert into delegations (tenant_id, delegated_organisation_id, reason, granted_by)
     select $1, id, 'scale test', 'test' from organisations where slug like 'scale-school-%'`,
    [partnership],
  );
  await api.db.asOwner('analyze organisations');
  await api.db.asOwner('analyze delegations');
}, 120_000);
afterAll(() => api?.close());

interface Page {
  organisations: {
    pageInfo: { hasNextPage: boolean };
    nodes: { slug: string; parent: { slug: string } | null; children: { nodes: { slug: string }[] } }[];
  };
}

describe('a partnership of 10,000 schools', () => {
  it('reads its organisations page, every school delegated to it visible, with parents and children', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    // The bench's page shape: each row's parent and first children (a per-row children count is
    // the costly shape under a 10,000-id context; see the note in the migration).
    const page = await api.graphql<Page>(organisationTreePageQuery(), admin);
    expect(page.body.errors).toBeUndefined();
    const nodes = page.body.data!.organisations.nodes;
    expect(nodes).toHaveLength(100);
    expect(page.body.data!.organisations.pageInfo.hasNextPage).toBe(true);
    const own = nodes.find((node) => node.slug === PARTNERSHIP);
    const schools = nodes.filter((node) => node.slug.startsWith('scale-school-'));
    expect(schools.length).toBeGreaterThan(90);
    for (const school of schools) expect(school.parent?.slug).toBe(PARTNERSHIP);
    if (own) expect(own.children.nodes).toHaveLength(10);
  }, 60_000);

  it('sets a context of 10,001 organisations once, in the database, and counts them all', async () => {
    const caller = {
      organisationId: api.organisationId(PARTNERSHIP),
      issuer: 'test',
      subject: 'scale',
      clientId: null,
      rolesClaimed: true,
    };
    const { visible, counted } = await api.app.database.inRequestTransaction(caller, async (tx, setUp) => {
      const [row] = await queryRows<{ count: number | string }>(tx, sql`select count(*) as count from organisations`);
      return { visible: setUp.visibleTenants, counted: Number(row?.count) };
    });
    expect(visible).toBeGreaterThan(SCHOOLS);
    expect(counted).toBe(visible);
  });

  it('keeps the read policy an index condition under that context (not a per-row filter)', async () => {
    const caller = {
      organisationId: api.organisationId(PARTNERSHIP),
      issuer: 'test',
      subject: 'scale',
      clientId: null,
      rolesClaimed: true,
    };
    const plans = await api.app.database.inRequestTransaction(caller, async (tx) => {
      const plan = async (statement: string) =>
        (await queryRows<{ 'QUERY PLAN': string }>(tx, sql.raw(`explain ${statement}`)))
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      return [
        await plan('select id, slug, name from organisations order by name, id limit 100'),
        await plan('select count(*) from organisations'),
      ];
    });
    for (const plan of plans) {
      expect(plan).toMatch(/Index Cond: \(id = ANY \(app\.current_tenant_ids\(\)\)\)/);
      expect(plan).not.toMatch(/Filter: .*current_tenant_ids/);
    }
  });

  it('onboards one more school, and another partnership sees none of its 10,001', async () => {
    const admin = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const offering = Buffer.from(`ServiceOffering:${seedOfferingId('dbs-check')}`).toString('base64');
    const response = await api.graphql<{
      onboardOrganisation: { __typename: string; organisation?: { name: string; parent: { slug: string } } };
    }>(
      onboardOrganisationNameMutation({
        parentId: organisationGlobalId(api.organisationId(PARTNERSHIP)),
        name: 'Scale School 10001',
        kind: 'SCHOOL',
        nation: 'ENGLAND_AND_WALES',
        identifier: { scheme: 'URN', value: '519999' },
        subscriptions: [{ offeringId: offering }],
        tenantAdmin: { displayName: 'Head', email: null, issuer: 'https://sso.scale.test/', subject: 'head' },
        apiClient: null,
        idempotencyKey: 'scale-onboard-10001',
      }),
      admin,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.onboardOrganisation).toMatchObject({
      __typename: 'OnboardOrganisationPayload',
      organisation: { name: 'Scale School 10001', parent: { slug: PARTNERSHIP } },
    });

    const outsider = await api.tokenFor(OUTSIDER, ['tenant_admin']);
    const seen = await api.graphql<Page>(
      organisationsQuery({ first: 100, filter: { nameContains: 'Scale School' } }),
      outsider,
    );
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data!.organisations.nodes).toEqual([]);
  });
});
