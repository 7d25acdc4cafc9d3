import { insertRows, type PlatformTransaction, queryRows } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { findOrganisation } from '@ssp/tenants';
import { sql } from 'drizzle-orm';

/** What a member publishes to one partnership, read from its own rows in one statement. */
interface MemberDirectory {
  member: {
    sharesName: boolean;
    sharesRole: boolean;
    sharesSkills: boolean;
    sharesContact: boolean;
    sharesAvailability: boolean;
  } | null;
  people: {
    id: string;
    fullName: string | null;
    roleTitle: string | null;
    email: string | null;
    phone: string | null;
  }[];
  skills: { personId: string; skillCode: string; level: number }[];
  unavailability: { id: string; personId: string; startsOn: string; endsOn: string }[];
}

/**
 * Rewrites what a member publishes to a partnership from its own records and its agreement: its
 * entry, its people with only the fields it shares (the rest are null in the published rows),
 * their skills when it shares skills, and the periods they cannot be called on (without the
 * reason) when it shares availability. With no opted-in agreement, it publishes nothing: the old
 * rows are deleted and none are written. At most six statements, however many people.
 *
 * The member's rows are read first (one statement on the member's own rows, the fields it does not
 * share already left out) and then written to the partnership's tables as VALUES: the two sit under
 * different tenant ids, so on Citus on different shards, where an `INSERT ... SELECT` from one to
 * the other would run as a COPY, which row-level security refuses.
 *
 * Runs in the member's own transaction, with the partnership in its partnership context (the
 * policies let a member write only its own rows of the partnership's tables).
 */
export async function publishMemberDirectory(
  tx: PlatformTransaction,
  partnershipId: string,
  memberId: string,
): Promise<void> {
  // Published people, skills and periods go with the entry (foreign keys cascade).
  await tx.execute(
    sql`delete from shared_members where tenant_id = ${partnershipId} and member_organisation_id = ${memberId}`,
  );
  const [directory] = await queryRows<{ directory: MemberDirectory }>(
    tx,
    sql`
    select json_build_object(
      'member', json_build_object('sharesName', a.shares_name,
                                  'sharesRole', a.shares_role, 'sharesSkills', a.shares_skills,
                                  'sharesContact', a.shares_contact, 'sharesAvailability', a.shares_availability),
      'people', (select coalesce(json_agg(json_build_object(
                   'id', p.id,
                   'fullName', case when a.shares_name then p.full_name end,
                   'roleTitle', case when a.shares_role then p.role_title end,
                   'email', case when a.shares_contact then p.email end,
                   'phone', case when a.shares_contact then p.phone end)), '[]')
                   from support_people p where p.tenant_id = a.tenant_id),
      'skills', (select coalesce(json_agg(json_build_object('personId', s.person_id, 'skillCode', s.skill_code, 'level', s.level)), '[]')
                   from support_person_skills s where s.tenant_id = a.tenant_id and a.shares_skills),
      'unavailability', (select coalesce(json_agg(json_build_object('id', u.id, 'personId', u.person_id,
                                                                    'startsOn', u.starts_on, 'endsOn', u.ends_on)), '[]')
                           from support_person_unavailability u where u.tenant_id = a.tenant_id and a.shares_availability)
    ) as directory
      from sharing_agreements a
     where a.tenant_id = ${memberId} and a.partnership_id = ${partnershipId} and a.opted_in`,
  );
  const published = directory?.directory;
  if (!published?.member) return;
  // The member's name and nation are the tenants domain's: asked of it, not joined.
  const organisation = await findOrganisation(tx, memberId);
  if (!organisation) throw new Error('A member publishes from its own transaction, where it sees itself');
  const owner = { tenantId: partnershipId, memberOrganisationId: memberId };
  await insertRows(
    tx,
    tables.sharedMembers,
    {
      tenantId: 'uuid',
      memberOrganisationId: 'uuid',
      memberName: 'text',
      nation: 'nation',
      sharesName: 'boolean',
      sharesRole: 'boolean',
      sharesSkills: 'boolean',
      sharesContact: 'boolean',
      sharesAvailability: 'boolean',
    },
    [{ ...owner, memberName: organisation.name, nation: organisation.nation, ...published.member }],
  );
  await insertRows(
    tx,
    tables.sharedPeople,
    {
      tenantId: 'uuid',
      id: 'uuid',
      memberOrganisationId: 'uuid',
      fullName: 'text',
      roleTitle: 'text',
      email: 'text',
      phone: 'text',
    },
    published.people.map((person) => ({ ...owner, ...person })),
  );
  await insertRows(
    tx,
    tables.sharedPersonSkills,
    { tenantId: 'uuid', personId: 'uuid', skillCode: 'text', level: 'smallint', memberOrganisationId: 'uuid' },
    published.skills.map((skill) => ({ ...owner, ...skill })),
  );
  await insertRows(
    tx,
    tables.sharedPersonUnavailability,
    { tenantId: 'uuid', id: 'uuid', personId: 'uuid', startsOn: 'date', endsOn: 'date', memberOrganisationId: 'uuid' },
    published.unavailability.map((period) => ({ ...owner, ...period })),
  );
}

/** Republishes a member's directory to every partnership it has opted into (after its people change). */
export async function republishMemberDirectory(
  tx: PlatformTransaction,
  partnershipIds: readonly string[],
  memberId: string,
): Promise<void> {
  for (const partnershipId of partnershipIds) await publishMemberDirectory(tx, partnershipId, memberId);
}
