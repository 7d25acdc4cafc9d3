import { ConflictError, type MutationCaller, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, sql } from 'drizzle-orm';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { findOwnOffer, type HelpLoanRow } from './find-help.ts';

/**
 * The asking member accepts or declines an offer. Accepting prices the loan at the partnership's
 * agreed day rate (fixed now, so a later change of rate does not rewrite it) and marks the
 * request filled once the accepted days cover what it needs.
 */
export async function decideHelpOffer(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; loanId: string; accept: boolean },
): Promise<{ before: HelpLoanRow; after: HelpLoanRow }> {
  const memberId = caller.actor.organisationId;
  const before = await findOwnOffer(tx, input.partnershipId, memberId, input.loanId);
  if (before.status !== 'offered')
    throw new ConflictError(`The offer was already ${before.status}`, SHARED_SUPPORT_ERRORS.HELP_OFFER_ALREADY_DECIDED);
  let dayRatePence: number | null = null;
  if (input.accept) {
    const programme = await tx.query.sharedSupportProgrammes.findFirst({ where: { tenantId: input.partnershipId } });
    if (!programme?.dayRatePence) {
      throw new ValidationError(
        'The partnership has not agreed a day rate yet; loans cannot be priced',
        'input.loanId',
      );
    }
    dayRatePence = programme.dayRatePence;
  }
  const [after] = await tx
    .update(tables.helpLoans)
    .set({ status: input.accept ? 'accepted' : 'declined', dayRatePence, decidedAt: new Date() })
    .where(and(eq(tables.helpLoans.tenantId, input.partnershipId), eq(tables.helpLoans.id, input.loanId)))
    .returning();
  if (!after) throw new Error('The offer was not updated');
  if (input.accept) {
    await tx.execute(sql`
      update help_requests r set status = 'filled'
       where r.tenant_id = ${input.partnershipId} and r.id = ${after.requestId} and r.status = 'open'
         and r.days_needed <= (select coalesce(sum(l.days_offered), 0) from help_loans l
                                where l.tenant_id = r.tenant_id and l.request_id = r.id and l.status = 'accepted')`);
  }
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: input.accept ? 'help_loan.accepted' : 'help_loan.declined',
      targetType: 'HelpLoan',
      targetId: input.loanId,
      before,
      after,
    },
  ]);
  return { before, after };
}
