import { type PlatformTransaction, setTenantContext } from '@ssp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { saveSupportPerson } from '../directory/save-support-person.ts';
import { offerHelp } from './offer-help.ts';
import { requestHelp } from './request-help.ts';

// offerHelp on the seeded Lincolnshire partnership: Boston asks for five days of a servers
// engineer (level 3) between 9 and 20 November 2026; North Kesteven offers one of its own. Each
// member acts in its own tenant context, in one transaction switched between them, rolled back.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const PARTNERSHIP = seedOrganisationId('lincolnshire-public-sector-working-group');
const NORTH_KESTEVEN = seedOrganisationId('north-kesteven-district-council');
const BOSTON = seedOrganisationId('boston-borough-council');
const lender = unitTestCaller('north-kesteven-district-council', ['service_agent']);
const asker = unitTestCaller('boston-borough-council', ['service_agent']);

/** Boston's open request, and North Kesteven's engineer, with North Kesteven's context set. */
async function requestAndEngineer(tx: PlatformTransaction, level = 3) {
  await setTenantContext(tx, [BOSTON]);
  const { request } = await requestHelp(tx, asker, {
    partnershipId: PARTNERSHIP,
    skillCode: 'servers',
    minimumLevel: 3,
    startsOn: '2026-11-09',
    endsOn: '2026-11-20',
    daysNeeded: 5,
    description: 'Server migration',
    agencyDayRate: '600.00',
    idempotencyKey: 'help-servers',
  });
  await setTenantContext(tx, [NORTH_KESTEVEN]);
  const engineer = await saveSupportPerson(tx, lender, {
    personId: null,
    idempotencyKey: `engineer-${level}`,
    details: {
      fullName: 'Nia Kesteven',
      roleTitle: 'Server engineer',
      email: null,
      phone: null,
      skills: [{ skillCode: 'servers', level }],
      unavailability: [],
    },
  });
  return { requestId: request.id, personId: engineer.id };
}

const offer = (ids: { requestId: string; personId: string }, period: Partial<Record<string, unknown>> = {}) => ({
  partnershipId: PARTNERSHIP,
  ...ids,
  startsOn: '2026-11-09',
  endsOn: '2026-11-13',
  daysOffered: 5,
  idempotencyKey: `offer-${JSON.stringify(period)}`,
  ...period,
});

const inRollback = <T>(work: (tx: PlatformTransaction) => Promise<T>) =>
  inRolledBackTenantTransaction(db.database, [BOSTON], work);

describe('offerHelp', () => {
  it('takes a loan on the first and last days of the period asked for, and a retry replays it', async () => {
    await inRollback(async (tx) => {
      const ids = await requestAndEngineer(tx);
      const whole = await offerHelp(tx, lender, offer(ids, { startsOn: '2026-11-09', endsOn: '2026-11-20' }));
      expect(whole.loan).toMatchObject({
        tenantId: PARTNERSHIP,
        requestingMemberId: BOSTON,
        lendingMemberId: NORTH_KESTEVEN,
        startsOn: '2026-11-09',
        endsOn: '2026-11-20',
        agencyDayRatePence: 60_000,
      });
      const retry = await offerHelp(tx, lender, offer(ids, { startsOn: '2026-11-09', endsOn: '2026-11-20' }));
      expect(retry).toEqual({ loan: whole.loan, replayed: true });
    });
  });

  it.each([
    ['a day before the period', { startsOn: '2026-11-08' }, 'input.startsOn'],
    ['a day after it', { endsOn: '2026-11-21' }, 'input.endsOn'],
    ['around it', { startsOn: '2026-11-01', endsOn: '2026-11-30' }, 'input.startsOn'],
  ])('refuses a loan starting or ending %s as HELP_LOAN_OUTSIDE_REQUEST', async (_case, period, field) => {
    await expect(
      inRollback(async (tx) => offerHelp(tx, lender, offer(await requestAndEngineer(tx), period))),
    ).rejects.toMatchObject({ code: 'HELP_LOAN_OUTSIDE_REQUEST', field });
  });

  it('refuses a loan that ends before it starts', async () => {
    await expect(
      inRollback(async (tx) =>
        offerHelp(tx, lender, offer(await requestAndEngineer(tx), { startsOn: '2026-11-12', endsOn: '2026-11-11' })),
      ),
    ).rejects.toMatchObject({ code: 'PERIOD_ENDS_BEFORE_START', field: 'input.endsOn' });
  });

  it('refuses more days than the loan holds or the request needs, and a person below the level asked', async () => {
    await inRollback(async (tx) => {
      const ids = await requestAndEngineer(tx);
      await expect(
        offerHelp(tx, lender, offer(ids, { startsOn: '2026-11-09', endsOn: '2026-11-10', daysOffered: 3 })),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.daysOffered' });
      await expect(
        offerHelp(tx, lender, offer(ids, { startsOn: '2026-11-09', endsOn: '2026-11-20', daysOffered: 6 })),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.daysOffered' });
    });
    await expect(
      inRollback(async (tx) => offerHelp(tx, lender, offer(await requestAndEngineer(tx, 2)))),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.personId' });
  });

  it('refuses the asking member lending to itself', async () => {
    await expect(
      inRollback(async (tx) => {
        const ids = await requestAndEngineer(tx);
        await setTenantContext(tx, [BOSTON]);
        return offerHelp(tx, asker, offer(ids));
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.requestId' });
  });
});
