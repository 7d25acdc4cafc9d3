// A page of the organisations registry in a context widened to 10,000 schools (every one
// delegated to a partnership), as its tenant admin: the selection compiler's one statement
// against the resolvers' (the same operation with `@include(if: true)` on its root field, which
// the compiler does not take), interleaved, on one database. Two shapes: large-partnership.ts's
// page (each row's parent and first 10 children) and the compiled-reads test's tree (children with
// their totalCount and subscriptions).
//
// Run against a migrated server database (the schools are added each run):
//   DATABASE_URL=postgres://... BENCH_ITERATIONS=10 node --import tsx packages/gateway/bench/widened-registry-page.ts

import { openDatabase, SigningKeyStore } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { loadSeedData } from '@ssp/seeds';
import { createPlatformApp } from '../src/platform-app.ts';
import { benchConfig } from './bench-config.ts';
import { loadDelegatedSchoolsPartnership } from './delegated-schools-partnership.ts';

const SCHOOLS = 10_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);

const config = benchConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL: a migrated PostgreSQL database');
const database = await openDatabase(config, platformSchema);
await loadSeedData(database, { performanceScale: 0 });

const { run, partnershipId: partnership } = await loadDelegatedSchoolsPartnership(database, {
  schools: SCHOOLS,
  subscriptions: true,
  ownerUrl: config.databaseUrl,
});

const app = await createPlatformApp(config, { database, keys: await SigningKeyStore.createInMemory() });
const url = await app.http.listen(0, '127.0.0.1');
const token = (
  await app.issuer.issue({ subject: `bench:tenant_admin@${run}`, organisationId: partnership, roles: ['tenant_admin'] })
).accessToken;

async function graphql(query: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: { organisations: { nodes: unknown[] } }; errors?: unknown };
  if (body.errors || body.data?.organisations.nodes.length !== 100) throw new Error(JSON.stringify(body.errors));
  return JSON.stringify(body.data);
}

const SHAPES = {
  'parent and first 10 children': `organisations(first: 100) { nodes { id slug name kind parent { slug } children(first: 10) { nodes { slug } } } }`,
  'children with totalCount and subscriptions': `organisations(first: 100) { pageInfo { hasNextPage } nodes { id slug kind parent { slug }
    children(first: 1) { totalCount nodes { slug subscriptions(first: 5) { nodes { id startedAt offering { code } } } } } } }`,
};
const lines: string[] = [];
for (const [name, root] of Object.entries(SHAPES)) {
  const compiled = `{ ${root} }`;
  const resolved = `{ ${root.replace(/^organisations\(first: 100\)/, '$& @include(if: true)')} }`;
  // Warm-up, and the same answer both ways.
  const [a, b] = [await graphql(compiled), await graphql(resolved)];
  if (a !== b) throw new Error(`${name}: the compiled answer differs from the resolvers'`);
  const times: Record<'compiled' | 'resolvers', number[]> = { compiled: [], resolvers: [] };
  for (let index = 0; index < ITERATIONS; index += 1) {
    for (const [path, query] of [
      ['compiled', compiled],
      ['resolvers', resolved],
    ] as const) {
      const start = performance.now();
      await graphql(query);
      times[path].push(performance.now() - start);
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!.toFixed(1);
  const range = (values: number[]) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
  lines.push(
    `  ${name}: compiled ${median(times.compiled)} ms (${range(times.compiled)}), resolvers ${median(times.resolvers)} ms (${range(times.resolvers)}), ${ITERATIONS} each`,
  );
}
process.stdout.write(
  [
    `a page of the registry, ${SCHOOLS.toLocaleString('en-GB')} schools delegated, engine ${database.engine}`,
    ...lines,
    '',
  ].join('\n'),
);
await app.close();
