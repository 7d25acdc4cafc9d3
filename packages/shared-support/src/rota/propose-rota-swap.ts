import { type MutationCaller, NotFoundError, type PlatformTransaction, queryRows, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import type { RotaSwapRow } from './rota-shift-checks.ts';
import { loadShift } from './rota-views.ts';

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
