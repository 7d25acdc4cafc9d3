import * as tables from '@ssp/tenants-tables';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackPlatformTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { grantDelegation } from './grant-delegation.ts';

// grantDelegation on the seeded hierarchy, each case in a transaction rolled back afterwards.

let db: TestDatabase;
const ids = new Map<string, string>();
beforeAll(async () => {
  db = await openTestDatabase();
  for (const row of await db.asOwner<{ slug: string; id: string }>('select slug, id from organisations')) {
    ids.set(row.slug, row.id);
  }
});
afterAll(() => db?.close());

/** A seeded organisation's id (read when the case runs, after the database is open). */
const id = (slug: string) => () => ids.get(slug) as string;
const COUNTY = id('lancashire-county-council');
const DISTRICT = id('west-lancashire-borough-council');
// The seed data delegates every customer beneath BT Lancashire Services to it.
const PROVIDER = id('bt-lancashire-services');
const ELSEWHERE = id('liverpool-city-council');
const NOBODY = () => '00000000-0000-4000-8000-000000000000';

const grant =
  (grantee: () => string, delegated: () => string, reason = 'Payroll for the district') =>
  () => ({
    granteeOrganisationId: grantee(),
    delegatedOrganisationId: delegated(),
    reason,
    grantedBy: 'unit-test',
  });

describe('grantDelegation', () => {
  it('grants an organisation over one beneath it, held by the grantee, its reason trimmed', async () => {
    const delegation = await inRolledBackPlatformTransaction(db.database, async (tx) => {
      const granted = await grantDelegation(tx, grant(COUNTY, DISTRICT, '  Payroll for the district  ')());
      const [stored] = await tx.select().from(tables.delegations).where(eq(tables.delegations.id, granted.id));
      expect(stored).toMatchObject({ tenantId: COUNTY(), delegatedOrganisationId: DISTRICT() });
      return granted;
    });
    expect(delegation).toMatchObject({
      tenantId: COUNTY(),
      reason: 'Payroll for the district',
      grantedBy: 'unit-test',
    });
    // Rolled back: the next test finds the seed data as it was.
    const left = await db.asOwner('select 1 from delegations where id = $1', [delegation.id]);
    expect(left).toEqual([]);
  });

  it.each([
    ['to itself', grant(COUNTY, COUNTY), 'DELEGATION_OUTSIDE_HIERARCHY'],
    ['up the hierarchy', grant(DISTRICT, COUNTY), 'DELEGATION_OUTSIDE_HIERARCHY'],
    ['to an organisation elsewhere', grant(ELSEWHERE, DISTRICT), 'DELEGATION_OUTSIDE_HIERARCHY'],
    ['already granted', grant(PROVIDER, COUNTY), 'DELEGATION_EXISTS'],
    ['with no reason', grant(COUNTY, DISTRICT, '   '), 'INVALID_INPUT'],
    ['of an organisation that does not exist', grant(COUNTY, NOBODY), 'NOT_FOUND'],
    ['to a grantee that does not exist', grant(NOBODY, DISTRICT), 'NOT_FOUND'],
  ])('refuses a delegation %s, with its code, writing nothing', async (_case, input, code) => {
    const before = await db.asOwner<{ n: number }>('select count(*)::int as n from delegations');
    await expect(
      inRolledBackPlatformTransaction(db.database, (tx) => grantDelegation(tx, input())),
    ).rejects.toMatchObject({ code });
    expect(await db.asOwner('select count(*)::int as n from delegations')).toEqual(before);
  });
});
