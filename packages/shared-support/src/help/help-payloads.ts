import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  ConflictError,
  checkedPageSize,
  describedEnumValues,
  ForbiddenError,
  mayReadRow,
  money,
  NotFoundError,
  type RequestContext,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { globalIdOf, idOf } from '../common/global-ids.ts';
import { loadSharedNodes } from '../common/load-nodes.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  type HelpRequestView,
  type LoanView,
  loadHelpRequest,
  loadHelpRequests,
  loadHelpRequestsById,
  loadLoan,
  loadLoansById,
  loadMemberLoans,
} from './load-help.ts';
import { decideHelpOffer, offerHelp, recordTimeGiven, requestHelp, withdrawHelpRequest } from './manage-help.ts';

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

const HelpRequestPayload = builder.objectRef<{ request: HelpRequestView }>('HelpRequestPayload').implement({
  description: 'The request for help.',
  fields: (t) => ({
    request: t.field({ type: HelpRequestRef, description: 'The request.', resolve: (p) => p.request }),
  }),
});

const HelpLoanPayload = builder.objectRef<{ loan: LoanView }>('HelpLoanPayload').implement({
  description: 'The loan after the change.',
  fields: (t) => ({ loan: t.field({ type: HelpLoanRef, description: 'The loan.', resolve: (p) => p.loan }) }),
});

async function loanView(context: RequestContext, partnershipId: string, loanId: string) {
  const loan = await loadLoan(requestTransaction(context), partnershipId, loanId);
  if (!loan) throw new Error('The loan was not found after writing it');
  return loan;
}

