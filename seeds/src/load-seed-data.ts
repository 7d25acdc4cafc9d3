import type { PlatformDatabase } from '@ssp/core';
import { tables } from '@ssp/schema';
import { loadBusinessCases } from './billing/business-cases/load-business-cases.ts';
import { loadLancashireSavings } from './billing/lancashire-savings/load-lancashire-savings.ts';
import { loadCatalogue } from './catalogue/load-catalogue.ts';
import { platformOperator } from './organisations/platform-operator.ts';
import { seedOrganisationId } from './organisations/seed-organisation-ids.ts';
import { seedOrganisations } from './organisations/seed-organisations.ts';
import { loadLancashirePerformance } from './performance/load-lancashire-performance.ts';
import { loadLancashireRecruitment } from './recruitment/load-lancashire-recruitment.ts';
import { loadCustomerServices } from './services/load-customer-services.ts';
import { loadSharedSupport } from './shared-support/load-shared-support.ts';

export interface SeedSummary {
  organisations: number;
  inserted: number;
  offerings: number;
  subscriptions: number;
  delegations: number;
  performanceRows: number;
}

export interface SeedOptions {
  /**
   * Volume of the generated Lancashire performance records: 1 is the report's full scale
   * (~200,000 rows a year); every figure still reproduces down to 0.02. 0 leaves them out.
   */
  performanceScale?: number;
}

/** The default scale: the figures reproduce, and a fresh start stays quick. */
export const DEFAULT_PERFORMANCE_SCALE = 0.02;

/**
 * Loads the seed data through the platform path in one transaction. Idempotent: rows are keyed
 * by fixed ids or natural keys, and an existing row is left as it is (an admin may have changed
 * it since).
 */
export async function loadSeedData(database: PlatformDatabase, options: SeedOptions = {}): Promise<SeedSummary> {
  const performanceScale = options.performanceScale ?? DEFAULT_PERFORMANCE_SCALE;
  const records = [platformOperator, ...seedOrganisations()];
  const rows = records.map((record) => ({
    id: seedOrganisationId(record.slug),
    slug: record.slug,
    name: record.name,
    kind: record.kind,
    parentId: record.parentSlug ? seedOrganisationId(record.parentSlug) : null,
    lifecycleStatus: record.lifecycleStatus,
    nation: record.nation,
    identifierScheme: record.identifier?.scheme ?? null,
    identifier: record.identifier?.value ?? null,
    generated: record.generated,
  }));
  return database.inPlatformTransaction({ actor: 'seed-loader', reason: 'load seed data' }, async (tx) => {
    // One statement: foreign keys are checked at its end, so parent order does not matter here.
    const inserted = await tx
      .insert(tables.organisations)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: tables.organisations.id });
    const catalogue = await loadCatalogue(tx);
    const services = await loadCustomerServices(tx, records);
    await loadBusinessCases(tx);
    await loadSharedSupport(tx);
    await loadLancashireSavings(tx);
    await loadLancashireRecruitment(tx);
    const performance =
      performanceScale > 0 ? await loadLancashirePerformance(tx, { scale: performanceScale }) : { rows: 0 };
    return {
      organisations: rows.length,
      inserted: inserted.length,
      offerings: catalogue.offerings,
      ...services,
      performanceRows: performance.rows,
    };
  });
}
