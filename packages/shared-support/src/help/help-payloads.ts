import type { PlatformTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { HelpLoanRef } from './help-loan-type.ts';
import { HelpRequestRef } from './help-request-type.ts';
import { type HelpRequestView, type LoanView, loadHelpRequest, loadLoan } from './help-views.ts';

export const HelpRequestPayload = builder.objectRef<{ request: HelpRequestView }>('HelpRequestPayload').implement({
  description: 'The request for help.',
  fields: (t) => ({
    request: t.field({ type: HelpRequestRef, description: 'The request.', resolve: (p) => p.request }),
  }),
});

export const HelpLoanPayload = builder.objectRef<{ loan: LoanView }>('HelpLoanPayload').implement({
  description: 'The loan after the change.',
  fields: (t) => ({ loan: t.field({ type: HelpLoanRef, description: 'The loan.', resolve: (p) => p.loan }) }),
});

/** A request as its payload shows it, read after the write. */
export async function helpRequestPayload(tx: PlatformTransaction, partnershipId: string, requestId: string) {
  const request = await loadHelpRequest(tx, partnershipId, requestId);
  if (!request) throw new Error('The request was not found after writing it');
  return { request };
}

/** A loan as its payload shows it, read after the write. */
export async function helpLoanPayload(tx: PlatformTransaction, partnershipId: string, loanId: string) {
  const loan = await loadLoan(tx, partnershipId, loanId);
  if (!loan) throw new Error('The loan was not found after writing it');
  return { loan };
}
