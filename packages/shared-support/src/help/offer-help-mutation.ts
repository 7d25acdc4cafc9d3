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

const OfferHelpInput = builder.inputType('OfferHelpInput', {
  description: 'One of your people offered for part of the period asked for.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    requestId: t.id({ required: true, description: 'The request for help.' }),
    personId: t.id({ required: true, description: 'Your person (a SupportPerson or SharedPerson global id).' }),
    startsOn: t.string({
      required: true,
      description: 'First day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    endsOn: t.string({
      required: true,
      description: 'Last day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    daysOffered: t.int({ required: true, description: 'Days offered.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this offer: the same key returns the same offer.',
    }),
  }),
});

function personIdOf(globalId: string): string {
  try {
    return idOf(globalId, 'SupportPerson', 'input.personId');
  } catch {
    return idOf(globalId, 'SharedPerson', 'input.personId');
  }
}

builder.mutationField('offerHelp', (t) =>
  t.field({
    type: HelpLoanPayload,
    description:
      'Tenant admins and service agents of an opted-in member: offer one of your people to a member asking for help.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: OfferHelpInput, required: true, description: 'The offer.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Offering help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const { loan, replayed } = await offerHelp(tx, {
        partnershipId,
        memberId: actor.organisationId,
        requestId: idOf(String(input.requestId), 'HelpRequest', 'input.requestId'),
        personId: personIdOf(String(input.personId)),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        daysOffered: input.daysOffered,
        offeredBy: actor.principal.subject,
        idempotencyKey: input.idempotencyKey,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'help_loan.offered',
            targetType: 'HelpLoan',
            targetId: loan.id,
            after: loan,
          },
        ]);
      }
      return { loan: await loanView(context, partnershipId, loan.id) };
    },
  }),
);

