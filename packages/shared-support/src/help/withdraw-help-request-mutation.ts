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

const WithdrawHelpRequestInput = builder.inputType('WithdrawHelpRequestInput', {
  description: 'An open request of your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    requestId: t.id({ required: true, description: 'The request (a HelpRequest global id).' }),
  }),
});

builder.mutationField('withdrawHelpRequest', (t) =>
  t.field({
    type: HelpRequestPayload,
    description: 'The asking member: withdraw an open request; offers still waiting on it are declined.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: WithdrawHelpRequestInput, required: true, description: 'The request.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Withdrawing a request for help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const requestId = idOf(String(input.requestId), 'HelpRequest', 'input.requestId');
      const { before, after } = await withdrawHelpRequest(tx, {
        partnershipId,
        memberId: actor.organisationId,
        requestId,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'help_request.withdrawn',
          targetType: 'HelpRequest',
          targetId: requestId,
          before,
          after,
        },
      ]);
      const view = await loadHelpRequest(tx, partnershipId, requestId);
      if (!view) throw new Error('The request was not found after writing it');
      return { request: view };
    },
  }),
);

