import { tables } from '@ssp/schema';
import { loadSeedData, seedOrganisationId, seedOrganisations } from '@ssp/seeds';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const asPlatform = <T>(work: Parameters<TestDatabase['database']['inPlatformTransaction']>[1]) =>
  db.database.inPlatformTransaction({ actor: 'seed-data.test', reason: 'check seed data' }, work) as Promise<T>;

describe('seed data', () => {
  it('holds every seeded organisation once, with the platform operator', async () => {
    const rows = await db.database.inPlatformTransaction({ actor: 'test', reason: 'count' }, (tx) =>
      tx.select({ id: tables.organisations.id }).from(tables.organisations),
    );
    expect(rows).toHaveLength(seedOrganisations().length + 1);
  });

  it('loads idempotently: a second load inserts nothing and changes nothing', async () => {
    const before = await asPlatform<unknown[]>((tx) =>
      tx.select().from(tables.organisations).orderBy(tables.organisations.id),
    );
    const again = await loadSeedData(db.database);
    expect(again.inserted).toBe(0);
    const after = await asPlatform<unknown[]>((tx) =>
      tx.select().from(tables.organisations).orderBy(tables.organisations.id),
    );
    expect(after).toEqual(before);
  });

  it('keeps the hierarchy of the documents: Lancashire County Council over its police, districts and 561 schools', async () => {
    const children = await db.database.inPlatformTransaction({ actor: 'test', reason: 'hierarchy' }, (tx) =>
      tx
        .select({ slug: tables.organisations.slug, kind: tables.organisations.kind })
        .from(tables.organisations)
        .where(eq(tables.organisations.parentId, seedOrganisationId('lancashire-county-council'))),
    );
    const slugs = children.map((child) => child.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'lancashire-constabulary',
        'police-and-crime-commissioner-for-lancashire',
        'south-ribble-borough-council',
        'west-lancashire-borough-council',
      ]),
    );
    expect(children.filter((child) => child.kind === 'school' || child.kind === 'academy').length).toBeGreaterThan(560);
  });

  it('puts the City of Edinburgh Council on the Scottish calendar', async () => {
    const [edinburgh] = await db.database.inPlatformTransaction({ actor: 'test', reason: 'nation' }, (tx) =>
      tx
        .select({ nation: tables.organisations.nation, identifier: tables.organisations.identifier })
        .from(tables.organisations)
        .where(eq(tables.organisations.slug, 'city-of-edinburgh-council')),
    );
    expect(edinburgh).toEqual({ nation: 'scotland', identifier: 'S12000036' });
  });
});
