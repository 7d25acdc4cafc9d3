import type { RequestContext } from '@ssp/core';
import { requestActor, requestTransaction } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';

export interface SharedRead {
  /** The member whose shared rows were read. */
  memberOrganisationId: string;
  /** The rows read (people, shifts, loans...). */
  ids: string[];
}

/**
 * Records every read of another member's shared rows twice, in two statements however many rows
 * (sent together):
 * an event per member read in the reader's audit trail, and a receipt per member read that the
 * member itself can see (kept by the partnership). Reads of the reader's own rows are not
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
  if (byMember.size === 0) return;
  const tx = requestTransaction(context);
  const actor = auditActor(context);
  // The member whose rows were read sees the receipt; the reader's own trail holds the event.
  // Independent rows: both inserts are sent together, one round trip on a server.
  await Promise.all([
    tx.insert(tables.sharedReadReceipts).values(
      [...byMember].map(([memberOrganisationId, ids]) => ({
        tenantId: partnershipId,
        readerOrganisationId: reader,
        memberOrganisationId,
        what,
        rowIds: [...ids].sort(),
        requestId: actor.requestId,
        actorSubject: actor.subject,
      })),
    ),
    recordAuditEvents(
      tx,
      actor,
      [...byMember].map(([memberOrganisationId, ids]) => ({
        organisationId: reader,
        action: `${what}.read`,
        targetType: 'SharedMember',
        targetId: memberOrganisationId,
        after: { partnershipId, ids: [...ids].sort() },
      })),
    ),
  ]);
}
