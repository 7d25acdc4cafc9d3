// Bulk onboarding 300 schools (Liverpool's case), against a baseline of the same 300
// organisations inserted with one plain SQL statement, in the same run.
import { randomUUID } from 'node:crypto';
import { EmbeddedDatabase, loadAppConfig, openDatabase, tables } from '@ssp/core';
import { loadSeedData, seedOfferingId, seedOrganisationId } from '@ssp/seeds';
import { bulkOnboardOrganisations } from '@ssp/services';
import { confirmActor } from '@ssp/tenants';

const SCHOOLS = 300;
const config = loadAppConfig({ ...process.env, NODE_ENV: 'test' });
const database = config.databaseUrl ? await openDatabase(config) : await EmbeddedDatabase.open();
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });

const partnership = seedOrganisationId('liverpool-direct');
const school = (n: number, prefix: string) => ({
  name: `${prefix} School ${n}`,
  kind: 'school' as const,
  nation: 'england_and_wales' as const,
  identifier: { scheme: 'urn' as const, value: String((prefix === 'Bulk' ? 700000 : 600000) + n) },
});

// Baseline: the organisation rows alone, one statement, on the platform path.
const baselineStarted = process.hrtime.bigint();
await database.inPlatformTransaction({ actor: 'bench', reason: 'baseline insert' }, (tx) =>
  tx.insert(tables.organisations).values(
    Array.from({ length: SCHOOLS }, (_, index) => {
      const row = school(index + 1, 'Baseline');
      const id = randomUUID();
      return {
        id,
        slug: `baseline-school-${index + 1}`,
        name: row.name,
        kind: row.kind,
        parentId: partnership,
        lifecycleStatus: 'onboarding' as const,
        nation: row.nation,
        identifierScheme: row.identifier.scheme,
        identifier: row.identifier.value,
      };
    }),
  ),
);
const baselineMs = Number(process.hrtime.bigint() - baselineStarted) / 1e6;

// The real thing: every row validated and onboarded in its own savepoint (organisation,
// two subscriptions, the invited head teacher, a delegation, audit events), as a tenant admin.
const principal = {
  kind: 'user' as const,
  issuer: config.tokenIssuer,
  subject: 'bench:tenant_admin@liverpool-direct',
  organisationId: partnership,
  claimedRoles: ['tenant_admin' as const],
  expiresAt: new Date(Date.now() + 3_600_000),
};
const statementsBefore = database.statements.count;
const bulkStarted = process.hrtime.bigint();
const result = await database.inTenantTransaction([partnership], async (tx) => {
  const actor = await confirmActor(tx, principal);
  return bulkOnboardOrganisations(
    tx,
    actor,
    { requestId: 'bench', subject: principal.subject, organisationId: partnership },
    {
      mode: 'valid_rows_only',
      dryRun: false,
      batchKey: 'bench-300-schools',
      rows: Array.from({ length: SCHOOLS }, (_, index) => ({
        ...school(index + 1, 'Bulk'),
        parentId: partnership,
        subscriptions: [
          { offeringId: seedOfferingId('dbs-check'), unitPrice: null },
          { offeringId: seedOfferingId('password-reset'), unitPrice: null },
        ],
        tenantAdmin: {
          displayName: `Head ${index + 1}`,
          email: null,
          issuer: 'https://sso.bench.test/',
          subject: `head-${index + 1}`,
        },
      })),
    },
  );
});
const bulkMs = Number(process.hrtime.bigint() - bulkStarted) / 1e6;
const statements = database.statements.count - statementsBefore;

process.stdout.write(
  [
    `bulk onboarding, engine ${database.engine}: ${result.created} schools created, ${result.errors} errors`,
    `  baseline: ${SCHOOLS} organisation rows in one INSERT: ${baselineMs.toFixed(0)} ms (1.00x)`,
    `  bulkOnboardOrganisations: ${bulkMs.toFixed(0)} ms (${(bulkMs / baselineMs).toFixed(1)}x baseline), ${statements} SQL statements in all (${(statements / SCHOOLS).toFixed(2)} per row)`,
    '',
  ].join('\n'),
);
await database.close();
