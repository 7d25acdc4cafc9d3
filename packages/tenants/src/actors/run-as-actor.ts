import {
  type Actor,
  AuthenticationError,
  type PlatformDatabase,
  type PlatformTransaction,
  type Principal,
  setTenantContext,
} from '@ssp/core';
import { confirmActor } from './confirm-actor.ts';

/**
 * Runs one request's work in one transaction as the token's principal. Tenant callers run under
 * the runtime role seeing their own organisation, then also the ones delegated to them; platform
 * admins run on the audited partnership-wide path. Either way the confirmation is the first
 * statement of the same transaction, so nothing can change between the check and the work.
 */
export function runAsActor<T>(
  database: PlatformDatabase,
  principal: Principal,
  work: (tx: PlatformTransaction, actor: Actor) => Promise<T>,
): Promise<T> {
  if (principal.claimedRoles?.includes('platform_admin')) {
    return database.inPlatformTransaction(
      { actor: principal.subject, reason: 'platform admin request' },
      async (tx) => {
        const actor = await confirmActor(tx, principal);
        // The token chose this path; the database decides whether it may stay on it. A client whose
        // platform admin role was withdrawn must not keep seeing every tenant until its token expires.
        if (!actor.platformScope) {
          throw new AuthenticationError('the platform admin role is no longer held; request a new token');
        }
        return work(tx, actor);
      },
    );
  }
  return database.inTenantTransaction([principal.organisationId], async (tx) => {
    // Platform scope is granted only on the platform path, chosen from our own token's claims;
    // a platform admin role found on this path (an external identity provider) does not widen it.
    const actor = { ...(await confirmActor(tx, principal)), platformScope: false };
    if (actor.visibleTenantIds.length > 1) await setTenantContext(tx, actor.visibleTenantIds);
    return work(tx, actor);
  });
}
