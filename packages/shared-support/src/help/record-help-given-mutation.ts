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

const RecordHelpGivenInput = builder.inputType('RecordHelpGivenInput', {
  description: 'The days a lent person actually gave your organisation.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    loanId: t.id({ required: true, description: 'The accepted loan (a HelpLoan global id).' }),
    daysGiven: t.int({ required: true, description: 'Whole days given, at most the length of the loan.' }),
  }),
});

builder.mutationField('recordHelpGiven', (t) =>
  t.field({
    type: HelpLoanPayload,
    description: 'The asking member: record the time given on an accepted loan; both statements then show its value.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RecordHelpGivenInput, required: true, description: 'The time given.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Recording time given');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const loanId = idOf(String(input.loanId), 'HelpLoan', 'input.loanId');
      const { before, after } = await recordTimeGiven(tx, {
        partnershipId,
        memberId: actor.organisationId,
        loanId,
        daysGiven: input.daysGiven,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'help_loan.time_recorded',
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

