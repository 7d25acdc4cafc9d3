import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { loadRotaMembers, loadShift, personShiftsOverlapping } from './load-rota.ts';
import { type Interval, outOfHoursAround, subtract, union } from './out-of-hours.ts';

export type RotaShiftRow = typeof tables.rotaShifts.$inferSelect;
export type RotaSwapRow = typeof tables.rotaSwaps.$inferSelect;

/** The longest shift: a bank-holiday weekend, Friday 17:00 to Tuesday 09:00, is 88 hours. */
const MAX_SHIFT_HOURS = 96;

/**
 * The person is the member's own, published to the partnership, and not away during the span.
 * Locks the person's row until the transaction ends, so two shifts (or a shift and a swap) for the
 * same person cannot both pass the overlap check at once.
 */
async function checkHolder(
  tx: PlatformTransaction,
  partnershipId: string,
  memberId: string,
  personId: string,
  span: Interval,
  field: string,
) {
  const from = DateTime.fromMillis(span.start, { zone: 'Europe/London' }).toISODate();
  const to = DateTime.fromMillis(span.end, { zone: 'Europe/London' }).toISODate();
  // The lock is taken on the member's own row alone, in a statement of its own named by tenant_id
  // (on Citus a FOR UPDATE goes to one shard and reads one table); whether the person is away, and
  // whether published (the partnership's row, another tenant's), are read after it.
  const [person] = await queryRows<{ id: string }>(
    tx,
    sql`select p.id from support_people p where p.tenant_id = ${memberId} and p.id = ${personId} for update`,
  );
  if (!person) throw new NotFoundError('No person of your organisation has this id');
  const published = await queryRows<{ published: number }>(
    tx,
    sql`select 1 as published from shared_people sp
         where sp.tenant_id = ${partnershipId} and sp.id = ${personId} and sp.member_organisation_id = ${memberId}`,
  );
  if (published.length === 0)
    throw new ValidationError('The person is not in the shared directory of this partnership', field);
  const away = await queryRows<{ away: number }>(
    tx,
    sql`select 1 as away from support_person_unavailability u
         where u.tenant_id = ${memberId} and u.person_id = ${personId}
           and u.starts_on <= ${to}::date and u.ends_on >= ${from}::date
         limit 1`,
  );
  if (away.length > 0) throw new ValidationError('The person cannot be called on during the shift', field);
}

async function checkNoOverlap(
  tx: PlatformTransaction,
  partnershipId: string,
  personId: string,
  span: Interval,
  except: readonly string[],
  field: string,
) {
  const clashes = await personShiftsOverlapping(
    tx,
    partnershipId,
    personId,
    new Date(span.start),
    new Date(span.end),
    except,
  );
  if (clashes.length > 0) {
    throw new ValidationError(
      `The person already holds a shift from ${clashes[0]!.startsAt.toISOString()} to ${clashes[0]!.endsAt.toISOString()}`,
      field,
      SHARED_SUPPORT_ERRORS.ROTA_SHIFT_CLASH,
    );
  }
}

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

/**
 * The member of a shift's holder asks another member's person to take it (optionally taking one of
 * theirs in return). Nothing changes until the other member consents.
 */
export async function proposeRotaSwap(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    partnershipId: string;
    shiftId: string;
    toPersonId: string;
    returnShiftId: string | null;
  },
): Promise<RotaSwapRow> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  const shift = await loadShift(tx, input.partnershipId, input.shiftId);
  if (!shift || shift.holderMemberId !== memberId) {
    throw new NotFoundError('No shift held by your organisation has this id');
  }
  const [to] = await queryRows<{ member_organisation_id: string }>(
    tx,
    sql`select member_organisation_id from shared_people where tenant_id = ${input.partnershipId} and id = ${input.toPersonId}`,
  );
  if (!to) throw new NotFoundError('No person in the shared directory has this id');
  if (input.toPersonId === shift.holderPersonId)
    throw new ValidationError('The person already holds the shift', 'input.toPersonId');
  if (input.returnShiftId) {
    const back = await loadShift(tx, input.partnershipId, input.returnShiftId);
    if (!back || back.holderPersonId !== input.toPersonId) {
      throw new ValidationError('The shift given in return must be one the other person holds', 'input.returnShiftId');
    }
  }
  const [swap] = await tx
    .insert(tables.rotaSwaps)
    .values({
      tenantId: input.partnershipId,
      shiftId: input.shiftId,
      returnShiftId: input.returnShiftId,
      fromMemberId: memberId,
      fromPersonId: shift.holderPersonId,
      toMemberId: to.member_organisation_id,
      toPersonId: input.toPersonId,
      proposedBy: caller.actor.principal.subject,
    })
    .returning();
  if (!swap) throw new Error('The swap was not written');
  await recordAuditEvents(tx, auditActor(caller), [
    { organisationId: memberId, action: 'rota_swap.proposed', targetType: 'RotaSwap', targetId: swap.id, after: swap },
  ]);
  return swap;
}

/**
 * The other person's member consents to (or refuses) a swap. Accepting checks again that the
 * shift is still the proposer's and that neither person ends up holding overlapping shifts.
 */
export async function decideRotaSwap(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; swapId: string; accept: boolean },
): Promise<{ before: RotaSwapRow; after: RotaSwapRow }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  const before = await tx.query.rotaSwaps.findFirst({ where: { tenantId: input.partnershipId, id: input.swapId } });
  if (!before || before.toMemberId !== memberId)
    throw new NotFoundError('No swap proposed to your organisation has this id');
  if (before.status !== 'proposed')
    throw new ConflictError(`The swap was already ${before.status}`, SHARED_SUPPORT_ERRORS.SWAP_ALREADY_DECIDED);
  if (input.accept) {
    const shift = await loadShift(tx, input.partnershipId, before.shiftId);
    if (!shift || shift.holderPersonId !== before.fromPersonId) {
      throw new ConflictError('The shift has changed hands since the swap was proposed', CORE_ERRORS.CHANGED_MEANWHILE);
    }
    const except = [before.shiftId, ...(before.returnShiftId ? [before.returnShiftId] : [])];
    const span = { start: shift.startsAt.getTime(), end: shift.endsAt.getTime() };
    await checkHolder(tx, input.partnershipId, memberId, before.toPersonId, span, 'input.swapId');
    await checkNoOverlap(tx, input.partnershipId, before.toPersonId, span, except, 'input.swapId');
    if (before.returnShiftId) {
      const back = await loadShift(tx, input.partnershipId, before.returnShiftId);
      if (!back || back.holderPersonId !== before.toPersonId) {
        throw new ConflictError(
          'The shift given in return has changed hands since the swap was proposed',
          CORE_ERRORS.CHANGED_MEANWHILE,
        );
      }
      await checkNoOverlap(
        tx,
        input.partnershipId,
        before.fromPersonId,
        { start: back.startsAt.getTime(), end: back.endsAt.getTime() },
        except,
        'input.swapId',
      );
    }
  }
  const [after] = await tx
    .update(tables.rotaSwaps)
    .set({
      status: input.accept ? 'accepted' : 'declined',
      decidedBy: caller.actor.principal.subject,
      decidedAt: new Date(),
    })
    .where(and(eq(tables.rotaSwaps.tenantId, input.partnershipId), eq(tables.rotaSwaps.id, input.swapId)))
    .returning();
  if (!after) throw new Error('The swap was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: input.accept ? 'rota_swap.accepted' : 'rota_swap.declined',
      targetType: 'RotaSwap',
      targetId: input.swapId,
      before,
      after,
    },
  ]);
  return { before, after };
}
