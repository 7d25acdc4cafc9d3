import { CORE_ERRORS, type PlatformTransaction, queryRows, ValidationError } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { isoDate } from '../common/dates.ts';
import { uuidArray } from '../common/partnership-context.ts';

export interface DirectorySearch {
  partnershipId: string;
  skillCode: string | null;
  minimumLevel: number;
  availableFrom: string | null;
  availableTo: string | null;
  limit: number;
  offset: number;
}

export interface SharedPersonRow {
  id: string;
  partnershipId: string;
  memberOrganisationId: string;
  memberName: string;
  fullName: string | null;
  roleTitle: string | null;
  email: string | null;
  phone: string | null;
  /** Null when the member does not share skills. */
  skills: { skillCode: string; level: number }[] | null;
  /** Null when the member does not share availability, or no period was asked about. */
  available: boolean | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  member_organisation_id: string;
  member_name: string;
  full_name: string | null;
  role_title: string | null;
  email: string | null;
  phone: string | null;
  shares_skills: boolean;
  skills: { skillCode: string; level: number }[] | string;
  available: boolean | null;
}

export function checkDirectorySearch(search: Omit<DirectorySearch, 'limit' | 'offset'>): void {
  if (!Number.isInteger(search.minimumLevel) || search.minimumLevel < 1 || search.minimumLevel > 4) {
    throw new ValidationError('Skill levels run from 1 (aware) to 4 (expert)', 'minimumLevel');
  }
  if ((search.availableFrom === null) !== (search.availableTo === null)) {
    throw new ValidationError('Give both ends of the period, or neither', 'availableTo');
  }
  if (search.availableFrom !== null && search.availableTo !== null) {
    isoDate(search.availableFrom, 'availableFrom');
    isoDate(search.availableTo, 'availableTo');
    if (search.availableTo < search.availableFrom)
      throw new ValidationError(
        'The period ends before it starts',
        'availableTo',
        CORE_ERRORS.PERIOD_ENDS_BEFORE_START,
      );
  }
}

/**
 * Searches a partnership's published directory: people with a skill at or above a level, and not
 * known to be away at any time in a period. One statement whatever the size of the partnership:
 * each person's skills come aggregated as JSON. Only published rows are read, so only what each
 * member shares can appear; a member that does not share availability is neither excluded nor
 * claimed available (its people's `available` is null).
 */
export async function searchDirectory(tx: PlatformTransaction, search: DirectorySearch): Promise<SharedPersonRow[]> {
  const period = search.availableFrom !== null && search.availableTo !== null;
  const rows = await queryRows<Row>(
    tx,
    sql`
    select p.id, p.tenant_id, p.member_organisation_id, m.member_name, p.full_name, p.role_title, p.email, p.phone, m.shares_skills,
           (select coalesce(json_agg(json_build_object('skillCode', s.skill_code, 'level', s.level)
                                     order by s.level desc, s.skill_code), '[]'::json)
              from shared_person_skills s where s.tenant_id = p.tenant_id and s.person_id = p.id) as skills,
           case when not ${period} or not m.shares_availability then null
                else not exists (select 1 from shared_person_unavailability u
                                  where u.tenant_id = p.tenant_id and u.person_id = p.id
                                    and u.starts_on <= ${search.availableTo}::date
                                    and u.ends_on >= ${search.availableFrom}::date) end as available,
           ${search.skillCode === null ? sql`null::smallint` : sql`k.level`} as matched_level
      from shared_people p
      join shared_members m on m.tenant_id = p.tenant_id and m.member_organisation_id = p.member_organisation_id
      ${
        // Searching by skill starts from the skill index (tenant_id, skill_code, level): the people
        // holding it at the level or above, highest first. So the order is `matched_level desc`
        // (nulls first, as the index read backwards gives it): the level is never null when a
        // skill is searched for, and one null for every row otherwise, but `desc nulls last`
        // does not match the index, which made PostgreSQL read and sort every holder (710 rows
        // for a page of 100 in the benchmark, 2.5x the hand-written statement's time).
        search.skillCode === null
          ? sql``
          : sql`join shared_person_skills k on k.tenant_id = p.tenant_id and k.person_id = p.id
                  and k.skill_code = ${search.skillCode} and k.level >= ${search.minimumLevel}`
      }
     where p.tenant_id = ${search.partnershipId}
       and (not ${period} or not m.shares_availability or not exists (
             select 1 from shared_person_unavailability u
              where u.tenant_id = p.tenant_id and u.person_id = p.id
                and u.starts_on <= ${search.availableTo}::date and u.ends_on >= ${search.availableFrom}::date))
     order by matched_level desc, m.member_name, p.full_name nulls last, p.id
     limit ${search.limit} offset ${search.offset}`,
  );
  return rows.map(toPerson);
}

function toPerson(row: Row): SharedPersonRow {
  return {
    id: row.id,
    partnershipId: row.tenant_id,
    memberOrganisationId: row.member_organisation_id,
    memberName: row.member_name,
    fullName: row.full_name,
    roleTitle: row.role_title,
    email: row.email,
    phone: row.phone,
    skills: row.shares_skills ? (typeof row.skills === 'string' ? JSON.parse(row.skills) : row.skills) : null,
    available: row.available,
  };
}

/** Published people by id, in any of the partnerships given, as the search shows them. One statement. */
export async function loadSharedPeopleById(
  tx: PlatformTransaction,
  partnershipIds: string[],
  ids: string[],
): Promise<SharedPersonRow[]> {
  const rows = await queryRows<Row>(
    tx,
    sql`
    select p.id, p.tenant_id, p.member_organisation_id, m.member_name, p.full_name, p.role_title, p.email, p.phone,
           m.shares_skills, null::boolean as available,
           (select coalesce(json_agg(json_build_object('skillCode', s.skill_code, 'level', s.level)
                                     order by s.level desc, s.skill_code), '[]'::json)
              from shared_person_skills s where s.tenant_id = p.tenant_id and s.person_id = p.id) as skills
      from shared_people p
      join shared_members m on m.tenant_id = p.tenant_id and m.member_organisation_id = p.member_organisation_id
     where p.tenant_id = any (${uuidArray(partnershipIds)}) and p.id = any (${uuidArray(ids)})`,
  );
  return rows.map(toPerson);
}
