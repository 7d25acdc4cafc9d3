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

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARM_UP = 20;

const PAGE_QUERY = `query Page { organisations(first: 100) { nodes { id slug name kind parent { slug } children(first: 10) { nodes { slug } } } } }`;

async function time(label: string, run: () => Promise<unknown>): Promise<{ label: string; msPerOp: number }> {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) await run();
  const msPerOp = Number(process.hrtime.bigint() - started) / 1e6 / ITERATIONS;
  return { label, msPerOp };
}

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
const baseline = await time('baseline: one SQL statement, no GraphQL', () =>
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
);

const statementsBefore = app.database.statements.count;
const graphql = await time('GraphQL over HTTP, verified token, RLS transaction', async () => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PAGE_QUERY }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
});
const statementsPerRequest = (app.database.statements.count - statementsBefore) / (ITERATIONS + WARM_UP);

const memory = process.memoryUsage();
process.stdout.write(
  [
    `engine: ${database.engine}; ${ITERATIONS} iterations after ${WARM_UP} warm-up`,
    `${baseline.label}: ${baseline.msPerOp.toFixed(2)} ms/op (1.00x)`,
    `${graphql.label}: ${graphql.msPerOp.toFixed(2)} ms/op (${(graphql.msPerOp / baseline.msPerOp).toFixed(2)}x baseline)`,
    `SQL statements per GraphQL request: ${statementsPerRequest.toFixed(1)}`,
    `rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    '',
  ].join('\n'),
);
await app.close();
