import type { Actor, PlatformDatabase, PlatformTransaction, PlatformWorkPurpose, Principal } from '@ssp/core';
import { actorFromSetUp, confirmActor, platformRoleWithdrawn, requestCaller } from './confirm-actor.ts';

/** How the partnership-wide path records a platform admin's request. */
export function platformRequestPurpose(principal: Principal): PlatformWorkPurpose {
  return { actor: principal.subject, reason: 'platform admin request' };
}

/**
 * Runs one request's work in one transaction as the token's principal. Tenant callers run under
 * the runtime role in the transaction core opens for requests, whose first statement (sent with
 * BEGIN) confirms them and sets the final tenant context once: their own organisation and those
 * delegated to it. Platform admins run on the audited partnership-wide path, confirmed by the
 * same first statement. Either way nothing can change between the check and the work.
 */
export function runAsActor<T>(
  database: PlatformDatabase,
  principal: Principal,
  work: (tx: PlatformTransaction, actor: Actor) => Promise<T>,
): Promise<T> {
  if (principal.claimedRoles?.includes('platform_admin')) {
    return database.inPlatformTransaction(platformRequestPurpose(principal), async (tx) => {
      const actor = await confirmActor(tx, principal);
      // The token chose this path; the database decides whether it may stay on it. A client whose
      // platform admin role was withdrawn must not keep seeing every tenant until its token expires.
      if (!actor.platformScope) throw platformRoleWithdrawn();
      return work(tx, actor);
    });
  }
  return database.inRequestTransaction(requestCaller(principal), async (tx, setUp) => {
    // Platform scope is granted only on the platform path, chosen from our own token's claims;
    // a platform admin role found on this path (an external identity provider) does not widen it.
    const actor = { ...(await actorFromSetUp(tx, principal, setUp)), platformScope: false };
    return work(tx, actor);
  });
}
