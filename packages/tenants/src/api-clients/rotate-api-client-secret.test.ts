import { setTenantContext, verifySecret } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { createApiClient } from './create-api-client.ts';
import { rotateApiClientSecret } from './rotate-api-client-secret.ts';

// rotateApiClientSecret in a tenant admin's transaction (runtime role, row-level security on),
// on a client created in the same rolled-back transaction.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const SUFFOLK = 'suffolk-county-council';
const admin = unitTestCaller(SUFFOLK, ['tenant_admin']);
const NOW = new Date('2026-11-02T09:00:00Z');

function inSuffolk<T>(work: Parameters<typeof inRolledBackTenantTransaction<T>>[2]) {
  return inRolledBackTenantTransaction(db.database, [seedOrganisationId(SUFFOLK)], work);
}

const newClient = (tx: Parameters<typeof createApiClient>[0]) =>
  createApiClient(tx, { organisationId: seedOrganisationId(SUFFOLK), name: 'Payroll feed', roles: ['requester'] });

describe('rotateApiClientSecret', () => {
  it('issues a new secret and keeps the old one for exactly the grace period', async () => {
    const { created, rotated, stored, events } = await inSuffolk(async (tx) => {
      const created = await newClient(tx);
      const [before] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, created.id));
      const rotated = await rotateApiClientSecret(tx, admin, { apiClientId: created.id, graceHours: 24, now: NOW });
      const [stored] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, created.id));
      const events = await tx
        .select()
        .from(tables.auditEvents)
        .where(
          and(
            eq(tables.auditEvents.tenantId, seedOrganisationId(SUFFOLK)),
            eq(tables.auditEvents.targetId, created.id),
          ),
        );
      return { created, rotated, stored: { before, after: stored }, events };
    });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect(rotated.previousSecretValidUntil).toEqual(new Date('2026-11-03T09:00:00Z'));
    expect(stored.after?.previousSecretExpiresAt).toEqual(new Date('2026-11-03T09:00:00Z'));
    // The old hash moves to the previous slot; the new hash checks the new secret, not the old.
    expect(stored.after?.previousSecretHash).toBe(stored.before?.secretHash);
    expect(await verifySecret(rotated.clientSecret, stored.after?.secretHash ?? '')).toBe(true);
    expect(await verifySecret(created.clientSecret, stored.after?.secretHash ?? '')).toBe(false);
    expect(await verifySecret(created.clientSecret, stored.after?.previousSecretHash ?? '')).toBe(true);
    // Audited, and never with a secret hash in it.
    expect(events.map((event) => event.action)).toEqual(['api_client.secret_rotated']);
    const audited = JSON.stringify(events[0]?.after);
    expect(audited).toContain(created.clientId);
    expect(audited).not.toContain('scrypt');
  });

  it('ends the old secret at once with a grace of 0', async () => {
    const stored = await inSuffolk(async (tx) => {
      const created = await newClient(tx);
      const rotated = await rotateApiClientSecret(tx, admin, { apiClientId: created.id, graceHours: 0, now: NOW });
      expect(rotated.previousSecretValidUntil).toBeNull();
      const [row] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, created.id));
      return row;
    });
    expect(stored).toMatchObject({ previousSecretHash: null, previousSecretExpiresAt: null });
  });

  it.each([
    ['past a week', 169],
    ['negative', -1],
    ['a fraction of an hour', 1.5],
  ])('refuses a grace period %s on its field, leaving the secret as it was', async (_case, graceHours) => {
    const unchanged = await inSuffolk(async (tx) => {
      const created = await newClient(tx);
      const [before] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, created.id));
      await expect(
        rotateApiClientSecret(tx, admin, { apiClientId: created.id, graceHours, now: NOW }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.gracePeriodHours' });
      const [after] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, created.id));
      return { before, after };
    });
    expect(unchanged.after).toEqual(unchanged.before);
  });

  it('refuses a revoked client with API_CLIENT_REVOKED', async () => {
    await expect(
      inSuffolk(async (tx) => {
        const created = await newClient(tx);
        await tx
          .update(tables.apiClients)
          .set({ revokedAt: NOW })
          .where(
            and(eq(tables.apiClients.tenantId, seedOrganisationId(SUFFOLK)), eq(tables.apiClients.id, created.id)),
          );
        return rotateApiClientSecret(tx, admin, { apiClientId: created.id, graceHours: 1, now: NOW });
      }),
    ).rejects.toMatchObject({ code: 'API_CLIENT_REVOKED' });
  });

  it('treats another organisation’s client as not there, and leaves it as it was', async () => {
    const lancashire = seedOrganisationId('lancashire-county-council');
    const suffolk = seedOrganisationId(SUFFOLK);
    const unchanged = await inRolledBackTenantTransaction(db.database, [suffolk, lancashire], async (tx) => {
      const elsewhere = await createApiClient(tx, {
        organisationId: lancashire,
        name: 'Elsewhere',
        roles: ['requester'],
      });
      // The same transaction narrowed to Suffolk alone, as a Suffolk admin's request would be.
      await setTenantContext(tx, [suffolk]);
      await expect(
        rotateApiClientSecret(tx, admin, { apiClientId: elsewhere.id, graceHours: 1, now: NOW }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await setTenantContext(tx, [lancashire]);
      const [row] = await tx.select().from(tables.apiClients).where(eq(tables.apiClients.id, elsewhere.id));
      return row;
    });
    expect(unchanged).toMatchObject({ previousSecretHash: null, previousSecretExpiresAt: null });
  });
});
