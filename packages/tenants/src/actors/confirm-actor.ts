import {
  type Actor,
  AuthenticationError,
  type MembershipRole,
  type PlatformTransaction,
  type Principal,
  queryRows,
} from '@ssp/core';
import { sql } from 'drizzle-orm';

interface ActorRow extends Record<string, unknown> {
  kind: string;
  lifecycle_status: string;
  delegated_organisation_ids: string[] | string | null;
  membership_roles: MembershipRole[] | string | null;
  membership_invited: boolean | null;
  client_roles: MembershipRole[] | string | null;
}

/** pg returns enum arrays as their text form (`{a,b}`); PGlite parses them. Accept both. */
function textArray<T extends string>(value: T[] | string | null): T[] | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : (inner.split(',') as T[]);
}

/**
 * Confirms a verified token's principal against the database, inside the request's own
 * transaction (one statement): the organisation exists and is live, a machine client is not
 * revoked, a member of an external identity provider has a membership; and finds the
 * organisations explicitly delegated to it. Throws AuthenticationError when it cannot act.
 */
export async function confirmActor(tx: PlatformTransaction, principal: Principal): Promise<Actor> {
  const clientId = principal.kind === 'client' ? principal.clientId : null;
  const rows = await queryRows<ActorRow>(
    tx,
    sql`
    select o.kind, o.lifecycle_status,
      array(select d.delegated_organisation_id from delegations d where d.tenant_id = o.id
            order by d.delegated_organisation_id) as delegated_organisation_ids,
      (select m.roles from memberships m
        where m.tenant_id = o.id and m.issuer = ${principal.issuer} and m.subject = ${principal.subject}
          and m.status in ('active', 'invited')) as membership_roles,
      (select m.status = 'invited' from memberships m
        where m.tenant_id = o.id and m.issuer = ${principal.issuer} and m.subject = ${principal.subject}
          and m.status in ('active', 'invited')) as membership_invited,
      (select c.roles from api_clients c
        where c.tenant_id = o.id and c.client_id = ${clientId} and c.revoked_at is null) as client_roles
    from organisations o where o.id = ${principal.organisationId}`,
  );
  const row = rows[0];
  if (!row) throw new AuthenticationError('the organisation of this token is unknown');
  if (row.lifecycle_status === 'suspended') throw new AuthenticationError('the organisation is suspended');
  if (row.lifecycle_status === 'offboarded') throw new AuthenticationError('the organisation has been offboarded');

  let roles: MembershipRole[];
  if (principal.kind === 'client') {
    const clientRoles = textArray(row.client_roles);
    if (!clientRoles) throw new AuthenticationError('the client is unknown or has been revoked');
    roles = clientRoles;
  } else if (principal.claimedRoles) {
    roles = principal.claimedRoles;
  } else {
    const memberRoles = textArray(row.membership_roles);
    if (!memberRoles) throw new AuthenticationError('you are not an active member of this organisation');
    roles = memberRoles;
    // An invitation is accepted by signing in: the first token from the member's own identity
    // provider activates the membership (one extra statement, once).
    if (row.membership_invited) {
      await tx.execute(sql`update memberships set status = 'active', updated_at = now()
        where tenant_id = ${principal.organisationId} and issuer = ${principal.issuer}
          and subject = ${principal.subject} and status = 'invited'`);
    }
  }

  const platformScope = roles.includes('platform_admin');
  if (platformScope && row.kind !== 'platform_operator') {
    throw new AuthenticationError('the platform admin role is held only by members of the platform operator');
  }
  const delegated = textArray(row.delegated_organisation_ids) ?? [];
  return {
    principal,
    organisationId: principal.organisationId,
    roles,
    visibleTenantIds: [principal.organisationId, ...delegated.filter((id) => id !== principal.organisationId)],
    platformScope,
  };
}
