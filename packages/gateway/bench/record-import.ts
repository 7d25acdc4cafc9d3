// Importing 20,000 payroll changes (a year of one council's changes, in one call) through the
// import engine, against a baseline of the same rows written with plain multi-row INSERTs in
// chunks, in the same run and the same kind of tenant transaction (row-level security applies
// to both).
//
// One cold run of each is taken first and rolled back, so the first statements' catalog caches
// and plans are charged to neither side. Then ROUNDS rounds, each a baseline insert and a real
// import of 20,000 new changes; medians reported. The engine's extra work is what the baseline
// skips: reading and checking every row, looking up the held records and pay periods, the
// import log, the locks and the audit event.

import { randomUUID } from 'node:crypto';
import { EmbeddedDatabase, openDatabase, type PlatformDatabase, type PlatformTransaction } from '@ssp/core';
import { platformSchema, tables } from '@ssp/schema';
import { loadSeedData, seedOrganisationId } from '@ssp/seeds';
import { importRecords, RECORD_KINDS } from '@ssp/services';
import { benchConfig } from './bench-config.ts';

const ROWS = 20_000;
const ROUNDS = 3;
const config = benchConfig();
const database: PlatformDatabase = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });

const tenantId = seedOrganisationId('liverpool-city-council');
const audit = { requestId: 'bench', subject: 'bench:tenant_admin', organisationId: tenantId };
const elapsed = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
class RollBack extends Error {}

const inTenant = <T>(work: (tx: PlatformTransaction) => Promise<T>) => database.inTenantTransaction([tenantId], work);

// The payroll and its twelve pay periods the changes are for, through the engine too.
const months = Array.from({ length: 12 }, (_, index) => {
  const month = ((index + 3) % 12) + 1;
  const year = index < 9 ? 2017 : 2018;
  return `${year}-${String(month).padStart(2, '0')}-01`;
});
await inTenant(async (tx) => {
  await importRecords(tx, audit, {
    tenantId,
    kind: RECORD_KINDS.payrolls,
    importKey: 'bench-payroll',
    dryRun: false,
    rows: [{ code: 'BENCH', name: 'Bench payroll', frequency: 'monthly' }],
  });
  await importRecords(tx, audit, {
    tenantId,
    kind: RECORD_KINDS.pay_periods,
    importKey: 'bench-pay-periods',
    dryRun: false,
    rows: months.map((periodStart) => ({
      payrollCode: 'BENCH',
      periodStart,
      publishedDeadline: `${periodStart.slice(0, 8)}12T17:00:00Z`,
      paymentsMade: 1000,
    })),
  });
});
const [period] = await inTenant((tx) =>
  tx.select({ id: tables.payPeriods.id }).from(tables.payPeriods).where(undefined).limit(1),
);
if (!period) throw new Error('no pay period');

/** A change as the sending system has it: in the month of its period, processed the same day. */
function change(prefix: string, n: number) {
  const periodStart = months[n % 12] as string;
  const day = String(1 + (n % 9)).padStart(2, '0');
  return {
    reference: `${prefix}-${n}`,
    payrollCode: 'BENCH',
    periodStart,
    kind: 'pay_change',
    receivedAt: `${periodStart.slice(0, 8)}${day}T09:00:00Z`,
    processedAt: `${periodStart.slice(0, 8)}${day}T15:00:00Z`,
  };
}

/** The same rows, ready to write: one plain multi-row INSERT per chunk, nothing checked. */
async function baseline(round: number, rollBack: boolean): Promise<number> {
  const rows = Array.from({ length: ROWS }, (_, n) => {
    const row = change(`BASE-${round}`, n);
    return {
      tenantId,
      id: randomUUID(),
      reference: row.reference,
      payPeriodId: period!.id,
      kind: 'pay_change' as const,
      receivedAt: new Date(row.receivedAt),
      processedAt: new Date(row.processedAt),
    };
  });
  const started = process.hrtime.bigint();
  await inTenant(async (tx) => {
    for (let start = 0; start < rows.length; start += 7_500) {
      await tx.insert(tables.payrollChanges).values(rows.slice(start, start + 7_500));
    }
    if (rollBack) throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });
  return elapsed(started);
}

async function engine(round: number, rollBack: boolean) {
  const rows = Array.from({ length: ROWS }, (_, n) => change(`IMPORT-${round}`, n));
  const statementsBefore = database.statements.count;
  const started = process.hrtime.bigint();
  await inTenant(async (tx) => {
    const result = await importRecords(tx, audit, {
      tenantId,
      kind: RECORD_KINDS.payroll_changes,
      importKey: `bench-import-${round}`,
      dryRun: false,
      rows,
    });
    if (!result.written || result.newRecords !== ROWS) throw new Error(`round ${round}: ${JSON.stringify(result)}`);
    if (rollBack) throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });
  return { ms: elapsed(started), statements: database.statements.count - statementsBefore };
}

const coldBaseline = await baseline(0, true);
const cold = await engine(0, true);
const baselineMs: number[] = [];
const engineMs: number[] = [];
let statements = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  baselineMs.push(await baseline(round, false));
  const run = await engine(round, false);
  engineMs.push(run.ms);
  statements = run.statements;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');

process.stdout.write(
  [
    `import of ${ROWS.toLocaleString('en-GB')} payroll changes, engine ${database.engine}, ${ROUNDS} rounds after one cold run of each (rolled back):`,
    `  baseline: the same rows in plain multi-row INSERTs: ${list(baselineMs)} ms, median ${median(baselineMs).toFixed(0)} ms (1.00x); cold ${coldBaseline.toFixed(0)} ms`,
    `  importRecords: ${list(engineMs)} ms, median ${median(engineMs).toFixed(0)} ms (${(median(engineMs) / median(baselineMs)).toFixed(2)}x baseline); cold ${cold.ms.toFixed(0)} ms`,
    `  ${statements} SQL statements per import`,
    '',
  ].join('\n'),
);
await database.close();
