import { CORE_ERRORS, ConflictError, type MutationCaller, NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { checkHolder, checkNoOverlap, type RotaSwapRow } from './rota-shift-checks.ts';
import { loadShift } from './rota-views.ts';

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
