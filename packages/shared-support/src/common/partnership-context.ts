import { NotFoundError, type PlatformTransaction, queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';

// One answer per transaction (a mutation's savepoint is a transaction of its own here, so a
// rolled-back savepoint, which also undoes its SET LOCAL, never leaves a stale answer behind).
const known = new WeakMap<PlatformTransaction, Promise<string[]>>();

/**
 * Asks the database to set which partnerships' shared rows this transaction may read, and returns
 * them. The database decides, from the visible tenants' own opted-in sharing agreements; the
 * application passes nothing. One statement.
 */
export function refreshPartnershipContext(tx: PlatformTransaction): Promise<string[]> {
  const ids = queryRows<{ ids: string | null }>(
    tx,
    sql`select array_to_string(app.set_partnership_context(), ',') as ids`,
  ).then(([row]) => (row?.ids ? row.ids.split(',') : []));
  known.set(tx, ids);
  return ids;
}

/** The partnerships this transaction may read shared rows of, set once per transaction. */
export function partnershipContext(tx: PlatformTransaction): Promise<string[]> {
  return known.get(tx) ?? refreshPartnershipContext(tx);
}

/**
 * Sets the partnership context and insists the given partnership is in it: the caller's
 * organisation belongs to it and has opted in. Otherwise the partnership is, to this caller, not
 * there at all (the same answer an outsider gets).
 */
export async function requireSharedPartnership(tx: PlatformTransaction, partnershipId: string): Promise<void> {
  const ids = await partnershipContext(tx);
  if (!ids.includes(partnershipId)) {
    throw new NotFoundError('No partnership whose shared support you have opted into has this id');
  }
}

/**
 * The partnerships whose shared rows this request may read: those its organisation has opted
 * into, and its own when it is itself a partnership (its own tenant's rows). For loading objects
 * by id (the `node` field), where the partnership is not named.
 */
export async function readablePartnerships(tx: PlatformTransaction, organisationId: string): Promise<string[]> {
  const ids = await partnershipContext(tx);
  return ids.includes(organisationId) ? ids : [...ids, organisationId];
}

/** A uuid[] parameter for `= any (...)`: the ids travel as one bound text value. */
export function uuidArray(ids: readonly string[]) {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}
