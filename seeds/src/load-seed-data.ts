import { type PlatformDatabase, tables } from '@ssp/core';
import { platformOperator } from './organisations/platform-operator.ts';
import { seedOrganisationId } from './organisations/seed-organisation-ids.ts';
import { seedOrganisations } from './organisations/seed-organisations.ts';

export interface SeedSummary {
  organisations: number;
  inserted: number;
}

/**
 * Loads the seed data through the platform path in one transaction. Idempotent: rows are keyed
 * by fixed ids, and an existing row is left as it is (an admin may have changed it since).
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
  const inserted = await database.inPlatformTransaction({ actor: 'seed-loader', reason: 'load seed data' }, (tx) =>
    // One statement: foreign keys are checked at its end, so parent order does not matter here.
    tx.insert(tables.organisations).values(rows).onConflictDoNothing().returning({ id: tables.organisations.id }),
  );
  return { organisations: rows.length, inserted: inserted.length };
}
