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

const DecideHelpOfferInput = builder.inputType('DecideHelpOfferInput', {
  description: 'An offer made to your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    loanId: t.id({ required: true, description: 'The offer (a HelpLoan global id).' }),
  }),
});

for (const [name, accept] of [
  ['acceptHelpOffer', true],
  ['declineHelpOffer', false],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: HelpLoanPayload,
      description: accept
        ? 'The asking member: accept an offer; the loan is priced at the partnership day rate.'
        : 'The asking member: decline an offer.',
      authScopes: { authenticated: true },
      errors: { types: errors, directResult: true },
      args: { input: t.arg({ type: DecideHelpOfferInput, required: true, description: 'The offer.' }) },
      resolve: async (_root, { input }, context) => {
        const actor = requireSupportRole(context, accept ? 'Accepting an offer' : 'Declining an offer');
        const tx = requestTransaction(context);
        const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
        await requireSharedPartnership(tx, partnershipId);
        const loanId = idOf(String(input.loanId), 'HelpLoan', 'input.loanId');
        const { before, after } = await decideHelpOffer(tx, {
          partnershipId,
          memberId: actor.organisationId,
          loanId,
          accept,
        });
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: accept ? 'help_loan.accepted' : 'help_loan.declined',
            targetType: 'HelpLoan',
            targetId: loanId,
            before,
            after,
          },
        ]);
        return { loan: await loanView(context, partnershipId, loanId) };
      },
    }),
  );
}

