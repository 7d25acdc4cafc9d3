import type { RequestContext } from '@ssp/core';

/**
 * The field-level rule for an organisation's billing connections: finance and tenant admins of an
 * organisation that can see it (row-level security has already limited which organisations those
 * are), and platform admins. Requesters and service agents see no money.
 */
export function mayReadBilling(context: RequestContext): boolean {
  const actor = context.actor;
  if (!actor) return false;
  return actor.platformScope || actor.roles.includes('finance') || actor.roles.includes('tenant_admin');
}
