import {
  type Actor,
  AuthenticationError,
  beginRequest,
  type MembershipRole,
  type PlatformTransaction,
  type Principal,
  type RequestCaller,
  type RequestSetUp,
} from '@ssp/core';
import { sql } from 'drizzle-orm';

/** The refusal of a token that chose the platform path for a role its holder no longer has. */
export function platformRoleWithdrawn(): AuthenticationError {
  return new AuthenticationError('the platform admin role is no longer held; request a new token');
}

/** What the database's set-up function needs to know about a verified token. */
export function requestCaller(principal: Principal): RequestCaller {
  return {
    organisationId: principal.organisationId,
    issuer: principal.issuer,
    subject: principal.subject,
    clientId: principal.kind === 'client' ? principal.clientId : null,
    // A machine client is confirmed by its registration whatever its token claims.
    rolesClaimed: principal.kind === 'user' && principal.claimedRoles !== null,
  };
}

/**
 * Decides from the request's set-up (`app.begin_request`, the first statement of the request's
 * own transaction) whether a verified token's principal may act: the organisation exists and is
 * live, a machine client is not revoked, a member of an external identity provider has a
 * membership. Throws AuthenticationError when it cannot act. Sends nothing.
 */
export function decideActor(principal: Principal, setUp: RequestSetUp): Actor {
  if (setUp.organisationKind === null) throw new AuthenticationError('the organisation of this token is unknown');
  if (setUp.lifecycleStatus === 'suspended') throw new AuthenticationError('the organisation is suspended');
  if (setUp.lifecycleStatus === 'offboarded') throw new AuthenticationError('the organisation has been offboarded');

  let roles: MembershipRole[];
  if (principal.kind === 'client') {
    if (!setUp.clientRoles) throw new AuthenticationError('the client is unknown or has been revoked');
    roles = setUp.clientRoles as MembershipRole[];
  } else if (principal.claimedRoles) {
    roles = principal.claimedRoles;
  } else {
    if (!setUp.membershipRoles) throw new AuthenticationError('you are not an active member of this organisation');
    roles = setUp.membershipRoles as MembershipRole[];
  }

  const platformScope = roles.includes('platform_admin');
  if (platformScope && setUp.organisationKind !== 'platform_operator') {
    throw new AuthenticationError('the platform admin role is held only by members of the platform operator');
  }
  return {
    principal,
    organisationId: principal.organisationId,
    roles,
    visibleTenantCount: setUp.visibleTenants,
    platformScope,
  };
}

/**
 * An invitation is accepted by signing in: the first token from the member's own identity
 * provider activates the membership (one extra statement, once).
 */
export function acceptsInvitation(principal: Principal, setUp: RequestSetUp): boolean {
  return principal.kind === 'user' && !principal.claimedRoles && setUp.membershipInvited;
}

/** `decideActor`, then the invitation's acceptance when this token accepts one. */
export async function actorFromSetUp(
  tx: PlatformTransaction,
  principal: Principal,
  setUp: RequestSetUp,
): Promise<Actor> {
  const actor = decideActor(principal, setUp);
  if (acceptsInvitation(principal, setUp)) {
    await tx.execute(sql`update memberships set status = 'active', updated_at = now()
      where tenant_id = ${principal.organisationId} and issuer = ${principal.issuer}
        and subject = ${principal.subject} and status = 'invited'`);
  }
  return actor;
}

/**
 * Confirms a verified token's principal as the first statement of the current transaction
 * (`app.begin_request`, which also sets the tenant context to the caller's organisation and those
 * delegated to it), then decides as `actorFromSetUp` does.
 */
export async function confirmActor(tx: PlatformTransaction, principal: Principal): Promise<Actor> {
  return actorFromSetUp(tx, principal, await beginRequest(tx, requestCaller(principal)));
}
