import type { PlatformTransaction } from '@ssp/core';
import type * as tables from '@ssp/shared-support-tables';

export type SupportPersonRow = typeof tables.supportPeople.$inferSelect;

export interface SupportPersonView extends SupportPersonRow {
  skills: { skillCode: string; level: number }[];
  unavailability: { startsOn: string; endsOn: string; reason: string | null }[];
}

/** A member's own people, by name, a page or by id, with their skills and periods away. Three statements. */
export async function loadSupportPeople(
  tx: PlatformTransaction,
  memberId: string,
  which: { limit: number; offset: number } | { ids: string[] },
): Promise<SupportPersonView[]> {
  const people =
    'ids' in which
      ? await tx.query.supportPeople.findMany({ where: { tenantId: memberId, id: { in: which.ids } } })
      : await tx.query.supportPeople.findMany({
          where: { tenantId: memberId },
          orderBy: { fullName: 'asc', id: 'asc' },
          limit: which.limit,
          offset: which.offset,
        });
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const skills = await tx.query.supportPersonSkills.findMany({
    where: { tenantId: memberId, personId: { in: ids } },
    orderBy: { skillCode: 'asc' },
  });
  const periods = await tx.query.supportPersonUnavailability.findMany({
    where: { tenantId: memberId, personId: { in: ids } },
    orderBy: { startsOn: 'asc' },
  });
  return people.map((person) => ({
    ...person,
    skills: skills.filter((s) => s.personId === person.id).map(({ skillCode, level }) => ({ skillCode, level })),
    unavailability: periods
      .filter((u) => u.personId === person.id)
      .map(({ startsOn, endsOn, reason }) => ({ startsOn, endsOn, reason })),
  }));
}
