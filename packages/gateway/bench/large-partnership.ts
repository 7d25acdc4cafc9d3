import { EmbeddedDatabase, openDatabase, queryRows, SigningKeyStore } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { loadSeedData, seedOfferingId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import { createPlatformApp } from '../src/platform-app.ts';
import { benchConfig } from './bench-config.ts';
import { loadDelegatedSchoolsPartnership } from './delegated-schools-partnership.ts';
import { timeOperation } from './time-operation.ts';

const SCHOOLS = 10_000;
const PAGE_ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const ONBOARDINGS = Math.max(5, Math.floor(PAGE_ITERATIONS / 2));

const config = benchConfig();
const database = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });

// A fresh partnership each run, so the benchmark can run again against the same server.
const { run, partnershipId: partnership } = await loadDelegatedSchoolsPartnership(database, {
  schools: SCHOOLS,
  ownerUrl: config.databaseUrl,
});

const app = await createPlatformApp(config, { database, keys: await SigningKeyStore.createInMemory() });
const url = await app.http.listen(0, '127.0.0.1');
const token = (
  await app.issuer.issue({ subject: `bench:tenant_admin@${run}`, organisationId: partnership, roles: ['tenant_admin'] })
).accessToken;

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const PAGE_QUERY = `query Page { organisations(first: 100) { nodes { id slug name kind parent { slug } children(first: 10) { nodes { slug } } } } }`;
const PAGE_SQL = sql`select o.id, o.slug, o.name, o.kind, p.slug as parent_slug,
    (select coalesce(json_agg(c.slug), '[]') from (select slug from organisations c
      where c.parent_id = o.id order by name, id limit 10) c) as children
  from organisations o left join organisations p on p.id = o.parent_id
  order by o.name, o.id limit 100`;
const caller = {
  organisationId: partnership,
  issuer: config.tokenIssuer,
  subject: 'bench',
  clientId: null,
  rolesClaimed: true,
};

const pageBaseline = await timeOperation(
  'baseline: the same page in one SQL statement, same tenant context',
  PAGE_ITERATIONS,
  () =>
    database.inRequestTransaction(caller, async (tx, setUp) => {
      if (setUp.visibleTenants !== SCHOOLS + 1) throw new Error(`context of ${setUp.visibleTenants}`);
      const rows = await queryRows(tx, PAGE_SQL);
      if (rows.length !== 100) throw new Error(`${rows.length} rows`);
    }),
);
const pagePlatform = await timeOperation(
  'reference: that statement on the platform path (no RLS)',
  PAGE_ITERATIONS,
  () => database.inPlatformTransaction({ actor: 'bench', reason: 'baseline' }, (tx) => queryRows(tx, PAGE_SQL)),
);
const statementsBefore = database.statements.count;
const roundTripsBefore = database.roundTrips.count;
const page = await timeOperation(
  'GraphQL over HTTP, verified token, request transaction',
  PAGE_ITERATIONS,
  async () => {
    const data = (await graphql(PAGE_QUERY)) as { organisations: { nodes: unknown[] } };
    if (data.organisations.nodes.length !== 100) throw new Error('short page');
  },
);
const pageRequests = PAGE_ITERATIONS + Math.min(5, PAGE_ITERATIONS);
const perRequest = (count: number) => (count / pageRequests).toFixed(1);
const pageStatements = perRequest(database.statements.count - statementsBefore);
const pageRoundTrips = perRequest(database.roundTrips.count - roundTripsBefore);

let onboarded = 0;
const ONBOARD = `mutation O($input: OnboardOrganisationInput!) { onboardOrganisation(input: $input) { __typename
  ... on OnboardOrganisationPayload { organisation { id } } ... on Error { message } } }`;
const offering = Buffer.from(`ServiceOffering:${seedOfferingId('dbs-check')}`).toString('base64');
const parentGlobalId = Buffer.from(`Organisation:${partnership}`).toString('base64');
const onboard = await timeOperation(
  'onboardOrganisation over HTTP (one more school, every row it writes)',
  ONBOARDINGS,
  async () => {
    onboarded += 1;
    const data = (await graphql(ONBOARD, {
      input: {
        parentId: parentGlobalId,
        name: `Bench ${run} New School ${onboarded}`,
        kind: 'SCHOOL',
        nation: 'ENGLAND_AND_WALES',
        identifier: null,
        subscriptions: [{ offeringId: offering }],
        tenantAdmin: {
          displayName: 'Head',
          email: null,
          issuer: 'https://sso.bench.test/',
          subject: `head-${run}-${onboarded}`,
        },
        apiClient: null,
        idempotencyKey: `bench-${run}-onboard-${onboarded}`,
      },
    })) as { onboardOrganisation: { __typename: string } };
    if (data.onboardOrganisation.__typename !== 'OnboardOrganisationPayload') {
      throw new Error(JSON.stringify(data.onboardOrganisation));
    }
  },
);
let inserted = 0;
const onboardBaseline = await timeOperation('baseline: one plain INSERT of the organisation row', ONBOARDINGS, () => {
  inserted += 1;
  return database.inPlatformTransaction({ actor: 'bench', reason: 'baseline insert' }, (tx) =>
    tx.execute(sql`insert into organisations (slug, name, kind, parent_id, lifecycle_status, nation)
      values (${`bench-${run}-baseline-${inserted}`}, ${`Bench ${run} Baseline ${inserted}`}, 'school', ${partnership},
              'onboarding', 'england_and_wales')`),
  );
});

const ratio = (measured: { msPerOp: number }, baseline: { msPerOp: number }) =>
  `${(measured.msPerOp / baseline.msPerOp).toFixed(2)}x baseline`;
process.stdout.write(
  [
    `a partnership of ${SCHOOLS.toLocaleString('en-GB')} delegated schools, engine ${database.engine}; page ${PAGE_ITERATIONS} iterations, onboarding ${ONBOARDINGS}, after warm-up`,
    `  page ${pageBaseline.label}: ${pageBaseline.msPerOp.toFixed(2)} ms/op (1.00x)`,
    `  page ${pagePlatform.label}: ${pagePlatform.msPerOp.toFixed(2)} ms/op (${ratio(pagePlatform, pageBaseline)})`,
    `  page ${page.label}: ${page.msPerOp.toFixed(2)} ms/op (${ratio(page, pageBaseline)}); ${pageStatements} statements, ${pageRoundTrips} round trips a request`,
    `  onboarding ${onboardBaseline.label}: ${onboardBaseline.msPerOp.toFixed(2)} ms/op (1.00x)`,
    `  onboarding ${onboard.label}: ${onboard.msPerOp.toFixed(2)} ms/op (${ratio(onboard, onboardBaseline)})`,
    '',
  ].join('\n'),
);
await app.close();
