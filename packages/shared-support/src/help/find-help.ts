import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as hashOf,
  insertOnce,
  type MutationCaller,
  money,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, sql } from 'drizzle-orm';
import { daysInclusive, isoDate } from '../common/dates.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';

export type HelpRequestRow = typeof tables.helpRequests.$inferSelect;
export type HelpLoanRow = typeof tables.helpLoans.$inferSelect;


async function findRequest(tx: PlatformTransaction, partnershipId: string, requestId: string) {
  const request = await tx.query.helpRequests.findFirst({ where: { tenantId: partnershipId, id: requestId } });
  if (!request) throw new NotFoundError('No request for help you may see has this id');
  return request;
}


async function findOwnOffer(tx: PlatformTransaction, partnershipId: string, memberId: string, loanId: string) {
  await requireSharedPartnership(tx, partnershipId);
  const loan = await tx.query.helpLoans.findFirst({ where: { tenantId: partnershipId, id: loanId } });
  if (!loan || loan.requestingMemberId !== memberId) {
    throw new NotFoundError('No offer made to your organisation has this id');
  }
  return loan;
}

