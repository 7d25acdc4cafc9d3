import { ConflictError, type MutationCaller, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { daysInclusive } from '../common/dates.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { findOwnOffer, type HelpLoanRow } from './find-help.ts';

/** The asking member records the days the lent person actually gave (at most the loan's length). */
export async function recordTimeGiven(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; loanId: string; daysGiven: number },
): Promise<{ before: HelpLoanRow; after: HelpLoanRow }> {
  const memberId = caller.actor.organisationId;
  const before = await findOwnOffer(tx, input.partnershipId, memberId, input.loanId);
  if (before.status !== 'accepted')
    throw new ConflictError(
      'Time is recorded only against an accepted offer',
      SHARED_SUPPORT_ERRORS.HELP_OFFER_NOT_ACCEPTED,
    );
  if (!Number.isInteger(input.daysGiven) || input.daysGiven < 0) {
    throw new ValidationError('Days given are a whole number, zero or more', 'input.daysGiven');
  }
  if (input.daysGiven > daysInclusive(before.startsOn, before.endsOn)) {
    throw new ValidationError(
      `More days are recorded than the loan lasted (${before.startsOn} to ${before.endsOn})`,
      'input.daysGiven',
    );
  }
  const [after] = await tx
    .update(tables.helpLoans)
    .set({ daysGiven: input.daysGiven, givenRecordedAt: new Date() })
    .where(and(eq(tables.helpLoans.tenantId, input.partnershipId), eq(tables.helpLoans.id, input.loanId)))
    .returning();
  if (!after) throw new Error('The loan was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'help_loan.time_recorded',
      targetType: 'HelpLoan',
      targetId: input.loanId,
      before,
      after,
    },
  ]);
  return { before, after };
}
