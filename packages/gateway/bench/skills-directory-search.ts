// Searching the shared skills directory of a partnership of 50 members with 20 people each (1,000
// people) for a skill, over GraphQL, against a baseline measured in the same run: the same search
// written by hand in SQL, in the same kind of transaction (the member's tenant context, its
// partnership context set by the database), without GraphQL, auth, HTTP or the audit of the reads.

import { randomBytes } from 'node:crypto';
import { EmbeddedDatabase, openDatabase, queryRows, SigningKeyStore } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { generateLargePartnership, loadSeedData, seedOrganisationId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createPlatformApp } from '../src/platform-app.ts';
import { benchConfig } from './bench-config.ts';
import { compareWithBaseline, formatComparison } from './compare-with-baseline.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PAGE = 100;

const config = benchConfig();
const database = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });
// A fresh partnership each run, so the benchmark can run again against the same server.
const partnership = await generateLargePartnership(database, {
  prefix: `bench-${randomBytes(3).toString('hex')}`,
  members: 50,
  peoplePerMember: 20,
});
// The generated rows arrived in bulk: give the planner their statistics, as autovacuum would on a
// server (PGlite runs none). As the owner: the application's roles own no table, so cannot.
if (database instanceof EmbeddedDatabase) {
  await database.client.query('analyze');
} else if (config.databaseUrl) {
  const owner = new pg.Client({ connectionString: config.databaseUrl });
  await owner.connect();
  await owner.query('analyze');
  await owner.end();
}
const partnershipId = seedOrganisationId(partnership.partnershipSlug);
const searcher = seedOrganisationId(partnership.memberSlugs.at(-1)!);

const app = await createPlatformApp(config, { database, keys: await SigningKeyStore.createInMemory() });
const url = await app.http.listen(0, '127.0.0.1');
const token = (await app.issuer.issue({ subject: 'bench', organisationId: searcher, roles: ['service_agent'] }))
  .accessToken;
const partnershipGlobalId = Buffer.from(`Organisation:${partnershipId}`).toString('base64');

const QUERY = `query Search($p: ID!) { sharedSupport(partnershipId: $p) {
  directory(skillCode: "firewalls", minimumLevel: 2, first: ${PAGE}) {
    nodes { id memberName fullName roleTitle email phone skills { skillCode level } available } } } }`;

let people = 0;
const comparison = await compareWithBaseline({
  iterations: ITERATIONS,
  baseline: {
    label: 'baseline: the search in one hand-written SQL statement, no GraphQL',
    run: () =>
      database.inTenantTransaction([searcher], async (tx) => {
        await queryRows(tx, sql`select app.set_partnership_context()`);
        return queryRows(
          tx,
          sql`select p.id, m.member_name, p.full_name, p.role_title, p.email, p.phone,
                   (select json_agg(json_build_object('skillCode', s.skill_code, 'level', s.level) order by s.level desc, s.skill_code)
                      from shared_person_skills s where s.tenant_id = p.tenant_id and s.person_id = p.id) as skills
              from shared_people p
              join shared_members m on m.tenant_id = p.tenant_id and m.member_organisation_id = p.member_organisation_id
              join shared_person_skills k on k.tenant_id = p.tenant_id and k.person_id = p.id
                                         and k.skill_code = 'firewalls' and k.level >= 2
             where p.tenant_id = ${partnershipId}
             order by k.level desc, m.member_name, p.full_name, p.id limit ${PAGE}`,
        );
      }),
  },
  product: {
    label: 'GraphQL over HTTP, verified token, RLS transaction, reads audited',
    run: async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { p: partnershipGlobalId } }),
      });
      const body = (await response.json()) as {
        errors?: unknown;
        data?: { sharedSupport: { directory: { nodes: unknown[] } } };
      };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      people = body.data.sharedSupport.directory.nodes.length;
    },
  },
});
// The baseline's statements go through the same counter: count the product's alone.
const { statements: statementsPerRequest } = await app.database.statements.measure(() =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { p: partnershipGlobalId } }),
  }).then((response) => response.json()),
);

process.stdout.write(
  [
    `skills directory search: ${partnership.people} people in ${partnership.memberSlugs.length} members, a page of ${people}`,
    `engine: ${database.engine}; ${ITERATIONS} iterations after a warm-up`,
    ...formatComparison(comparison),
    `SQL statements per GraphQL request: ${statementsPerRequest}`,
    '',
  ].join('\n'),
);
await app.close();
