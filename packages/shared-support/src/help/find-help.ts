import { NotFoundError, type PlatformTransaction } from '@ssp/core';
import type * as tables from '@ssp/shared-support-tables';
import { requireSharedPartnership } from '../common/partnership-context.ts';

export type HelpRequestRow = typeof tables.helpRequests.$inferSelect;
export type HelpLoanRow = typeof tables.helpLoans.$inferSelect;

/** A request for help of the partnership the caller may see. */
export async function findRequest(tx: PlatformTransaction, partnershipId: string, requestId: string) {
  const request = await tx.query.helpRequests.findFirst({ where: { tenantId: partnershipId, id: requestId } });
  if (!request) throw new NotFoundError('No request for help you may see has this id');
  return request;
}

/** An offer made to the caller's organisation. */
export async function findOwnOffer(tx: PlatformTransaction, partnershipId: string, memberId: string, loanId: string) {
  await requireSharedPartnership(tx, partnershipId);
  const loan = await tx.query.helpLoans.findFirst({ where: { tenantId: partnershipId, id: loanId } });
  if (!loan || loan.requestingMemberId !== memberId) {
    throw new NotFoundError('No offer made to your organisation has this id');
  }
  return loan;
}
