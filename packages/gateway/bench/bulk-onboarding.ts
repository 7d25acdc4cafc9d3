// Bulk onboarding 300 schools (Liverpool's case), against a baseline of the same 300
// organisations inserted with one plain SQL statement, in the same run.
//
// One cold run of each is taken first and rolled back (the baseline's insert in a transaction
// that is undone, the bulk onboarding as a dry run, which writes everything and then rolls back):
// the first statements on a connection pay for its catalog caches and plans, which would otherwise
// be charged to whichever side happened to go first. Then ROUNDS rounds, each a baseline insert
// and a real bulk onboarding of 300 new schools beneath another partnership; medians reported.

import { randomUUID } from 'node:crypto';
import { EmbeddedDatabase, openDatabase, type PlatformDatabase } from '@ssp/core';
import { platformSchema, tables } from '@ssp/schema';
import { loadSeedData, seedOfferingId, seedOrganisationId } from '@ssp/seeds';
import { type BulkRowInput, bulkOnboardOrganisations } from '@ssp/services';
import { confirmActor } from '@ssp/tenants';
import { benchConfig } from './bench-config.ts';

const SCHOOLS = 300;
const PARTNERSHIPS = [
  'liverpool-direct',
  'bt-lancashire-services',
  'south-tyneside-partnership',
  'transform-sandwell',
  'suffolk-partnership',
];
const config = benchConfig();
const database: PlatformDatabase = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });

const school = (n: number, prefix: string, urnBase: number) => ({
  name: `${prefix} School ${n}`,
  kind: 'school' as const,
  nation: 'england_and_wales' as const,
  identifier: { scheme: 'urn' as const, value: String(urnBase + n) },
});
const elapsed = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
class RollBack extends Error {}

/** The organisation rows alone, one plain INSERT, on the platform path. */
async function baseline(round: number, rollBack: boolean): Promise<number> {
  const started = process.hrtime.bigint();
  await database
    .inPlatformTransaction({ actor: 'bench', reason: 'baseline insert' }, async (tx) => {
      await tx.insert(tables.organisations).values(
        Array.from({ length: SCHOOLS }, (_, index) => {
          const row = school(index + 1, `Baseline ${round}`, 600000 + round * 1000);
          return {
            id: randomUUID(),
            slug: `baseline-${round}-school-${index + 1}`,
            name: row.name,
            kind: row.kind,
            parentId: seedOrganisationId(PARTNERSHIPS[0] as string),
            lifecycleStatus: 'onboarding' as const,
            nation: row.nation,
            identifierScheme: row.identifier.scheme,
            identifier: row.identifier.value,
          };
        }),
      );
      if (rollBack) throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return elapsed(started);
}

/**
 * The real thing, as a tenant admin of the partnership: every row validated, then the valid rows
 * written table by table (organisation, two subscriptions, the invited head teacher, a delegation,
 * the idempotency record, audit events).
 */
async function bulk(round: number, partnershipSlug: string, dryRun: boolean) {
  const partnership = seedOrganisationId(partnershipSlug);
  const subject = `bench:tenant_admin@${partnershipSlug}`;
  const principal = {
    kind: 'user' as const,
    issuer: config.tokenIssuer,
    subject,
    organisationId: partnership,
    claimedRoles: ['tenant_admin' as const],
    expiresAt: new Date(Date.now() + 3_600_000),
  };
  const rows: BulkRowInput[] = Array.from({ length: SCHOOLS }, (_, index) => ({
    ...school(index + 1, `Bulk ${round}`, 700000 + round * 1000),
    parentId: partnership,
    subscriptions: [
      { offeringId: seedOfferingId('dbs-check'), unitPrice: null },
      { offeringId: seedOfferingId('password-reset'), unitPrice: null },
    ],
    tenantAdmin: {
      displayName: `Head ${index + 1}`,
      email: null,
      issuer: 'https://sso.bench.test/',
      subject: `head-${round}-${index + 1}`,
    },
  }));
  const statementsBefore = database.statements.count;
  const started = process.hrtime.bigint();
  const result = await database.inTenantTransaction([partnership], async (tx) => {
    const actor = await confirmActor(tx, principal);
    return bulkOnboardOrganisations(
      tx,
      actor,
      { requestId: 'bench', subject, organisationId: partnership },
      { mode: 'valid_rows_only', dryRun, batchKey: `bench-${round}-300-schools`, rows },
    );
  });
  const ms = elapsed(started);
  if (result.created !== SCHOOLS || result.errors !== 0 || result.written === dryRun) {
    throw new Error(`round ${round}: ${result.created} created, ${result.errors} errors, written ${result.written}`);
  }
  return { ms, statements: database.statements.count - statementsBefore };
}

const coldBaseline = await baseline(0, true);
const cold = await bulk(0, PARTNERSHIPS[0] as string, true);
const baselineMs: number[] = [];
const bulkMs: number[] = [];
let statements = 0;
for (const [index, partnership] of PARTNERSHIPS.entries()) {
  baselineMs.push(await baseline(index + 1, false));
  const run = await bulk(index + 1, partnership, false);
  bulkMs.push(run.ms);
  statements = run.statements;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
const ratio = median(bulkMs) / median(baselineMs);

process.stdout.write(
  [
    `bulk onboarding of ${SCHOOLS} schools, engine ${database.engine}, ${PARTNERSHIPS.length} rounds after one cold run of each (rolled back):`,
    `  baseline: ${SCHOOLS} organisation rows in one INSERT: ${list(baselineMs)} ms, median ${median(baselineMs).toFixed(0)} ms (1.00x); cold ${coldBaseline.toFixed(0)} ms`,
    `  bulkOnboardOrganisations: ${list(bulkMs)} ms, median ${median(bulkMs).toFixed(0)} ms (${ratio.toFixed(1)}x baseline); cold (dry run) ${cold.ms.toFixed(0)} ms`,
    `  ${statements} SQL statements per batch in all (${(statements / SCHOOLS).toFixed(2)} per row)`,
    '',
  ].join('\n'),
);
await database.close();
