import { type PlatformTransaction, setTenantContext } from '@ssp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { saveSupportPerson } from '../directory/save-support-person.ts';
import { addRotaShift } from './add-rota-shift.ts';

// addRotaShift in a member's own transaction (runtime role, its tenant context) on the seeded
// Lincolnshire partnership, whose eight members are all English: working hours are Monday to
// Friday 09:00-17:00 London time for every one of them. November 2026 is on GMT. Rolled back.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const PARTNERSHIP = seedOrganisationId('lincolnshire-public-sector-working-group');
const NORTH_KESTEVEN = seedOrganisationId('north-kesteven-district-council');
const BOSTON = seedOrganisationId('boston-borough-council');
const agent = unitTestCaller('north-kesteven-district-council', ['service_agent']);

async function person(tx: PlatformTransaction, fullName: string): Promise<string> {
  const saved = await saveSupportPerson(tx, agent, {
    personId: null,
    idempotencyKey: `person-${fullName}`,
    details: {
      fullName,
      roleTitle: 'Duty engineer',
      email: null,
      phone: null,
      skills: [{ skillCode: 'servers', level: 3 }],
      unavailability: [{ startsOn: '2026-11-16', endsOn: '2026-11-16', reason: 'Training' }],
    },
  });
  return saved.id;
}

const shift = (personId: string, startsAt: string, endsAt: string, idempotencyKey = `${personId}-${startsAt}`) => ({
  partnershipId: PARTNERSHIP,
  personId,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  idempotencyKey,
});

const inNorthKesteven = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [NORTH_KESTEVEN], work);

describe('addRotaShift', () => {
  it('takes a weekday night, out of hours for every member, and a retry replays it', async () => {
    await inNorthKesteven(async (tx) => {
      const nia = await person(tx, 'Nia Kesteven');
      const first = await addRotaShift(tx, agent, shift(nia, '2026-11-02T17:00:00Z', '2026-11-03T09:00:00Z'));
      expect(first.replayed).toBe(false);
      expect(first.shift).toMatchObject({ tenantId: PARTNERSHIP, holderMemberId: NORTH_KESTEVEN, holderPersonId: nia });
      const retry = await addRotaShift(tx, agent, shift(nia, '2026-11-02T17:00:00Z', '2026-11-03T09:00:00Z'));
      expect(retry).toEqual({ shift: first.shift, replayed: true });
    });
  });

  it.each([
    ['a minute into Monday’s working day', '2026-11-02T08:00:00Z', '2026-11-02T09:01:00Z'],
    ['a minute before Monday’s close', '2026-11-02T16:59:00Z', '2026-11-02T18:00:00Z'],
    ['Tuesday lunchtime', '2026-11-03T12:00:00Z', '2026-11-03T13:00:00Z'],
  ])('refuses %s: someone must be out of hours at every moment', async (_case, startsAt, endsAt) => {
    await expect(
      inNorthKesteven(async (tx) => addRotaShift(tx, agent, shift(await person(tx, 'Nia Kesteven'), startsAt, endsAt))),
    ).rejects.toMatchObject({ code: 'ROTA_SHIFT_IN_WORKING_HOURS', field: 'input.startsAt' });
  });

  it('takes a weekend day whole', async () => {
    const added = await inNorthKesteven(async (tx) =>
      addRotaShift(tx, agent, shift(await person(tx, 'Nia Kesteven'), '2026-11-07T09:00:00Z', '2026-11-07T17:00:00Z')),
    );
    expect(added.replayed).toBe(false);
  });

  it('refuses a shift overlapping another the same person holds, by a minute; another person may hold it', async () => {
    await inNorthKesteven(async (tx) => {
      const nia = await person(tx, 'Nia Kesteven');
      const sam = await person(tx, 'Sam Sleaford');
      await addRotaShift(tx, agent, shift(nia, '2026-11-02T17:00:00Z', '2026-11-03T09:00:00Z'));
      await expect(
        addRotaShift(tx, agent, shift(nia, '2026-11-03T08:59:00Z', '2026-11-03T09:00:00Z')),
      ).rejects.toMatchObject({ code: 'ROTA_SHIFT_CLASH', field: 'input.startsAt' });
      // Touching end to start is no overlap.
      await addRotaShift(tx, agent, shift(nia, '2026-11-03T17:00:00Z', '2026-11-03T20:00:00Z'));
      await addRotaShift(tx, agent, shift(nia, '2026-11-03T20:00:00Z', '2026-11-03T22:00:00Z'));
      const other = await addRotaShift(tx, agent, shift(sam, '2026-11-02T17:00:00Z', '2026-11-03T09:00:00Z'));
      expect(other.shift.holderPersonId).toBe(sam);
    });
  });

  it('refuses a person away during the shift, a shift that ends before it starts, and one over 96 hours', async () => {
    await inNorthKesteven(async (tx) => {
      const nia = await person(tx, 'Nia Kesteven');
      await expect(
        addRotaShift(tx, agent, shift(nia, '2026-11-15T20:00:00Z', '2026-11-16T08:00:00Z')),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.personId' });
      await expect(
        addRotaShift(tx, agent, shift(nia, '2026-11-02T20:00:00Z', '2026-11-02T19:00:00Z')),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.endsAt' });
      await expect(
        addRotaShift(tx, agent, shift(nia, '2026-11-06T17:00:00Z', '2026-11-10T17:01:00Z')),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.endsAt' });
    });
  });

  it('refuses another member’s person as not its own', async () => {
    await expect(
      inRolledBackTenantTransaction(db.database, [NORTH_KESTEVEN, BOSTON], async (tx) => {
        const nia = await person(tx, 'Nia Kesteven');
        await setTenantContext(tx, [BOSTON]);
        const boston = unitTestCaller('boston-borough-council', ['service_agent']);
        return addRotaShift(tx, boston, shift(nia, '2026-11-02T17:00:00Z', '2026-11-03T09:00:00Z'));
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
