import type { PlatformTransaction } from '@ssp/core';
import { type AuditActor, type AuditChange, recordAuditEvents } from '@ssp/tenants';

/**
 * Records a change to platform-wide reference data (the catalogue, the calendars) in the audit
 * trail of the platform admin's own organisation: the data belongs to no tenant, and the trail is
 * where the partnership reads what its admins did.
 */
export async function recordReferenceDataChange(
  tx: PlatformTransaction,
  audit: AuditActor,
  change: Omit<AuditChange, 'organisationId'>,
): Promise<void> {
  if (audit.organisationId === null) throw new Error('A reference-data change needs the acting organisation');
  await recordAuditEvents(tx, audit, [{ ...change, organisationId: audit.organisationId }]);
}
