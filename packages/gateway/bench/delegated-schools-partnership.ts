import { randomBytes, randomUUID } from 'node:crypto';
import { EmbeddedDatabase, insertRows, type PlatformDatabase } from '@ssp/core';
import { tables } from '@ssp/schema';
import { seedOfferingId } from '@ssp/seeds';
import { sql } from 'drizzle-orm';
import pg from 'pg';

export interface DelegatedSchoolsPartnership {
  /** This run's mark in slugs and names, so the benchmark can run again against the same server. */
  run: string;
  partnershipId: string;
}

/**
 * A fresh partnership with `schools` schools beneath it, every one delegated to it (and, with
 * `subscriptions`, each subscribed to one offering), then the planner's statistics, as autovacuum
 * would give them on a server. Written as VALUES (insertRows): an INSERT ... SELECT runs as a COPY
 * on Citus, which row-level security refuses. Without official identifiers: random URNs would
 * meet the seeded schools' sooner or later.
 */
export async function loadDelegatedSchoolsPartnership(
  database: PlatformDatabase,
  options: { schools: number; subscriptions?: boolean; ownerUrl?: string },
): Promise<DelegatedSchoolsPartnership> {
  const run = randomBytes(3).toString('hex');
  const partnershipId = randomUUID();
  await database.inPlatformTransaction(
    { actor: 'bench', reason: `a ${options.schools}-school partnership` },
    async (tx) => {
      await tx.execute(sql`insert into organisations (id, slug, name, kind, lifecycle_status, nation)
      values (${partnershipId}, ${`bench-partnership-${run}`}, ${`Bench Partnership ${run}`}, 'partnership', 'active', 'england_and_wales')`);
      const schools = Array.from({ length: options.schools }, (_, index) => ({
        id: randomUUID(),
        slug: `bench-${run}-school-${index + 1}`,
        name: `Bench ${run} School ${String(index + 1).padStart(5, '0')}`,
      }));
      await insertRows(
        tx,
        tables.organisations,
        {
          id: 'uuid',
          slug: 'text',
          name: 'text',
          kind: 'organisation_kind',
          parentId: 'uuid',
          lifecycleStatus: 'lifecycle_status',
          nation: 'nation',
          generated: 'boolean',
        },
        schools.map((school) => ({
          ...school,
          kind: 'school' as const,
          parentId: partnershipId,
          lifecycleStatus: 'active' as const,
          nation: 'england_and_wales' as const,
          generated: true,
        })),
      );
      await insertRows(
        tx,
        tables.delegations,
        { tenantId: 'uuid', delegatedOrganisationId: 'uuid', reason: 'text', grantedBy: 'text' },
        schools.map((school) => ({
          tenantId: partnershipId,
          delegatedOrganisationId: school.id,
          reason: 'bench',
          grantedBy: 'bench',
        })),
      );
      if (!options.subscriptions) return;
      await insertRows(
        tx,
        tables.subscriptions,
        {
          tenantId: 'uuid',
          offeringId: 'uuid',
          unitPricePence: 'bigint',
          priceBasis: 'price_basis',
          status: 'subscription_status',
        },
        schools.map((school) => ({
          tenantId: school.id,
          offeringId: seedOfferingId('dbs-check'),
          unitPricePence: 1000,
          priceBasis: 'catalogue',
          status: 'active',
        })),
      );
    },
  );
  // As the owner: the application's roles own no table, so cannot analyze.
  if (database instanceof EmbeddedDatabase) {
    await database.client.query('analyze');
  } else if (options.ownerUrl) {
    const owner = new pg.Client({ connectionString: options.ownerUrl });
    await owner.connect();
    await owner.query('analyze');
    await owner.end();
  }
  return { run, partnershipId };
}
