import { seedOfferingId, seedOrganisationId, seedSlaDefinitionId } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRotaShiftMutation,
  decideRotaSwapMutation,
  proposeRotaSwapMutation,
  requestsOnCallQuery,
  rotaCoverQuery,
  setRotaShareMutation,
} from '../support/queries/rota-queries.ts';
import {
  joinMutation,
  leaveMutation,
  savePersonMutation,
  sharedFields,
} from '../support/queries/shared-support-queries.ts';
import type { Operation } from '../support/test-app.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import {
  auditTrail,
  BOSTON,
  NORTH_KESTEVEN,
  ok,
  PARTNERSHIP,
  partnershipGlobalId,
} from './support/shared-support-fixtures.ts';

// A Scottish member is added to the Lincolnshire partnership for these tests: its out-of-hours
// time follows Scotland's bank holidays (no Easter Monday; 2 January, St Andrew's Day).
const SCOTTISH = 'test-scottish-member-council';

let api: TestApp;
let partnership: string;
let nkPerson: string;
let scotPerson: string;
let scotSharedPerson: string;

const agent = (slug: string) => api.tokenFor(slug, ['service_agent']);

const addShift = (input: { personId: string; startsAt: string; endsAt: string; idempotencyKey?: string }): Operation =>
  addRotaShiftMutation({
    partnershipId: partnership,
    idempotencyKey: `shift-${input.personId}-${input.startsAt}`,
    ...input,
  });

interface AddedShift {
  addRotaShift: {
    __typename: string;
    shift?: { id: string; hours: number; holderMemberName: string };
    field?: string;
    message?: string;
  };
}

const coverQuery = (from: string, to: string): Operation => rotaCoverQuery(partnership, from, to);

interface MemberCover {
  name: string;
  nation: string;
  outOfHoursHours: number;
  coveredHours: number;
  uncoveredHours: number;
  heldHours: number;
  sharePercent: number;
  expectedHeldHours: number;
  uncoveredPeriods: { startsAt: string; endsAt: string }[];
}
interface Cover {
  sharedSupport: {
    rotaCover: {
      outOfHoursHours: number;
      uncoveredHours: number;
      heldHours: number;
      uncoveredPeriods: { startsAt: string; endsAt: string; hours: number }[];
      members: MemberCover[];
    };
    rota: {
      nodes: {
        id: string;
        startsAt: string;
        endsAt: string;
        hours: number;
        holderMemberName: string;
        holder: { fullName: string } | null;
      }[];
    };
  };
}

async function person(slug: string, fullName: string) {
  const saved = await ok<{ saveSupportPerson: { person: { id: string } } }>(
    api,
    savePersonMutation({ fullName, roleTitle: 'Duty engineer', skills: [{ skillCode: 'servers', level: 3 }] }),
    await agent(slug),
  );
  return saved.saveSupportPerson.person.id;
}

beforeAll(async () => {
  api = await startTestApp();
  partnership = partnershipGlobalId(api);
  await api.db.asOwner(
    `insert into organisations (id, slug, name, kind, parent_id, lifecycle_status, nation)
     values ($1, $2, 'Test Scottish Member Council', 'district_council', $3, 'active', 'scotland')`,
    [seedOrganisationId(SCOTTISH), SCOTTISH, seedOrganisationId(PARTNERSHIP)],
  );
  const joined = await ok<{ joinSharedSupport: { __typename: string } }>(
    api,
    joinMutation(partnership, sharedFields({})),
    await api.tokenFor(SCOTTISH, ['tenant_admin']),
  );
  expect(joined.joinSharedSupport.__typename).toBe('SharingAgreementPayload');
  nkPerson = await person(NORTH_KESTEVEN, 'Nia Kesteven');
  scotPerson = await person(SCOTTISH, 'Sorcha Scott');
  scotSharedPerson = Buffer.from(`SharedPerson:${Buffer.from(scotPerson, 'base64').toString().split(':')[1]}`).toString(
    'base64',
  );
});
afterAll(() => api?.close());

