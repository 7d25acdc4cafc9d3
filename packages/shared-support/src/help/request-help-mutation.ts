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

const RequestHelpInput = builder.inputType('RequestHelpInput', {
  description: 'Help your organisation needs from the partnership.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    skillCode: t.string({ required: true, description: 'The skill needed, from the taxonomy.' }),
    minimumLevel: t.int({ required: true, description: 'The lowest level that will do (1 to 4).' }),
    startsOn: t.string({ required: true, description: 'First day of the period (YYYY-MM-DD).' }),
    endsOn: t.string({ required: true, description: 'Last day of the period (YYYY-MM-DD).' }),
    daysNeeded: t.int({ required: true, description: 'Days of help needed within the period.' }),
    description: t.string({ required: true, description: 'What the help is for.' }),
    agencyDayRate: t.string({
      required: true,
      description: 'What an agency would charge per day, in pounds as a decimal string, e.g. "450.00".',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this request: the same key returns the same request.',
    }),
  }),
});

builder.mutationField('requestHelp', (t) =>
  t.field({
    type: HelpRequestPayload,
    description: 'Tenant admins and service agents of an opted-in member: ask the partnership for help with a skill.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RequestHelpInput, required: true, description: 'The request.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Asking for help');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const { request, replayed } = await requestHelp(tx, {
        partnershipId,
        memberId: actor.organisationId,
        skillCode: input.skillCode,
        minimumLevel: input.minimumLevel,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        daysNeeded: input.daysNeeded,
        description: input.description,
        agencyDayRate: input.agencyDayRate,
        idempotencyKey: input.idempotencyKey,
        requestedBy: actor.principal.subject,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'help_request.created',
            targetType: 'HelpRequest',
            targetId: request.id,
            after: request,
          },
        ]);
      }
      const view = await loadHelpRequest(tx, partnershipId, request.id);
      if (!view) throw new Error('The request was not found after writing it');
      return { request: view };
    },
  }),
);

