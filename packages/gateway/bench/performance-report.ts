// The performance report over a year at Lancashire's scale (480,000 salary payments, 13,000 DBS
// checks, 47,000 ICT contacts), against a plain SQL aggregate over the same rows in the same run.

import { EmbeddedDatabase, openDatabase, queryRows } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { loadLancashirePerformance, loadSeedData, seedOrganisationId } from '@ssp/seeds';
import { readPerformanceReport } from '@ssp/services';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { benchConfig } from './bench-config.ts';
import { timeOperation } from './time-operation.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const FISCAL_YEAR = '2016/17';

const config = benchConfig();
const database = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });
const loadStarted = process.hrtime.bigint();
const loaded = await database.inPlatformTransaction({ actor: 'bench', reason: 'load a full-scale year' }, (tx) =>
  loadLancashirePerformance(tx, { scale: 1, fiscalYears: [FISCAL_YEAR] }),
);
const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
// Fresh statistics, as autovacuum would gather them on a live server (ANALYZE needs the owner).
if (database instanceof EmbeddedDatabase) await database.client.query('analyze');
else if (config.databaseUrl) {
  const owner = new pg.Client({ connectionString: config.databaseUrl });
  await owner.connect();
  await owner.query('analyze');
  await owner.end();
}

const lancashire = seedOrganisationId('lancashire-county-council');
const asTenant = <T>(work: Parameters<typeof database.inTenantTransaction<T>>[1]) =>
  database.inTenantTransaction([lancashire], work);

// The baseline: one plain aggregate over the same rows (counts and sums, no definitions).
const baseline = await timeOperation('baseline: plain SQL counts over the same rows', ITERATIONS, () =>
  asTenant((tx) =>
    queryRows(
      tx,
      sql`select (select sum(payments_made) from pay_periods) as payments,
            (select count(*) from payroll_changes) as changes,
            (select count(*) from payroll_errors) as errors,
            (select count(*) from dbs_checks where processed_at is not null) as dbs,
            (select count(*) from service_requests where first_contact_resolution) as fcr,
            (select count(*) from service_request_status_changes where status <> 'new') as responses`,
    ),
  ),
);
const report = await timeOperation(`performanceReport ${FISCAL_YEAR} (SQL, all six indicators)`, ITERATIONS, () =>
  asTenant((tx) => readPerformanceReport(tx, lancashire, FISCAL_YEAR)),
);
const result = await asTenant((tx) => readPerformanceReport(tx, lancashire, FISCAL_YEAR));

process.stdout.write(
  [
    `performance report, engine ${database.engine}: ${loaded.rows} rows loaded in ${loadSeconds.toFixed(1)} s`,
    `  ${baseline.label}: ${baseline.msPerOp.toFixed(1)} ms (1.00x)`,
    `  ${report.label}: ${report.msPerOp.toFixed(1)} ms (${(report.msPerOp / baseline.msPerOp).toFixed(2)}x baseline)`,
    ...result.indicators.map((i) => `    ${i.code}: ${i.display ?? 'no data'} (${i.numerator}/${i.denominator})`),
    '',
  ].join('\n'),
);
await database.close();