describe('the out-of-hours rota', () => {
  it("reports uncovered hours across a bank holiday one member's nation has and another's has not", async () => {
    // Easter 2026 (British Summer Time, UTC+1). North Kesteven's person: Thursday 17:00 to Easter
    // Monday 09:00; the Scottish person: Easter Monday 17:00 to Tuesday 09:00.
    const first = await ok<AddedShift>(
      api,
      addShift({ personId: nkPerson, startsAt: '2026-04-02T16:00:00Z', endsAt: '2026-04-06T08:00:00Z' }),
      await agent(NORTH_KESTEVEN),
    );
    expect(first.addRotaShift).toMatchObject({
      __typename: 'RotaShiftPayload',
      shift: { hours: 88, holderMemberName: 'North Kesteven District Council' },
    });
    const second = await ok<AddedShift>(
      api,
      addShift({ personId: scotPerson, startsAt: '2026-04-06T16:00:00Z', endsAt: '2026-04-07T08:00:00Z' }),
      await agent(SCOTTISH),
    );
    expect(second.addRotaShift.__typename).toBe('RotaShiftPayload');

    const cover = (await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-06'), await agent(BOSTON))).sharedSupport;
    const english = cover.rotaCover.members.find((m) => m.name === 'North Kesteven District Council')!;
    const scottish = cover.rotaCover.members.find((m) => m.name === 'Test Scottish Member Council')!;
    // England and Wales: Good Friday, the weekend and Easter Monday are all out of hours (96 h);
    // Easter Monday 09:00-17:00 nobody was on call.
    expect(english).toMatchObject({
      nation: 'ENGLAND_AND_WALES',
      outOfHoursHours: 96,
      coveredHours: 88,
      uncoveredHours: 8,
    });
    expect(english.uncoveredPeriods).toEqual([
      { startsAt: '2026-04-06T08:00:00.000Z', endsAt: '2026-04-06T16:00:00.000Z' },
    ]);
    // Scotland: Easter Monday is a working day, so only its evening and night needed cover (88 h), all covered.
    expect(scottish).toMatchObject({ nation: 'SCOTLAND', outOfHoursHours: 88, coveredHours: 88, uncoveredHours: 0 });
    expect(scottish.uncoveredPeriods).toEqual([]);
    // The partnership: the gap is England's bank-holiday daytime.
    expect(cover.rotaCover.uncoveredHours).toBe(8);
    expect(cover.rotaCover.uncoveredPeriods).toEqual([
      { startsAt: '2026-04-06T08:00:00.000Z', endsAt: '2026-04-06T16:00:00.000Z', hours: 8 },
    ]);
    // Hours held in the period (Friday 00:00 to Tuesday 00:00): 81 by North Kesteven, 7 by the Scottish member.
    expect(english.heldHours).toBe(81);
    expect(scottish.heldHours).toBe(7);
    expect(cover.rotaCover.heldHours).toBe(88);
    // The opted-in members (the eight seeded and the Scottish one) have equal shares.
    const members = cover.rotaCover.members.length;
    expect(english.sharePercent).toBeCloseTo(100 / members, 2);
    expect(english.expectedHeldHours).toBeCloseTo(88 / members, 2);
  });

  it("the partnership sets a member's share of the rota; members cannot", async () => {
    const setShare = (memberSlug: string, weight: number): Operation =>
      setRotaShareMutation(Buffer.from(`Organisation:${seedOrganisationId(memberSlug)}`).toString('base64'), weight);
    const byMember = await ok<{ setRotaShare: { __typename: string } }>(
      api,
      setShare(SCOTTISH, 2),
      await api.tokenFor(NORTH_KESTEVEN, ['tenant_admin']),
    );
    expect(byMember.setRotaShare.__typename).toBe('ForbiddenError');
    const coordinator = await api.tokenFor(PARTNERSHIP, ['tenant_admin']);
    const outsider = await ok<{ setRotaShare: { __typename: string } }>(
      api,
      setShare('lancashire-county-council', 2),
      coordinator,
    );
    expect(outsider.setRotaShare.__typename).toBe('NotFoundError');
    const set = await ok<{ setRotaShare: { __typename: string; weight: number } }>(
      api,
      setShare(SCOTTISH, 2),
      coordinator,
    );
    expect(set.setRotaShare).toEqual({ __typename: 'RotaSharePayload', weight: 2 });
    const cover = (await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-06'), await agent(BOSTON))).sharedSupport
      .rotaCover;
    const scottish = cover.members.find((m) => m.name === 'Test Scottish Member Council')!;
    const english = cover.members.find((m) => m.name === 'North Kesteven District Council')!;
    // Nine members, weights 1 x 8 and 2: the Scottish member's share is 2/10 of the 88 hours held.
    expect(scottish.sharePercent).toBe(20);
    expect(scottish.expectedHeldHours).toBeCloseTo(17.6, 5);
    expect(english.sharePercent).toBe(10);
    await ok(api, setShare(SCOTTISH, 1), coordinator);
  });

  it('counts elapsed hours across a clock change (25 hours the night the clocks go back)', async () => {
    // Saturday 24 October 09:00 BST (08:00Z) to Sunday 25 October 09:00 GMT (09:00Z): 25 hours.
    const added = await ok<AddedShift>(
      api,
      addShift({ personId: scotPerson, startsAt: '2026-10-24T08:00:00Z', endsAt: '2026-10-25T09:00:00Z' }),
      await agent(SCOTTISH),
    );
    expect(added.addRotaShift.shift?.hours).toBe(25);
    const cover = (await ok<Cover>(api, coverQuery('2026-10-24', '2026-10-25'), await agent(NORTH_KESTEVEN)))
      .sharedSupport;
    const english = cover.rotaCover.members.find((m) => m.name === 'North Kesteven District Council')!;
    // Saturday 24 h + Sunday 25 h out of hours; 25 covered; Saturday 00:00-09:00 and Sunday 09:00-24:00 not.
    expect(english).toMatchObject({ outOfHoursHours: 49, coveredHours: 25, uncoveredHours: 24 });
    expect(english.uncoveredPeriods).toEqual([
      { startsAt: '2026-10-23T23:00:00.000Z', endsAt: '2026-10-24T08:00:00.000Z' },
      { startsAt: '2026-10-25T09:00:00.000Z', endsAt: '2026-10-26T00:00:00.000Z' },
    ]);
    expect(cover.rota.nodes.map((shift) => shift.hours)).toEqual([25]);
  });

  it('refuses a shift that overlaps another held by the same person, and one in everyone’s working hours; nothing is written', async () => {
    const before = await api.db.asOwner<{ n: number }>('select count(*)::int as n from rota_shifts');
    const overlap = await ok<AddedShift>(
      api,
      addShift({ personId: nkPerson, startsAt: '2026-04-05T18:00:00Z', endsAt: '2026-04-05T22:00:00Z' }),
      await agent(NORTH_KESTEVEN),
    );
    expect(overlap.addRotaShift).toMatchObject({
      __typename: 'ValidationError',
      code: 'ROTA_SHIFT_CLASH',
      field: 'input.startsAt',
    });
    const daytime = await ok<AddedShift>(
      api,
      addShift({ personId: nkPerson, startsAt: '2026-04-07T09:00:00Z', endsAt: '2026-04-07T11:00:00Z' }),
      await agent(NORTH_KESTEVEN),
    );
    expect(daytime.addRotaShift).toMatchObject({
      __typename: 'ValidationError',
      code: 'ROTA_SHIFT_IN_WORKING_HOURS',
      field: 'input.startsAt',
    });
    // Easter Monday daytime is out of hours in England and Wales: a valid shift for the partnership.
    const bankHoliday = await ok<AddedShift>(
      api,
      addShift({ personId: scotPerson, startsAt: '2026-04-06T08:00:00Z', endsAt: '2026-04-06T12:00:00Z' }),
      await agent(SCOTTISH),
    );
    expect(bankHoliday.addRotaShift.__typename).toBe('RotaShiftPayload');
    // Sent again with the same key: the same shift, not an overlap error and not a second row;
    // the same key with other times is a conflict.
    const replay = await ok<AddedShift>(
      api,
      addShift({ personId: scotPerson, startsAt: '2026-04-06T08:00:00Z', endsAt: '2026-04-06T12:00:00Z' }),
      await agent(SCOTTISH),
    );
    expect(replay.addRotaShift.shift?.id).toBe(bankHoliday.addRotaShift.shift?.id);
    const conflict = await ok<AddedShift>(
      api,
      addShift({
        personId: scotPerson,
        startsAt: '2026-04-06T08:00:00Z',
        endsAt: '2026-04-06T11:00:00Z',
        idempotencyKey: `shift-${scotPerson}-2026-04-06T08:00:00Z`,
      }),
      await agent(SCOTTISH),
    );
    expect(conflict.addRotaShift.__typename).toBe('ConflictError');
    const after = await api.db.asOwner<{ n: number }>('select count(*)::int as n from rota_shifts');
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it("swaps a shift only with the other person's consent", async () => {
    const cover = (await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-05'), await agent(NORTH_KESTEVEN)))
      .sharedSupport;
    const shift = cover.rota.nodes.find((s) => s.holderMemberName === 'North Kesteven District Council')!;
    const proposed = await ok<{ proposeRotaSwap: { __typename: string; swap: { id: string; status: string } } }>(
      api,
      proposeRotaSwapMutation({ partnershipId: partnership, shiftId: shift.id, toPersonId: scotSharedPerson }),
      await agent(NORTH_KESTEVEN),
    );
    expect(proposed.proposeRotaSwap).toMatchObject({ __typename: 'RotaSwapPayload', swap: { status: 'PROPOSED' } });
    const holderNow = async () =>
      (
        await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-05'), await agent(NORTH_KESTEVEN))
      ).sharedSupport.rota.nodes.find((s) => s.id === shift.id)?.holder?.fullName;
    expect(await holderNow()).toBe('Nia Kesteven');
    const decide = (name: string, slug: string) =>
      agent(slug).then((token) =>
        ok<Record<string, { __typename: string }>>(
          api,
          decideRotaSwapMutation(name, { partnershipId: partnership, swapId: proposed.proposeRotaSwap.swap.id }),
          token,
        ),
      );
    // Another member cannot consent for the Scottish person.
    expect((await decide('acceptRotaSwap', BOSTON)).acceptRotaSwap!.__typename).toBe('NotFoundError');
    expect(await holderNow()).toBe('Nia Kesteven');
    // The Scottish person's Easter Monday shift starts as this one ends (08:00Z): no overlap, so it is theirs.
    expect((await decide('acceptRotaSwap', SCOTTISH)).acceptRotaSwap!.__typename).toBe('RotaSwapPayload');
    expect(await holderNow()).toBe('Sorcha Scott');
    // Decided once: a second answer is a conflict, and nothing changes.
    expect((await decide('declineRotaSwap', SCOTTISH)).declineRotaSwap!.__typename).toBe('ConflictError');
    expect(await holderNow()).toBe('Sorcha Scott');
    // Sorcha now holds Thursday to Monday 08:00Z: a new shift of hers on Easter Sunday overlaps it.
    const clash = await ok<AddedShift>(
      api,
      addShift({ personId: scotPerson, startsAt: '2026-04-05T10:00:00Z', endsAt: '2026-04-05T12:00:00Z' }),
      await agent(SCOTTISH),
    );
    expect(clash.addRotaShift).toMatchObject({ __typename: 'ValidationError', field: 'input.startsAt' });
  });

  it('an incident raised out of hours shows who is on call for its organisation at that moment', async () => {
    const nk = seedOrganisationId(NORTH_KESTEVEN);
    const scot = seedOrganisationId(SCOTTISH);
    for (const [tenant, offering] of [
      [nk, 'ict-incident'],
      [scot, 'ict-incident'],
      [nk, 'password-reset'],
    ] as const) {
      await api.db.asOwner(
        `insert into subscriptions (tenant_id, offering_id, unit_price_pence, price_basis) values ($1, $2, 0, 'catalogue')`,
        [tenant, seedOfferingId(offering)],
      );
    }
    const raise = (tenant: string, reference: string, raisedAt: string, offering = 'ict-incident') =>
      api.db.asOwner(
        `insert into service_requests (tenant_id, reference, subscription_id, offering_id, sla_definition_id, title, description,
                                       priority, raised_by, raised_at, idempotency_key, input_hash)
         select $1, $2, s.id, s.offering_id, $3, 'Firewall down', 'Nothing gets through', 'p1', 'test', $4, $2, 'x'
           from subscriptions s where s.tenant_id = $1 and s.offering_id = $5`,
        [tenant, reference, seedSlaDefinitionId(offering, 1), raisedAt, seedOfferingId(offering)],
      );
    await raise(nk, 'SR-SUNDAYNOON', '2026-04-05T11:00:00Z'); // Easter Sunday: the swapped shift, Sorcha's now
    await raise(nk, 'SR-MONDAYNOON', '2026-04-06T11:00:00Z'); // Easter Monday: out of hours in England, Sorcha's 08:00-12:00Z shift
    await raise(nk, 'SR-TUESDAYNOON', '2026-04-07T11:00:00Z'); // a working day: nobody
    await raise(nk, 'SR-SUNDAYRESET', '2026-04-05T11:00:00Z', 'password-reset'); // not an incident: nobody
    await raise(scot, 'SR-SCOTMONDAY', '2026-04-06T11:00:00Z'); // a working day in Scotland: nobody
    await raise(scot, 'SR-SCOTEVENING', '2026-04-06T19:00:00Z'); // Monday evening: Sorcha

    const onCall = async (slug: string) => {
      const data = await ok<{
        serviceRequests: { nodes: { reference: string; onCall: { holder: { fullName: string } | null }[] }[] };
      }>(api, requestsOnCallQuery(), await api.tokenFor(slug, ['service_agent']));
      return Object.fromEntries(
        data.serviceRequests.nodes.map((node) => [node.reference, node.onCall.map((shift) => shift.holder?.fullName)]),
      );
    };
    expect(await onCall(NORTH_KESTEVEN)).toEqual({
      'SR-SUNDAYNOON': ['Sorcha Scott'],
      'SR-MONDAYNOON': ['Sorcha Scott'],
      'SR-TUESDAYNOON': [],
      'SR-SUNDAYRESET': [],
    });
    expect(await onCall(SCOTTISH)).toEqual({ 'SR-SCOTMONDAY': [], 'SR-SCOTEVENING': ['Sorcha Scott'] });
  });

  it('every change is in the member trail, and reading another member’s shifts in the reader’s', async () => {
    const scottishTrail = (await auditTrail(api, SCOTTISH)).map((event) => event.action);
    expect(scottishTrail).toEqual(
      expect.arrayContaining(['rota_shift.added', 'sharing_agreement.opted_in', 'support_person.added']),
    );
    const boston = await auditTrail(api, BOSTON);
    const read = boston.find(
      (event) => event.action === 'rota.read' && event.targetId === seedOrganisationId(SCOTTISH),
    );
    expect(read).toBeDefined();
    const nk = (await auditTrail(api, NORTH_KESTEVEN)).map((event) => event.action);
    expect(nk).toEqual(expect.arrayContaining(['rota_swap.proposed', 'rota_shift.added']));
  });

  it('when a member opts out, its shifts leave the rota and the cover report from the next request', async () => {
    const before = (await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-06'), await agent(BOSTON))).sharedSupport;
    expect(before.rota.nodes.some((shift) => shift.holderMemberName === 'Test Scottish Member Council')).toBe(true);
    const left = await ok<{ leaveSharedSupport: { __typename: string } }>(
      api,
      leaveMutation(partnership),
      await api.tokenFor(SCOTTISH, ['tenant_admin']),
    );
    expect(left.leaveSharedSupport.__typename).toBe('SharingAgreementPayload');
    const after = (await ok<Cover>(api, coverQuery('2026-04-03', '2026-04-06'), await agent(BOSTON))).sharedSupport;
    expect(after.rota.nodes.some((shift) => shift.holderMemberName === 'Test Scottish Member Council')).toBe(false);
    expect(after.rotaCover.members.some((m) => m.name === 'Test Scottish Member Council')).toBe(false);
    // Every shift of the Easter weekend was the Scottish person's by then (one of them by the swap):
    // nothing covers the English members any more, Good Friday to Easter Monday midnight.
    const english = after.rotaCover.members.find((m) => m.name === 'North Kesteven District Council')!;
    expect(english.uncoveredHours).toBe(96);
    expect(english.uncoveredPeriods).toEqual([
      { startsAt: '2026-04-02T23:00:00.000Z', endsAt: '2026-04-06T23:00:00.000Z' },
    ]);
  });
});
