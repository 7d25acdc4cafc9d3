import {
  CORE_ERRORS,
  ConflictError,
  ForbiddenError,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { and, eq, isNull } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import type { ServiceRequestRow } from './raise-service-request.ts';
import { recordRequestAudit } from './record-request-audit.ts';

async function visibleRequest(tx: PlatformTransaction, requestId: string): Promise<ServiceRequestRow> {
  const request = await tx.query.serviceRequests.findFirst({ where: { id: requestId } });
  if (!request) throw new NotFoundError('No request you may see has this id');
  return request;
}

/** Gives a request to a service agent (or takes it back when `agent` is null), audited. */
export async function assignServiceRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { requestId: string; agent: string | null },
): Promise<ServiceRequestRow> {
  const request = await visibleRequest(tx, input.requestId);
  if (request.status === 'closed' || request.status === 'cancelled') {
    throw new ValidationError(
      `A ${request.status} request cannot be assigned`,
      'input.requestId',
      CORE_ERRORS.INVALID_TRANSITION,
    );
  }
  const agent = input.agent?.trim() || null;
  const [updated] = await tx
    .update(tables.serviceRequests)
    .set({ assignedAgent: agent })
    .where(and(eq(tables.serviceRequests.tenantId, request.tenantId), eq(tables.serviceRequests.id, request.id)))
    .returning();
  if (!updated) throw new NotFoundError('No request you may see has this id');
  await recordRequestAudit(tx, caller, {
    organisationId: request.tenantId,
    action: 'service_request.assigned',
    targetId: request.id,
    before: { assignedAgent: request.assignedAgent },
    after: { assignedAgent: agent },
  });
  return updated;
}

/**
 * The customer's satisfaction, once, after resolution: 1 (very poor) to 5 (excellent). Only the
 * customer rates: the partnership sees its customers' requests too, and must not score itself.
 */
export async function rateServiceRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { requestId: string; score: number },
): Promise<ServiceRequestRow> {
  const raterOrganisationId = caller.actor.platformScope ? null : caller.actor.organisationId;
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new ValidationError('The score is a whole number from 1 to 5', 'input.score');
  }
  const request = await visibleRequest(tx, input.requestId);
  if (raterOrganisationId !== null && raterOrganisationId !== request.tenantId) {
    throw new ForbiddenError(
      'Only the organisation that raised a request may rate it',
      SERVICE_ERRORS.NOT_REQUESTING_ORGANISATION,
    );
  }
  if (request.status !== 'resolved' && request.status !== 'closed') {
    throw new ValidationError(
      'A request is rated after it is resolved',
      'input.requestId',
      CORE_ERRORS.INVALID_TRANSITION,
    );
  }
  const [updated] = await tx
    .update(tables.serviceRequests)
    .set({ satisfactionScore: input.score })
    .where(
      and(
        eq(tables.serviceRequests.tenantId, request.tenantId),
        eq(tables.serviceRequests.id, request.id),
        isNull(tables.serviceRequests.satisfactionScore),
      ),
    )
    .returning();
  if (!updated) throw new ConflictError('This request has already been rated', SERVICE_ERRORS.REQUEST_ALREADY_RATED);
  await recordRequestAudit(tx, caller, {
    organisationId: request.tenantId,
    action: 'service_request.rated',
    targetId: request.id,
    after: { satisfactionScore: input.score },
  });
  return updated;
}

/** Adds a comment to a request's conversation (append-only), audited. */
export async function commentOnServiceRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { requestId: string; body: string },
) {
  const body = input.body.trim();
  if (body === '' || body.length > 10_000)
    throw new ValidationError('A comment is 1 to 10,000 characters', 'input.body');
  const request = await visibleRequest(tx, input.requestId);
  const [comment] = await tx
    .insert(tables.serviceRequestComments)
    .values({ tenantId: request.tenantId, requestId: request.id, author: caller.actor.principal.subject, body })
    .returning();
  if (!comment) throw new Error('The comment was not written');
  await recordRequestAudit(tx, caller, {
    organisationId: request.tenantId,
    action: 'service_request.commented',
    targetType: 'service_request_comment',
    targetId: comment.id,
    after: { requestId: request.id },
  });
  return comment;
}
