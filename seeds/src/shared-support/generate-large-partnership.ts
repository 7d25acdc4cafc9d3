import { type PlatformDatabase, queryRows } from '@ssp/core';
import { publishMemberDirectory } from '@ssp/shared-support';
import { sql } from 'drizzle-orm';
import { seedOrganisationId } from '../organisations/seed-organisation-ids.ts';

export interface LargePartnership {
  partnershipSlug: string;
  memberSlugs: string[];
  people: number;
}

/**
 * Generated data for the statement-count test and the benchmark (not from a source document): a
 * partnership of `members` councils with `peoplePerMember` ICT support people each, all opted in
 * and sharing everything, published through the same function members use. Platform path.
 * Everyone holds networks, firewalls and servers at a level from 1 to 4; about one in twenty
 * holds avaya at 4, so a search can match a few people or all of them.
 */
export async function generateLargePartnership(
  database: PlatformDatabase,
  options: { prefix: string; members: number; peoplePerMember: number },
): Promise<LargePartnership> {
  const partnershipSlug = `${options.prefix}-partnership`;
  const memberSlugs = Array.from(
    { length: options.members },
    (_, i) => `${options.prefix}-member-${String(i + 1).padStart(3, '0')}`,
  );
  const partnershipId = seedOrganisationId(partnershipSlug);
  await database.inPlatformTransaction({ actor: 'generator', reason: 'generate a large partnership' }, async (tx) => {
    await tx.execute(sql`
      insert into organisations (id, slug, name, kind, lifecycle_status, nation, generated)
      values (${partnershipId}, ${partnershipSlug}, ${`Generated partnership ${options.prefix}`}, 'partnership', 'active', 'england_and_wales', true)`);
    await tx.execute(sql`
      insert into organisations (id, slug, name, kind, parent_id, lifecycle_status, nation, generated)
      select (string_to_array(${memberSlugs.map(seedOrganisationId).join(',')}, ','))[i]::uuid,
             (string_to_array(${memberSlugs.join(',')}, ','))[i], 'Generated council ' || lpad(i::text, 3, '0'),
             'district_council', ${partnershipId}, 'active', case when i % 10 = 0 then 'scotland' else 'england_and_wales' end::nation, true
        from generate_series(1, ${options.members}) i`);
    await tx.execute(sql`
      insert into shared_support_programmes (tenant_id, name, forecast_years, cashable_forecast_pence, non_cashable_forecast_pence, day_rate_pence)
      values (${partnershipId}, 'Generated shared support', 5, 0, 0, 25000)`);
    await tx.execute(sql`
      insert into sharing_agreements (tenant_id, partnership_id, opted_in, shares_name, shares_role, shares_skills, shares_contact,
                                      shares_availability, changed_by)
      select o.id, ${partnershipId}, true, true, true, true, true, true, 'generator'
        from organisations o where o.parent_id = ${partnershipId}`);
    await tx.execute(sql`
      insert into support_people (tenant_id, full_name, role_title, email, phone)
      select o.id, o.name || ' engineer ' || n, 'ICT support engineer', 'engineer' || n || '@' || o.slug || '.example', '01000 ' || lpad(n::text, 6, '0')
        from organisations o cross join generate_series(1, ${options.peoplePerMember}) n where o.parent_id = ${partnershipId}`);
    await tx.execute(sql`
      insert into support_person_skills (tenant_id, person_id, skill_code, level)
      select p.tenant_id, p.id, s.code, 1 + (abs(hashtext(p.id::text || s.code)) % 4)
        from support_people p join organisations o on o.id = p.tenant_id and o.parent_id = ${partnershipId}
        cross join (values ('networks'), ('firewalls'), ('servers')) s(code)
      union all
      select p.tenant_id, p.id, 'avaya', 4
        from support_people p join organisations o on o.id = p.tenant_id and o.parent_id = ${partnershipId}
       where abs(hashtext(p.id::text)) % 20 = 0`);
    for (const slug of memberSlugs) await publishMemberDirectory(tx, partnershipId, seedOrganisationId(slug));
  });
  const [count] = await database.inPlatformTransaction({ actor: 'generator', reason: 'count' }, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from shared_people where tenant_id = ${partnershipId}`),
  );
  return { partnershipSlug, memberSlugs, people: Number(count?.n ?? 0) };
}
