import type { Actor, PlatformDatabase, Principal } from '@ssp/core';
import type { SQL } from 'drizzle-orm';
import { decideActor, platformRoleWithdrawn, requestCaller } from './confirm-actor.ts';
import { platformRequestPurpose } from './run-as-actor.ts';

/** A read planned for the actor a token presumes: its statements, and its answer from their rows. */
export interface PlannedRead<T> {
  reads: SQL[];
  answer: (actor: Actor, rows: Record<string, unknown>[][]) => Promise<T>;
}

/**
 * How many tenants each database last confirmed an organisation's callers see (itself and what
 * is delegated to it), so that the next read is planned for that context: planned for the
 * organisation alone, a widened caller's read would be discarded and sent again. Only a guess:
 * the database still decides every request, and a guess it does not confirm costs that request
 * one more round trip (`readAsActor` then asks the ordinary way). Kept per database (its rows
 * decide), bounded; forgetting an organisation only costs that round trip again.
 */
const lastVisibleTenantCounts = new WeakMap<PlatformDatabase, Map<string, number>>();
const REMEMBERED_ORGANISATIONS = 10_000;

function visibleTenantsOf(database: PlatformDatabase): Map<string, number> {
  let counts = lastVisibleTenantCounts.get(database);
  if (!counts) {
    counts = new Map();
    lastVisibleTenantCounts.set(database, counts);
  }
  return counts;
}

function rememberVisibleTenants(database: PlatformDatabase, organisationId: string, count: number): void {
  const counts = visibleTenantsOf(database);
  if (counts.size >= REMEMBERED_ORGANISATIONS && !counts.has(organisationId)) counts.clear();
  if (count === 1) counts.delete(organisationId);
  else counts.set(organisationId, count);
}

/**
 * The actor a token presumes before the database has confirmed it: the roles it claims, and the
 * tenants its organisation's callers were last confirmed to see (its own alone until then), or,
 * claiming platform admin, the partnership-wide path as `runAsActor` takes it. Null when the
 * token cannot say (roles decided by a membership row).
 */
function presumedActor(database: PlatformDatabase, principal: Principal): Actor | null {
  const roles = principal.claimedRoles;
  if (!roles) return null;
  const platformScope = roles.includes('platform_admin');
  const visibleTenantCount = platformScope ? 1 : (visibleTenantsOf(database).get(principal.organisationId) ?? 1);
  return { principal, organisationId: principal.organisationId, roles, visibleTenantCount, platformScope };
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role, index) => role === b[index]);

/**
 * A read-only request in one round trip: its statements are planned for the actor the token
 * presumes, sent with BEGIN, the set-up and COMMIT, and their rows are used only when the
 * database confirms that very actor (its roles, nothing delegated to it). A caller the database
 * does not confirm has none of the reads run (`app.begin_read_ahead` aborts the transaction). Null
 * when no read was planned, the database refused the caller, or the confirmed actor is another one:
 * then run the request with `runAsActor`, which refuses a refused caller with its reason (what the
 * first transaction read is dropped, and it wrote nothing).
 */
export async function readAsActor<T>(
  database: PlatformDatabase,
  principal: Principal,
  plan: (presumed: Actor) => PlannedRead<T> | null,
): Promise<{ answer: T } | null> {
  const presumed = presumedActor(database, principal);
  const planned = presumed && plan(presumed);
  if (!presumed || !planned) return null;
  const read = await database.readInRequestTransaction(
    requestCaller(principal),
    planned.reads,
    presumed.platformScope ? platformRequestPurpose(principal) : undefined,
  );
  // The database did not confirm the caller and ran none of the reads: ask the ordinary way,
  // which refuses it with the reason.
  if (!read) return null;
  // A token that presumes roles accepts no invitation (acceptsInvitation): nothing to write.
  const actor = decideActor(principal, read.setUp);
  if (!actor.platformScope) rememberVisibleTenants(database, actor.organisationId, actor.visibleTenantCount);
  if (presumed.platformScope) {
    // As runAsActor: the token chose the path, the database decides whether it may stay on it.
    if (!actor.platformScope) throw platformRoleWithdrawn();
  } else if (actor.platformScope || actor.visibleTenantCount !== presumed.visibleTenantCount) {
    return null;
  }
  if (!sameRoles(actor.roles, presumed.roles)) return null;
  return { answer: await planned.answer(actor, read.rows) };
}
