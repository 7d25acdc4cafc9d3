import { type Actor, unauthenticatedError } from '@ssp/core';
import type { AuditActor } from './record-audit-event.ts';

/**
 * The audit trail's "who": from a service's `MutationCaller` or from a request context (both
 * carry the request id and the confirmed actor).
 */
export function auditActor(source: { requestId: string; actor: Actor | null }): AuditActor {
  if (!source.actor) throw unauthenticatedError();
  const { actor } = source;
  return { requestId: source.requestId, subject: actor.principal.subject, organisationId: actor.organisationId };
}
