import type { MutationCaller, PlatformTransaction } from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';

/**
 * Records one change to a service request (or to something of it, a comment) in the requesting
 * organisation's audit trail, in the transaction that makes the change: whoever made it, the
 * customer sees it in its own trail.
 */
export function recordRequestAudit(
  tx: PlatformTransaction,
  caller: MutationCaller,
  change: {
    organisationId: string;
    action: `service_request.${string}`;
    targetId: string;
    targetType?: 'service_request' | 'service_request_comment';
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  const { targetType = 'service_request', ...rest } = change;
  return recordAuditEvents(tx, auditActor(caller), [{ ...rest, targetType }]);
}
