// `pnpm bench`: what the gateway costs on top of the database. Each figure is reported as a
// ratio against a baseline measured in the same run (timings alone say little on a shared
// machine): the same rows fetched by one hand-written SQL statement inside the same kind of
// transaction, without GraphQL, auth or HTTP.

import { EmbeddedDatabase, openDatabase, queryRows, SigningKeyStore } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { loadSeedData, seedOrganisationId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import { createPlatformApp } from '../src/platform-app.ts';
import { benchConfig } from './bench-config.ts';
import { compareWithBaseline, formatComparison } from './compare-with-baseline.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

const PAGE_QUERY = `query Page { organisations(first: 100) { nodes { id slug name kind parent { slug } children(first: 10) { nodes { slug } } } } }`;

const config = benchConfig();
// The configured PostgreSQL server when DATABASE_URL is set, otherwise a fresh in-memory PGlite.
const database = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database);
const app = await createPlatformApp(config, { database, keys: await SigningKeyStore.createInMemory() });
const url = await app.http.listen(0, '127.0.0.1');
const token = (
  await app.issuer.issue({
    subject: 'bench',
    organisationId: seedOrganisationId('shared-services-platform'),
    roles: ['platform_admin'],
  })
).accessToken;

// The baseline: the same page (100 organisations by name, each with its parent's slug and its
// first 10 children's slugs) in one statement, in a platform transaction.
const comparison = await compareWithBaseline({
  iterations: ITERATIONS,
  baseline: {
    label: 'baseline: one SQL statement, no GraphQL',
    run: () =>
      database.inPlatformTransaction({ actor: 'bench', reason: 'baseline' }, (tx) =>
        queryRows(
          tx,
          sql`select o.id, o.slug, o.name, o.kind, p.slug as parent_slug,
                (select coalesce(json_agg(c.slug), '[]') from (select slug from organisations c
                  where c.parent_id = o.id order by name, id limit 10) c) as children
              from organisations o left join organisations p on p.id = o.parent_id
              order by o.name, o.id limit 100`,
        ),
      ),
  },
  product: {
    label: 'GraphQL over HTTP, verified token, RLS transaction',
    run: async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: PAGE_QUERY }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    },
  },
});
// The baseline's statements go through the same counter: count the product's alone.
const { statements: statementsPerRequest } = await app.database.statements.measure(() =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PAGE_QUERY }),
  }).then((response) => response.json()),
);

const memory = process.memoryUsage();
process.stdout.write(
  [
    `engine: ${database.engine}; ${ITERATIONS} iterations after a warm-up`,
    ...formatComparison(comparison),
    `SQL statements per GraphQL request: ${statementsPerRequest}`,
    `rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    '',
  ].join('\n'),
);
await app.close();
