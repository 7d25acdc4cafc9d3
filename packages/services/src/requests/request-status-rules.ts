import type { MembershipRole } from '@ssp/core';
import type * as tables from '@ssp/services-tables';

export type RequestStatus = (typeof tables.requestStatus.enumValues)[number];

/**
 * The lifecycle of a request. Resolved can be re-opened (back to in progress) until the customer
 * closes it; closed and cancelled are final.
 */
const NEXT_STATUSES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  new: ['in_progress', 'waiting_on_customer', 'resolved', 'cancelled'],
  in_progress: ['waiting_on_customer', 'resolved', 'cancelled'],
  waiting_on_customer: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

/**
 * What a customer may do to its own request (service agents and platform admins may make any
 * allowed move): withdraw it, answer while it waits on them, accept or re-open a resolution.
 * Resolving is the partnership's: it decides first-contact resolution, a contractual measure.
 */
const CUSTOMER_MOVES: readonly [RequestStatus, RequestStatus][] = [
  ['new', 'cancelled'],
  ['in_progress', 'cancelled'],
  ['waiting_on_customer', 'cancelled'],
  ['waiting_on_customer', 'in_progress'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
];

export function allowedNextStatuses(status: RequestStatus): readonly RequestStatus[] {
  return NEXT_STATUSES[status];
}

export function isAllowedTransition(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/**
 * Whether an actor may move a request: service agents (who see only the requests of the
 * organisations they serve) and platform admins any allowed move; requesters and tenant admins
 * only the customer moves, and only on their own organisation's requests.
 */
export function mayMove(
  actor: { roles: readonly MembershipRole[]; ownOrganisation: boolean },
  from: RequestStatus,
  to: RequestStatus,
): boolean {
  if (actor.roles.includes('service_agent') || actor.roles.includes('platform_admin')) return true;
  const customer = actor.roles.includes('requester') || actor.roles.includes('tenant_admin');
  return customer && actor.ownOrganisation && CUSTOMER_MOVES.some(([a, b]) => a === from && b === to);
}

/** Moving into these needs a reason (the pause reason, or why it was withdrawn). */
export function reasonRequired(to: RequestStatus): boolean {
  return to === 'waiting_on_customer' || to === 'cancelled';
}
