import type { PlatformTransaction } from '@ssp/core';
import { organisationPlaces } from '@ssp/tenants';
import { partnershipContext } from '../common/partnership-context.ts';
import { outOfHoursAround } from './out-of-hours.ts';
import { loadShifts, type ShiftView } from './rota-views.ts';

export interface OnCallQuestion {
  organisationId: string;
  at: Date;
}

/**
 * Who is on call for each of a batch of (organisation, moment) pairs: the shifts of the
 * partnerships the organisation belongs to and has opted into that cover the moment, when the
 * moment is out of hours on the organisation's own calendar; nobody during its working hours.
 * Two statements for the batch (the organisations' nations and parents, then the shifts).
 */
export interface OnCallAnswer {
  partnershipId: string | null;
  shifts: ShiftView[];
}

export async function whoIsOnCall(
  tx: PlatformTransaction,
  questions: readonly OnCallQuestion[],
): Promise<OnCallAnswer[]> {
  const partnerships = await partnershipContext(tx);
  if (partnerships.length === 0 || questions.length === 0)
    return questions.map(() => ({ partnershipId: null, shifts: [] }));
  const organisationIds = [...new Set(questions.map((q) => q.organisationId))];
  const organisations = await organisationPlaces(tx, organisationIds);
  const times = questions.map((q) => q.at.getTime());
  const from = new Date(Math.min(...times));
  const to = new Date(Math.max(...times) + 1);
  const byPartnership = new Map<string, ShiftView[]>();
  for (const partnershipId of new Set(
    organisations.map((o) => o.parent_id).filter((id): id is string => id !== null),
  )) {
    if (partnerships.includes(partnershipId))
      byPartnership.set(partnershipId, await loadShifts(tx, partnershipId, from, to));
  }
  return questions.map((question) => {
    const organisation = organisations.find((o) => o.id === question.organisationId);
    const partnershipId = organisation?.parent_id ?? null;
    const shifts = partnershipId ? byPartnership.get(partnershipId) : undefined;
    if (!organisation || !partnershipId || !shifts) return { partnershipId: null, shifts: [] };
    const at = question.at.getTime();
    const outOfHours = outOfHoursAround(organisation.nation, { start: at, end: at + 1 }).length > 0;
    if (!outOfHours) return { partnershipId, shifts: [] };
    return {
      partnershipId,
      shifts: shifts.filter((shift) => shift.startsAt.getTime() <= at && shift.endsAt.getTime() > at),
    };
  });
}
