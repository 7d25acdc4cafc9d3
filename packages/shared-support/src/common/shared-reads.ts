import type { RequestContext } from '@ssp/core';
import { requestActor, requestTransaction } from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';

export interface SharedRead {
  /** The member whose shared rows were read. */
  memberOrganisationId: string;
  /** The rows read (people, shifts, loans...). */
  ids: string[];
}

/**
 * Records in the reader's audit trail every read of another member's shared rows: one event per
 * member read, naming what was read, in one statement. Reads of the reader's own rows are not
 * cross-member and are not recorded.
 */
export async function recordSharedReads(
  context: RequestContext,
  partnershipId: string,
  what: string,
  reads: SharedRead[],
): Promise<void> {
  const reader = requestActor(context).organisationId;
  const byMember = new Map<string, Set<string>>();
  for (const read of reads) {
    if (read.memberOrganisationId === reader) continue;
    const ids = byMember.get(read.memberOrganisationId) ?? new Set<string>();
    for (const id of read.ids) ids.add(id);
    byMember.set(read.memberOrganisationId, ids);
  }
  await recordAuditEvents(
    requestTransaction(context),
    auditActor(context),
    [...byMember].map(([memberOrganisationId, ids]) => ({
      organisationId: reader,
      action: `${what}.read`,
      targetType: 'SharedMember',
      targetId: memberOrganisationId,
      after: { partnershipId, ids: [...ids].sort() },
    })),
  );
}
