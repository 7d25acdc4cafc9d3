import {
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { outOfHoursAround, subtract, union } from './out-of-hours.ts';
import { checkHolder, checkNoOverlap, MAX_SHIFT_HOURS, type RotaShiftRow } from './rota-shift-checks.ts';
import { loadRotaMembers } from './rota-views.ts';

/**
 * A member puts one of its people on the out-of-hours rota. The shift must lie outside working
 * hours for at least one member at every moment (evenings, weekends, the bank holidays of a
 * member's nation), and must not overlap another shift the same person holds.
 */
export async function addRotaShift(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    partnershipId: string;
    personId: string;
    startsAt: Date;
    endsAt: Date;
    idempotencyKey: string;
  },
): Promise<{ shift: RotaShiftRow; replayed: boolean }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  checkIdempotencyKey(input.idempotencyKey);
  const hash = inputHash([
    input.partnershipId,
    input.personId,
    input.startsAt.toISOString(),
    input.endsAt.toISOString(),
  ]);
  const key = { tenantId: input.partnershipId, idempotencyKey: input.idempotencyKey, inputHash: hash };
  const earlier = await findReplay(tx, tables.rotaShifts, key, { within: [['holderMemberId', memberId]] });
  if (earlier) return { shift: earlier, replayed: true };
  const span = { start: input.startsAt.getTime(), end: input.endsAt.getTime() };
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end))
    throw new ValidationError('Give both times', 'input.startsAt');
  if (span.end <= span.start) throw new ValidationError('A shift ends after it starts', 'input.endsAt');
  if (span.end - span.start > MAX_SHIFT_HOURS * 3_600_000) {
    throw new ValidationError(`A shift lasts at most ${MAX_SHIFT_HOURS} hours`, 'input.endsAt');
  }
  const members = await loadRotaMembers(tx, input.partnershipId);
  const nations = [...new Set(members.map((m) => m.nation))];
  const someoneOutOfHours = union(nations.flatMap((nation) => outOfHoursAround(nation, span)));
  const inHours = subtract([span], someoneOutOfHours);
  if (inHours.length > 0) {
    throw new ValidationError(
      `A shift covers out-of-hours time only; every member is in working hours from ${new Date(inHours[0]!.start).toISOString()}`,
      'input.startsAt',
      SHARED_SUPPORT_ERRORS.ROTA_SHIFT_IN_WORKING_HOURS,
    );
  }
  await checkHolder(tx, input.partnershipId, memberId, input.personId, span, 'input.personId');
  await checkNoOverlap(tx, input.partnershipId, input.personId, span, [], 'input.startsAt');
  const { row: shift, replayed } = await insertOnce(
    tx,
    tables.rotaShifts,
    {
      ...key,
      holderMemberId: memberId,
      holderPersonId: input.personId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: caller.actor.principal.subject,
    },
    { within: [['holderMemberId', memberId]] },
  );
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: memberId,
        action: 'rota_shift.added',
        targetType: 'RotaShift',
        targetId: shift.id,
        after: shift,
      },
    ]);
  }
  return { shift, replayed };
}
