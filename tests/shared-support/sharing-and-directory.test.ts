import { queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DirectoryData,
  directoryQuery,
  joinMutation,
  leaveMutation,
  savePersonMutation,
  sharedFields,
} from '../support/queries/shared-support-queries.ts';
import { readsOfOurRowsQuery, sharedPersonNodeQuery } from '../support/queries/sharing-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import {
  auditTrail,
  BOSTON,
  NORTH_KESTEVEN,
  OUTSIDER,
  ok,
  POLICE,
  partnershipGlobalId,
} from './support/shared-support-fixtures.ts';

let api: TestApp;
let partnership: string;
beforeAll(async () => {
  api = await startTestApp();
  partnership = partnershipGlobalId(api);
});
afterAll(() => api?.close());

const agent = (slug: string) => api.tokenFor(slug, ['service_agent']);
const admin = (slug: string) => api.tokenFor(slug, ['tenant_admin']);

async function search(slug: string, skillCode = 'firewalls') {
  const data = await ok<DirectoryData>(api, directoryQuery(partnership, { skillCode }), await agent(slug));
  return data.sharedSupport?.directory.nodes ?? null;
}

interface Saved {
  saveSupportPerson: { __typename: string; person?: { id: string }; message?: string; field?: string };
}

async function addPerson(slug: string, fullName: string, level = 3) {
  const saved = await ok<Saved>(
    api,
    savePersonMutation({
      fullName,
      roleTitle: 'Network engineer',
      email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@example.gov.uk`,
      phone: '01205 000000',
      skills: [
        { skillCode: 'firewalls', level },
        { skillCode: 'networks', level: 2 },
      ],
    }),
    await agent(slug),
  );
  expect(saved.saveSupportPerson.__typename).toBe('SupportPersonPayload');
  return saved.saveSupportPerson.person!.id;
}

describe('the skills directory is shared only by agreement', () => {
  it("an opted-in member finds another's people by skill, with the fields that member shares", async () => {
    await addPerson(BOSTON, 'Bea Boston', 3);
    const found = await search(NORTH_KESTEVEN);
    const bea = found?.find((person) => person.fullName === 'Bea Boston');
    expect(bea).toMatchObject({
      memberName: 'Boston Borough Council',
      roleTitle: 'Network engineer',
      email: 'bea.boston@example.gov.uk',
      phone: '01205 000000',
      skills: [
        { skillCode: 'firewalls', level: 3 },
        { skillCode: 'networks', level: 2 },
      ],
      // The seeded agreements do not share availability: unknown, not claimed free.
      available: null,
    });
    // Only people with the skill appear.
    expect(found?.every((person) => person.skills?.some((skill) => skill.skillCode === 'firewalls'))).toBe(true);
  });

  it('searches by level, highest first', async () => {
    await addPerson(BOSTON, 'Ben Boston', 4);
    const data = await ok<DirectoryData>(
      api,
      directoryQuery(partnership, { skillCode: 'firewalls', minimumLevel: 4 }),
      await agent(NORTH_KESTEVEN),
    );
    const names = data.sharedSupport!.directory.nodes.map((person) => person.fullName);
    expect(names).toContain('Ben Boston');
    expect(names).not.toContain('Bea Boston');
    const all = (await search(NORTH_KESTEVEN))!.map((person) => person.fullName);
    expect(all.indexOf('Ben Boston')).toBeLessThan(all.indexOf('Bea Boston'));
  });

  it('a member sees of another only the fields that one shares, and the rest never leave the member in SQL', async () => {
    const changed = await ok<{ joinSharedSupport: { __typename: string } }>(
      api,
      joinMutation(partnership, sharedFields({ name: false, contact: false, availability: false })),
      await admin(BOSTON),
    );
    expect(changed.joinSharedSupport.__typename).toBe('SharingAgreementPayload');
    const found = (await search(NORTH_KESTEVEN))!.filter((person) => person.memberName === 'Boston Borough Council');
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const person of found) {
      expect(person).toMatchObject({ fullName: null, email: null, phone: null, roleTitle: 'Network engineer' });
      expect(person.skills?.length).toBeGreaterThan(0);
    }
    // The published rows themselves hold no name or contact details: no query can read them.
    const published = await api.db.asOwner<{ full_name: string | null; email: string | null }>(
      `select full_name, email from shared_people where member_organisation_id = $1`,
      [api.organisationId(BOSTON)],
    );
    expect(published.length).toBe(found.length);
    expect(published.every((row) => row.full_name === null && row.email === null)).toBe(true);
    // Boston still keeps them in full for itself.
    const own = await api.db.asOwner<{ n: number }>(
      `select count(*)::int as n from support_people where tenant_id = $1 and full_name like 'B% Boston'`,
      [api.organisationId(BOSTON)],
    );
    expect(own[0]!.n).toBe(2);
  });

  it('a member that has not opted in is invisible to the others, and sees nothing of them', async () => {
    await addPerson(POLICE, 'Pat Police', 4);
    const found = await search(NORTH_KESTEVEN);
    expect(found?.some((person) => person.memberName === 'Lincolnshire Police')).toBe(false);
    const police = await ok<DirectoryData>(
      api,
      directoryQuery(partnership, { skillCode: 'firewalls' }),
      await agent(POLICE),
    );
    expect(police.sharedSupport).toBeNull();
  });

  it('an organisation outside the partnership sees nothing of it, in GraphQL and in SQL under row-level security', async () => {
    const outsider = await ok<DirectoryData>(api, directoryQuery(partnership), await agent(OUTSIDER));
    expect(outsider.sharedSupport).toBeNull();
    // Even asking the database directly in the outsider's own transaction: the partnership
    // context it gets is empty, and every shared table reads as empty.
    const counts = await api.app.database.inTenantTransaction([api.organisationId(OUTSIDER)], async (tx) => {
      const [context] = await queryRows<{ ids: string }>(
        tx,
        sql`select array_to_string(app.set_partnership_context(), ',') as ids`,
      );
      const [row] = await queryRows<Record<string, number>>(
        tx,
        sql`select (select count(*)::int from shared_people) as people, (select count(*)::int from shared_members) as members,
                   (select count(*)::int from shared_person_skills) as skills, (select count(*)::int from help_requests) as requests`,
      );
      return { context: context!.ids, ...row };
    });
    expect(counts).toEqual({ context: '', people: 0, members: 0, skills: 0, requests: 0 });
    // A member that has opted in does read them in the same way.
    const member = await api.app.database.inTenantTransaction([api.organisationId(NORTH_KESTEVEN)], async (tx) => {
      await queryRows(tx, sql`select app.set_partnership_context()`);
      const [row] = await queryRows<{ people: number }>(tx, sql`select count(*)::int as people from shared_people`);
      return row!.people;
    });
    expect(member).toBeGreaterThan(0);
  });

  it('opting out takes effect on the next request, both ways; opting in again brings it back', async () => {
    const before = await search(NORTH_KESTEVEN);
    expect(before?.some((person) => person.memberName === 'Boston Borough Council')).toBe(true);
    // Fetched by its global id too, while Boston shares; never by an outsider.
    const bostonPerson = before!.find((person) => person.memberName === 'Boston Borough Council')!;
    const node = async (slug: string) =>
      (
        await ok<{ node: { memberName: string; roleTitle: string } | null }>(
          api,
          sharedPersonNodeQuery(bostonPerson.id),
          await agent(slug),
        )
      ).node;
    expect(await node(NORTH_KESTEVEN)).toEqual({ memberName: 'Boston Borough Council', roleTitle: 'Network engineer' });
    expect(await node(OUTSIDER)).toBeNull();
    expect(await node(POLICE)).toBeNull();
    const left = await ok<{ leaveSharedSupport: { __typename: string; agreement: { optedIn: boolean } } }>(
      api,
      leaveMutation(partnership),
      await admin(BOSTON),
    );
    expect(left.leaveSharedSupport).toEqual({ __typename: 'SharingAgreementPayload', agreement: { optedIn: false } });
    const after = await search(NORTH_KESTEVEN);
    expect(after?.some((person) => person.memberName === 'Boston Borough Council')).toBe(false);
    expect(await node(NORTH_KESTEVEN)).toBeNull();
    expect(await search(BOSTON)).toBeNull();
    const published = await api.db.asOwner<{ n: number }>(
      `select count(*)::int as n from shared_people where member_organisation_id = $1`,
      [api.organisationId(BOSTON)],
    );
    expect(published[0]!.n).toBe(0);

    await ok(api, joinMutation(partnership, sharedFields({})), await admin(BOSTON));
    const again = (await search(NORTH_KESTEVEN))!.filter((person) => person.memberName === 'Boston Borough Council');
    expect(again.map((person) => person.fullName).sort()).toEqual(['Bea Boston', 'Ben Boston']);
  });

  it('every cross-member read is in the reader audit trail, every change in the member trail', async () => {
    await search(NORTH_KESTEVEN);
    const reader = await auditTrail(api, NORTH_KESTEVEN);
    const reads = reader.filter((event) => event.action === 'shared_directory.read');
    const bostonRead = reads.find((event) => event.targetId === api.organisationId(BOSTON));
    expect(bostonRead?.targetType).toBe('SharedMember');
    expect(((bostonRead?.after?.ids ?? []) as string[]).length).toBeGreaterThanOrEqual(2);
    // Its own people are not a cross-member read.
    expect(reads.some((event) => event.targetId === api.organisationId(NORTH_KESTEVEN))).toBe(false);

    // The member read sees who read its people: a receipt, kept by the partnership.
    const receipts = await ok<{
      sharedSupport: {
        readsOfOurRows: { nodes: { readerName: string; what: string; rowCount: number; readBy: string }[] };
      };
    }>(api, readsOfOurRowsQuery(partnership), await admin(BOSTON));
    const fromNk = receipts.sharedSupport.readsOfOurRows.nodes.filter(
      (receipt) => receipt.readerName === 'North Kesteven District Council' && receipt.what === 'shared_directory',
    );
    expect(fromNk.length).toBeGreaterThan(0);
    expect(fromNk[0]).toMatchObject({ readBy: 'test:service_agent@north-kesteven-district-council' });
    expect(fromNk[0]!.rowCount).toBeGreaterThanOrEqual(2);
    // North Kesteven cannot read Boston's receipts, only those about its own rows.
    const nkReceipts = await api.app.database.inTenantTransaction([api.organisationId(NORTH_KESTEVEN)], async (tx) => {
      await queryRows(tx, sql`select app.set_partnership_context()`);
      return queryRows<{ member: string }>(
        tx,
        sql`select distinct member_organisation_id::text as member from shared_read_receipts`,
      );
    });
    expect(nkReceipts.map((row) => row.member)).not.toContain(api.organisationId(BOSTON));

    const member = (await auditTrail(api, BOSTON)).map((event) => event.action);
    expect(member).toEqual(
      expect.arrayContaining([
        'support_person.added',
        'sharing_agreement.changed',
        'sharing_agreement.opted_out',
        'sharing_agreement.opted_in',
      ]),
    );
  });
});

describe('bad input to the agreement changes nothing', () => {
  it('a member cannot opt in to a partnership it does not belong to', async () => {
    const other = (await import('../support/queries/organisation-queries.ts')).organisationGlobalId(
      api.organisationId('edinburgh-partnership'),
    );
    const result = await ok<{ joinSharedSupport: { __typename: string } }>(
      api,
      joinMutation(other, sharedFields({})),
      await admin(NORTH_KESTEVEN),
    );
    expect(result.joinSharedSupport.__typename).toBe('NotFoundError');
    const rows = await api.db.asOwner(`select 1 from sharing_agreements where partnership_id = $1`, [
      api.organisationId('edinburgh-partnership'),
    ]);
    expect(rows).toEqual([]);
  });

  it('only tenant admins opt in; a service agent gets a typed Forbidden error', async () => {
    const result = await ok<{ joinSharedSupport: { __typename: string } }>(
      api,
      joinMutation(partnership, sharedFields({})),
      await agent(POLICE),
    );
    expect(result.joinSharedSupport.__typename).toBe('ForbiddenError');
  });

  it('a skill not in the taxonomy is a validation error and the person is not added', async () => {
    const result = await ok<{ saveSupportPerson: { __typename: string; field: string } }>(
      api,
      savePersonMutation({ fullName: 'Nobody', roleTitle: 'X', skills: [{ skillCode: 'juggling', level: 2 }] }),
      await agent(NORTH_KESTEVEN),
    );
    expect(result.saveSupportPerson).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.skills.0.skillCode',
    });
    expect(await api.db.asOwner(`select 1 from support_people where full_name = 'Nobody'`)).toEqual([]);
  });

  it('an opted-in partnership context is needed to opt in where no shared support is run', async () => {
    const result = await ok<{ joinSharedSupport: { __typename: string; field?: string } }>(
      api,
      joinMutation(
        (await import('../support/queries/organisation-queries.ts')).organisationGlobalId(
          api.organisationId('suffolk-partnership'),
        ),
        sharedFields({}),
      ),
      await admin('suffolk-county-council'),
    );
    expect(result.joinSharedSupport.__typename).toBe('ValidationError');
    expect(
      await api.db.asOwner(`select 1 from sharing_agreements where partnership_id = $1`, [
        api.organisationId('suffolk-partnership'),
      ]),
    ).toEqual([]);
  });
});
