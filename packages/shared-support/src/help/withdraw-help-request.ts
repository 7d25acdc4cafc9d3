import { ConflictError, type MutationCaller, NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { findRequest, type HelpRequestRow } from './find-help.ts';

/** The asking member withdraws an open request; offers still waiting on it are declined. */
export async function withdrawHelpRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; requestId: string },
): Promise<{ before: HelpRequestRow; after: HelpRequestRow }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  const before = await findRequest(tx, input.partnershipId, input.requestId);
  if (before.requestingMemberId !== memberId) throw new NotFoundError('No request of your organisation has this id');
  if (before.status !== 'open')
    throw new ConflictError(
      `The request is ${before.status}, no longer open`,
      SHARED_SUPPORT_ERRORS.HELP_REQUEST_NOT_OPEN,
    );
  const [after] = await tx
    .update(tables.helpRequests)
    .set({ status: 'withdrawn' })
    .where(and(eq(tables.helpRequests.tenantId, input.partnershipId), eq(tables.helpRequests.id, input.requestId)))
    .returning();
  if (!after) throw new Error('The request was not updated');
  await tx
    .update(tables.helpLoans)
    .set({ status: 'declined', decidedAt: new Date() })
    .where(
      and(
        eq(tables.helpLoans.tenantId, input.partnershipId),
        eq(tables.helpLoans.requestId, input.requestId),
        eq(tables.helpLoans.status, 'offered'),
      ),
    );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'help_request.withdrawn',
      targetType: 'HelpRequest',
      targetId: input.requestId,
      before,
      after,
    },
  ]);
  return { before, after };
}
