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
import { and, eq } from 'drizzle-orm';
import type { ServiceRequestRow } from './raise-service-request.ts';
import { recordRequestAudit } from './record-request-audit.ts';
import { isAllowedTransition, mayMove, type RequestStatus, reasonRequired } from './request-status-rules.ts';

export interface ChangeStatusInput {
  requestId: string;
  to: RequestStatus;
  reason: string | null;
  /** Required when resolving: was it resolved at the first point of contact? */
  firstContactResolution: boolean | null;
  now: Date;
}

/**
 * Moves a request along its lifecycle (as the caller's roles allow), appends the move to its
 * history and records it in the request's audit trail. The update is conditional on the status
 * read, so two agents acting at once cannot both move it.
 */
export async function changeServiceRequestStatus(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: ChangeStatusInput,
): Promise<ServiceRequestRow> {
  const { actor } = caller;
  const roles = actor.platformScope ? (['platform_admin'] as const) : actor.roles;
  const request = await tx.query.serviceRequests.findFirst({ where: { id: input.requestId } });
  if (!request) throw new NotFoundError('No request you may see has this id');
  if (!isAllowedTransition(request.status, input.to)) {
    throw new ValidationError(
      `A ${request.status} request cannot become ${input.to}`,
      'input.status',
      CORE_ERRORS.INVALID_TRANSITION,
    );
  }
  const ownOrganisation = !actor.platformScope && actor.organisationId === request.tenantId;
  if (!mayMove({ roles, ownOrganisation }, request.status, input.to)) {
    throw new ForbiddenError(
      `Your roles do not allow moving a ${request.status} request to ${input.to}`,
      CORE_ERRORS.ROLE_REQUIRED,
    );
  }
  const reason = input.reason?.trim() || null;
  if (reasonRequired(input.to) && !reason)
    throw new ValidationError(`Say why the request is ${input.to}`, 'input.reason');
  if (input.to === 'resolved' && input.firstContactResolution === null) {
    throw new ValidationError(
      'Say whether it was resolved at the first point of contact',
      'input.firstContactResolution',
    );
  }
  if (input.to !== 'resolved' && input.firstContactResolution !== null) {
    throw new ValidationError('firstContactResolution is given only when resolving', 'input.firstContactResolution');
  }

  const [updated] = await tx
    .update(tables.serviceRequests)
    .set({
      status: input.to,
      ...(input.to === 'resolved' ? { firstContactResolution: input.firstContactResolution } : {}),
      ...(request.status === 'new' ? { firstRespondedAt: input.now } : {}),
    })
    .where(
      and(
        eq(tables.serviceRequests.tenantId, request.tenantId),
        eq(tables.serviceRequests.id, request.id),
        eq(tables.serviceRequests.status, request.status),
      ),
    )
    .returning();
  if (!updated)
    throw new ConflictError('The request changed meanwhile; read it again and retry', CORE_ERRORS.CHANGED_MEANWHILE);
  await tx.insert(tables.serviceRequestStatusChanges).values({
    tenantId: request.tenantId,
    requestId: request.id,
    status: input.to,
    reason,
    changedBy: actor.principal.subject,
    changedAt: input.now,
  });
  await recordRequestAudit(tx, caller, {
    organisationId: request.tenantId,
    action: 'service_request.status_changed',
    targetId: request.id,
    before: { status: request.status },
    after: { status: input.to, reason, firstContactResolution: updated.firstContactResolution },
  });
  return updated;
}
