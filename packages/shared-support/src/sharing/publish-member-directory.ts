import type { PlatformTransaction } from '@ssp/core';
import { findOrganisation } from '@ssp/tenants';
import { sql } from 'drizzle-orm';

/**
 * Rewrites what a member publishes to a partnership from its own records and its agreement: its
 * entry, its people with only the fields it shares (the rest are null in the published rows),
 * their skills when it shares skills, and the periods they cannot be called on (without the
 * reason) when it shares availability. With no opted-in agreement, it publishes nothing: the old
 * rows are deleted and none are written. Six statements, however many people.
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
  // The member's name and nation are the tenants domain's: asked of it, not joined.
  const member = await findOrganisation(tx, memberId);
  if (!member) throw new Error('A member publishes from its own transaction, where it sees itself');
  await tx.execute(sql`
    insert into shared_members (tenant_id, member_organisation_id, member_name, nation, shares_name, shares_role,
                                shares_skills, shares_contact, shares_availability)
    select a.partnership_id, a.tenant_id, ${member.name}, ${member.nation}::nation, a.shares_name, a.shares_role,
           a.shares_skills, a.shares_contact, a.shares_availability
      from sharing_agreements a
     where a.tenant_id = ${memberId} and a.partnership_id = ${partnershipId} and a.opted_in`);
  await tx.execute(sql`
    insert into shared_people (tenant_id, id, member_organisation_id, full_name, role_title, email, phone)
    select a.partnership_id, p.id, p.tenant_id,
           case when a.shares_name then p.full_name end,
           case when a.shares_role then p.role_title end,
           case when a.shares_contact then p.email end,
           case when a.shares_contact then p.phone end
      from support_people p
      join sharing_agreements a on a.tenant_id = p.tenant_id and a.partnership_id = ${partnershipId} and a.opted_in
     where p.tenant_id = ${memberId}`);
  await tx.execute(sql`
    insert into shared_person_skills (tenant_id, person_id, skill_code, level, member_organisation_id)
    select a.partnership_id, s.person_id, s.skill_code, s.level, s.tenant_id
      from support_person_skills s
      join sharing_agreements a on a.tenant_id = s.tenant_id and a.partnership_id = ${partnershipId}
                                and a.opted_in and a.shares_skills
     where s.tenant_id = ${memberId}`);
  await tx.execute(sql`
    insert into shared_person_unavailability (tenant_id, id, person_id, starts_on, ends_on, member_organisation_id)
    select a.partnership_id, u.id, u.person_id, u.starts_on, u.ends_on, u.tenant_id
      from support_person_unavailability u
      join sharing_agreements a on a.tenant_id = u.tenant_id and a.partnership_id = ${partnershipId}
                                and a.opted_in and a.shares_availability
     where u.tenant_id = ${memberId}`);
}

/** Republishes a member's directory to every partnership it has opted into (after its people change). */
export async function republishMemberDirectory(
  tx: PlatformTransaction,
  partnershipIds: readonly string[],
  memberId: string,
): Promise<void> {
  for (const partnershipId of partnershipIds) await publishMemberDirectory(tx, partnershipId, memberId);
}
