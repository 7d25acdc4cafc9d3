import { type PlatformDatabase, tables } from '@ssp/core';
import { loadCatalogue } from './catalogue/load-catalogue.ts';
import { platformOperator } from './organisations/platform-operator.ts';
import { seedOrganisationId } from './organisations/seed-organisation-ids.ts';
import { seedOrganisations } from './organisations/seed-organisations.ts';
import { loadCustomerServices } from './services/load-customer-services.ts';

export interface SeedSummary {
  organisations: number;
  inserted: number;
  offerings: number;
  subscriptions: number;
  delegations: number;
}

/**
 * Loads the seed data through the platform path in one transaction. Idempotent: rows are keyed
 * by fixed ids or natural keys, and an existing row is left as it is (an admin may have changed
 * it since).
 */
export async function loadSeedData(database: PlatformDatabase): Promise<SeedSummary> {
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
    return { organisations: rows.length, inserted: inserted.length, offerings: catalogue.offerings, ...services };
  });
}
