import { createHash, randomUUID } from 'node:crypto';
import { insertRows, type PlatformDatabase, queryRows } from '@ssp/core';
import { tables } from '@ssp/schema';
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
/** A stable small number from a string, to spread generated levels. */
function hashOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

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
  const members = memberSlugs.map((slug, index) => ({
    id: seedOrganisationId(slug),
    slug,
    name: `Generated council ${String(index + 1).padStart(3, '0')}`,
    nation: (index + 1) % 10 === 0 ? ('scotland' as const) : ('england_and_wales' as const),
  }));
  const people = members.flatMap((member) =>
    Array.from({ length: options.peoplePerMember }, (_, index) => {
      const n = index + 1;
      return {
        tenantId: member.id,
        id: randomUUID(),
        fullName: `${member.name} engineer ${n}`,
        roleTitle: 'ICT support engineer',
        email: `engineer${n}@${member.slug}.example`,
        phone: `01000 ${String(n).padStart(6, '0')}`,
      };
    }),
  );
  const skills = people.flatMap((person) => [
    ...['networks', 'firewalls', 'servers'].map((skillCode) => ({
      tenantId: person.tenantId,
      personId: person.id,
      skillCode,
      level: 1 + (hashOf(person.id + skillCode) % 4),
    })),
    ...(hashOf(person.id) % 20 === 0
      ? [{ tenantId: person.tenantId, personId: person.id, skillCode: 'avaya', level: 4 }]
      : []),
  ]);
  // Rows computed here and written as VALUES (insertRows), never INSERT ... SELECT: on Citus that
  // runs as a COPY, which row-level security refuses.
  await database.inPlatformTransaction({ actor: 'generator', reason: 'generate a large partnership' }, async (tx) => {
    await tx.execute(sql`
      insert into organisations (id, slug, name, kind, lifecycle_status, nation, generated)
      values (${partnershipId}, ${partnershipSlug}, ${`Generated partnership ${options.prefix}`}, 'partnership', 'active', 'england_and_wales', true)`);
    await insertRows(
      tx,
      tables.organisations,
      {
        id: 'uuid',
        slug: 'text',
        name: 'text',
        kind: 'organisation_kind',
        parentId: 'uuid',
        lifecycleStatus: 'lifecycle_status',
        nation: 'nation',
        generated: 'boolean',
      },
      members.map((member) => ({
        ...member,
        kind: 'district_council' as const,
        parentId: partnershipId,
        lifecycleStatus: 'active' as const,
        generated: true,
      })),
    );
    await tx.execute(sql`
      insert into shared_support_programmes (tenant_id, name, forecast_years, cashable_forecast_pence, non_cashable_forecast_pence, day_rate_pence)
      values (${partnershipId}, 'Generated shared support', 5, 0, 0, 25000)`);
    await insertRows(
      tx,
      tables.sharingAgreements,
      {
        tenantId: 'uuid',
        partnershipId: 'uuid',
        optedIn: 'boolean',
        sharesName: 'boolean',
        sharesRole: 'boolean',
        sharesSkills: 'boolean',
        sharesContact: 'boolean',
        sharesAvailability: 'boolean',
        changedBy: 'text',
      },
      members.map((member) => ({
        tenantId: member.id,
        partnershipId,
        optedIn: true,
        sharesName: true,
        sharesRole: true,
        sharesSkills: true,
        sharesContact: true,
        sharesAvailability: true,
        changedBy: 'generator',
      })),
    );
    await insertRows(
      tx,
      tables.supportPeople,
      { tenantId: 'uuid', id: 'uuid', fullName: 'text', roleTitle: 'text', email: 'text', phone: 'text' },
      people,
    );
    await insertRows(
      tx,
      tables.supportPersonSkills,
      { tenantId: 'uuid', personId: 'uuid', skillCode: 'text', level: 'smallint' },
      skills,
    );
    for (const slug of memberSlugs) await publishMemberDirectory(tx, partnershipId, seedOrganisationId(slug));
  });
  const [count] = await database.inPlatformTransaction({ actor: 'generator', reason: 'count' }, (tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from shared_people where tenant_id = ${partnershipId}`),
  );
  return { partnershipSlug, memberSlugs, people: Number(count?.n ?? 0) };
}
