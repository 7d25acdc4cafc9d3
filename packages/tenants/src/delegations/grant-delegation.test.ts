import * as tables from '@ssp/tenants-tables';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inRolledBackPlatformTransaction,
  inRolledBackTenantTransaction,
} from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { delegateNewOrganisations, grantDelegation } from './grant-delegation.ts';

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

// Row-level security's widening rule: a tenant transaction (the runtime role) records a
// delegation only over an organisation already in its context, so no request can widen what it
// sees by delegating to itself. Its write is refused by the database whatever the service checks.
describe('delegations in a tenant transaction', () => {
  const widen = (grantee: () => string, delegated: () => string) => (tx: Parameters<typeof grantDelegation>[0]) =>
    delegateNewOrganisations(tx, {
      granteeOrganisationId: grantee(),
      organisationIds: [delegated()],
      reason: 'Widening on purpose',
      grantedBy: 'unit-test',
    });

  it('records one over an organisation the context already holds', async () => {
    const delegation = await inRolledBackTenantTransaction(db.database, [COUNTY(), DISTRICT()], (tx) =>
      grantDelegation(tx, grant(COUNTY, DISTRICT)()),
    );
    expect(delegation).toMatchObject({ tenantId: COUNTY(), delegatedOrganisationId: DISTRICT() });
  });

  it('is refused by the database over an organisation outside the context, or for a grantee outside it', async () => {
    await expect(inRolledBackTenantTransaction(db.database, [COUNTY()], widen(COUNTY, DISTRICT))).rejects.toMatchObject(
      { cause: expect.objectContaining({ code: '42501' }) },
    );
    await expect(
      inRolledBackTenantTransaction(db.database, [DISTRICT()], widen(COUNTY, DISTRICT)),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
  });

  it('finds an organisation outside the context not there, before any write', async () => {
    await expect(
      inRolledBackTenantTransaction(db.database, [COUNTY()], (tx) => grantDelegation(tx, grant(COUNTY, DISTRICT)())),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
