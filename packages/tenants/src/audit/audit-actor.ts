import { type RequestContext, requestActor } from '@ssp/core';
import type { AuditActor } from './record-audit-event.ts';

/** The audit trail's "who" for the current request. */
export function auditActor(context: RequestContext): AuditActor {
  const actor = requestActor(context);
  return { requestId: context.requestId, subject: actor.principal.subject, organisationId: actor.organisationId };
}
