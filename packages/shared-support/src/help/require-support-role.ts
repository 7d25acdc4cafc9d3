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

function requireSupportRole(context: RequestContext, action: string) {
  const actor = requestActor(context);
  requireRole(actor, SUPPORT_ROLES, action);
  if (actor.platformScope)
    throw new ForbiddenError('Shared support is used by the members themselves', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
  return actor;
}

