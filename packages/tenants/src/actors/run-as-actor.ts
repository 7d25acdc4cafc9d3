import {
  type Actor,
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
    return database.inPlatformTransaction({ actor: principal.subject, reason: 'platform admin request' }, async (tx) =>
      work(tx, await confirmActor(tx, principal)),
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
