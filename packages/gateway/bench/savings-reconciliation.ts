// The savings reconciliation for one organisation whose ledger holds 10,000 entries over ten
// fiscal years (100 opportunities, ten entries each a year: estimates, an actual, restatements
// and reversals), against a plain SQL sum over the same year's rows in the same run.

import { refreshLedgerFigures, savingsReconciliation } from '@ssp/billing';
import { EmbeddedDatabase, fiscalYearStarting, openDatabase, queryRows } from '@ssp/core';
import { platformSchema, tables } from '@ssp/schema';
import { loadSeedData, seedOrganisationId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { benchConfig } from './bench-config.ts';
import { compareWithBaseline, formatComparison } from './compare-with-baseline.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const OPPORTUNITIES = 100;
const YEARS = 10;
const ENTRIES_PER_OPPORTUNITY_YEAR = 10;
const FIRST_YEAR = 2015;
const MEASURED_YEAR = 2019;

const config = benchConfig();
const database = config.databaseUrl
  ? await openDatabase(config, platformSchema)
  : await EmbeddedDatabase.open({ schema: platformSchema });
if (database instanceof EmbeddedDatabase) await database.migrate();
await loadSeedData(database, { performanceScale: 0 });
const organisationId = seedOrganisationId('south-ribble-borough-council');
const partnerId = seedOrganisationId('bt-lancashire-services');

const loadStarted = process.hrtime.bigint();
await database.inPlatformTransaction({ actor: 'bench', reason: 'load a 10,000-entry ledger' }, async (tx) => {
  const categories = tables.savingsCategory.enumValues;
  const opportunities = await tx
    .insert(tables.savingsOpportunities)
    .values(
      Array.from({ length: OPPORTUNITIES }, (_, i) => ({
        tenantId: organisationId,
        title: `Benchmark saving ${i}`,
        category: categories[i % categories.length]!,
        cashable: i % 3 !== 0,
        recurrence: 'recurring' as const,
        countsAgainst: i % 10 === 0 ? ('other_budget' as const) : ('affordability_charge' as const),
        budgetName: i % 10 === 0 ? 'Telephony budget' : null,
        status: 'delivered' as const,
        proposedByOrganisationId: partnerId,
        proposedBy: 'bench',
        proposedAt: new Date(Date.UTC(FIRST_YEAR, 3, 1) + i * 1000),
        idempotencyKey: `bench-opportunity-${i}`,
        inputHash: 'bench',
      })),
    )
    .returning({ id: tables.savingsOpportunities.id });
  // Per opportunity and year: estimates, then an actual, then restatements, with the last
  // restatement reversed, recorded a minute apart.
  const entries: (typeof tables.savingsLedgerEntries.$inferInsert)[] = [];
  for (const [o, opportunity] of opportunities.entries()) {
    for (let y = 0; y < YEARS; y++) {
      const ids: string[] = [];
      for (let e = 0; e < ENTRIES_PER_OPPORTUNITY_YEAR; e++) {
        const id = crypto.randomUUID();
        const recordedAt = new Date(Date.UTC(FIRST_YEAR + y, 4, 1) + (o * 100 + e) * 60_000);
        const base = {
          tenantId: organisationId,
          id,
          opportunityId: opportunity.id,
          fiscalYear: FIRST_YEAR + y,
          recordedAt,
        };
        const key = { recordedBy: 'bench', idempotencyKey: `bench-${o}-${y}-${e}`, inputHash: 'bench' };
        const amountPence = BigInt(100_000 + o * 1_000 + e * 17);
        if (e < 4) entries.push({ ...base, ...key, kind: 'estimate', basis: 'estimated', amountPence });
        else if (e === 4) entries.push({ ...base, ...key, kind: 'actual', basis: 'actual', amountPence });
        else if (e < 9)
          entries.push({ ...base, ...key, kind: 'restatement', basis: 'actual', amountPence, reason: 'bench' });
        else {
          entries.push({
            ...base,
            ...key,
            kind: 'reversal',
            basis: null,
            amountPence: -BigInt(100_000 + o * 1_000 + 8 * 17),
            reversesEntryId: ids[8],
            reason: 'bench',
          });
        }
        ids.push(id);
      }
    }
  }
  for (let i = 0; i < entries.length; i += 1_000) {
    await tx.insert(tables.savingsLedgerEntries).values(entries.slice(i, i + 1_000));
  }
});
const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
// The rows arrived in bulk: give the planner their statistics, as autovacuum would on a server
// (PGlite runs none). As the owner: the application's roles own no table, so cannot.
async function analyze(table = ''): Promise<void> {
  if (database instanceof EmbeddedDatabase) await database.client.query(`analyze ${table}`);
  else if (config.databaseUrl) {
    const owner = new pg.Client({ connectionString: config.databaseUrl });
    await owner.connect();
    await owner.query(`analyze ${table}`);
    await owner.end();
  }
}
await analyze();
// Loaded in bulk beside the ledger's writer: the kept figures follow, as the seeds' do (once the
// planner has the new rows' statistics: before them it joined 10,000 entries by nested loops),
// and then get statistics of their own.
await database.inPlatformTransaction({ actor: 'bench', reason: 'keep the loaded ledger figures' }, (tx) =>
  refreshLedgerFigures(tx, { organisationId }),
);
await analyze('savings_ledger_figures');

const asTenant = <T>(work: Parameters<typeof database.inTenantTransaction<T>>[1]) =>
  database.inTenantTransaction([organisationId], work);
const year = fiscalYearStarting(MEASURED_YEAR);

const baseline = {
  label: "baseline: plain SQL sum of the year's ledger rows",
  run: () =>
    asTenant((tx) =>
      queryRows(
        tx,
        sql`select sum(amount_pence) from savings_ledger_entries
             where tenant_id = ${organisationId} and fiscal_year = ${MEASURED_YEAR}`,
      ),
    ),
};
const comparison = await compareWithBaseline({
  iterations: ITERATIONS,
  baseline,
  product: {
    label: `savingsReconciliation ${MEASURED_YEAR}/${(MEASURED_YEAR + 1) % 100}`,
    run: () => asTenant((tx) => savingsReconciliation(tx, organisationId, year)),
  },
});
// The ledger as it stood at a past instant is read from its entries (every entry of the year and
// its reversals), not from the kept figures: the same comparison for that path.
const lastYearEnd = new Date(Date.UTC(FIRST_YEAR + YEARS, 0, 1));
const pastComparison = await compareWithBaseline({
  iterations: ITERATIONS,
  baseline,
  product: {
    label: `savingsReconciliation ${MEASURED_YEAR}/${(MEASURED_YEAR + 1) % 100} as of ${lastYearEnd.toISOString().slice(0, 10)}`,
    run: () => asTenant((tx) => savingsReconciliation(tx, organisationId, year, lastYearEnd)),
  },
});
const roundTripsBefore = database.roundTrips.count;
const { result, statements } = await database.statements.measure(() =>
  asTenant((tx) => savingsReconciliation(tx, organisationId, year)),
);
const roundTrips = database.roundTrips.count - roundTripsBefore;
// Every entry was recorded before that instant: both paths must give the same reconciliation.
const past = await asTenant((tx) => savingsReconciliation(tx, organisationId, year, lastYearEnd));
const totals = (r: typeof result) =>
  JSON.stringify([r.againstCharge, r.otherBudgetsTotal, r.lines.length], (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
if (totals(past) !== totals(result))
  throw new Error(`the kept figures disagree with the ledger: ${totals(result)} against ${totals(past)}`);
const [entryCount] = await asTenant((tx) =>
  queryRows<{ count: string }>(tx, sql`select count(*) from savings_ledger_entries`),
);

process.stdout.write(
  [
    `savings reconciliation, engine ${database.engine}: ${entryCount?.count} ledger entries over ${YEARS} years loaded in ${loadSeconds.toFixed(1)} s`,
    ...formatComparison(comparison, '  '),
    '  the ledger as it stood at a past instant, from its entries:',
    ...formatComparison(pastComparison, '    '),
    `  SQL statements per reconciliation: ${statements} (in ${roundTrips} round trips)`,
    `    ${result.lines.length} lines; against the charge ${result.againstCharge.total.pence} p, other budgets ${result.otherBudgetsTotal.total.pence} p`,
    '',
  ].join('\n'),
);
await database.close();
