import type { Actor, PlatformDatabase, Principal } from '@ssp/core';
import type { SQL } from 'drizzle-orm';
import { decideActor, requestCaller } from './confirm-actor.ts';

/** A read planned for the actor a token presumes: its statements, and its answer from their rows. */
export interface PlannedRead<T> {
  reads: SQL[];
  answer: (actor: Actor, rows: Record<string, unknown>[][]) => Promise<T>;
}

/**
 * The actor a token presumes before the database has confirmed it: the roles it claims, and its
 * own organisation alone. Null when the token cannot say (roles decided by a membership row) or
 * when it claims platform admin: the partnership-wide path sees every tenant whatever the set-up
 * finds, so nothing may be read on it before the caller is confirmed (`runAsActor` takes it).
 */
function presumedActor(principal: Principal): Actor | null {
  const roles = principal.claimedRoles;
  if (!roles || roles.includes('platform_admin')) return null;
  return { principal, organisationId: principal.organisationId, roles, visibleTenantCount: 1, platformScope: false };
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role, index) => role === b[index]);

/**
 * A read-only request in one round trip: its statements are planned for the actor the token
 * presumes, sent with BEGIN, the set-up and COMMIT, and their rows are used only when the
 * database confirms that very actor (its roles, nothing delegated to it). A refused caller is
 * refused as `runAsActor` refuses it (AuthenticationError); the database left its context empty,
 * so its reads saw no tenant's rows, and they are dropped unread. Null when
 * no read was planned or the confirmed actor is another one (then run the request with
 * `runAsActor`; what the first transaction read is dropped, and it wrote nothing).
 */
export async function readAsActor<T>(
  database: PlatformDatabase,
  principal: Principal,
  plan: (presumed: Actor) => PlannedRead<T> | null,
): Promise<{ answer: T } | null> {
  const presumed = presumedActor(principal);
  const planned = presumed && plan(presumed);
  if (!presumed || !planned) return null;
  const { setUp, rows } = await database.readInRequestTransaction(requestCaller(principal), planned.reads);
  // A token that presumes roles accepts no invitation (acceptsInvitation): nothing to write.
  const actor = decideActor(principal, setUp);
  if (actor.platformScope || actor.visibleTenantCount !== presumed.visibleTenantCount) return null;
  if (!sameRoles(actor.roles, presumed.roles)) return null;
  return { answer: await planned.answer(actor, rows) };
}
