import { type PlatformTransaction, type RequestContext, requestActor, requestTransaction } from '@ssp/core';
import { readablePartnerships } from './partnership-context.ts';
import { recordSharedReads } from './shared-reads.ts';

/**
 * Loads partnership-shared objects by id for the `node` and `nodes` fields: only from the
 * partnerships the caller may read (its opted-in agreements, or its own), each id answered in
 * order, null when it is not visible; and every cross-member read recorded as the lists do.
 * Whether the caller's roles may read the type at all is its read rule, which `node` checks
 * before it loads anything.
 */
export async function findSharedNodes<T extends { id: string; partnershipId: string }>(
  context: RequestContext,
  ids: readonly string[],
  load: (tx: PlatformTransaction, partnershipIds: string[], ids: string[]) => Promise<T[]>,
  what: string,
  membersRead: (row: T) => string[],
): Promise<(T | null)[]> {
  const actor = requestActor(context);
  if (actor.platformScope) return ids.map(() => null);
  const tx = requestTransaction(context);
  const partnerships = await readablePartnerships(tx, actor.organisationId);
  const rows = await load(tx, partnerships, [...ids]);
  for (const partnershipId of new Set(rows.map((row) => row.partnershipId))) {
    await recordSharedReads(
      context,
      partnershipId,
      what,
      rows
        .filter((row) => row.partnershipId === partnershipId)
        .flatMap((row) => membersRead(row).map((memberOrganisationId) => ({ memberOrganisationId, ids: [row.id] }))),
    );
  }
  return ids.map((id) => rows.find((row) => row.id === id) ?? null);
}
