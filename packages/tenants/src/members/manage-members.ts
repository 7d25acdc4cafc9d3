import {
  ConflictError,
  insertRows,
  type MembershipRole,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  returningAsStored,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';

export type MembershipRow = typeof tables.memberships.$inferSelect;

/** The roles a tenant admin may give: anything but platform admin, which only the operator's members hold. */
export function checkMemberRoles(roles: readonly MembershipRole[], organisationKind: string): MembershipRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new ValidationError('Give the member at least one role', 'input.roles');
  if (unique.includes('platform_admin') && organisationKind !== 'platform_operator') {
    throw new ValidationError(
      'Only members of the platform operator can be platform admins',
      'input.roles',
      TENANT_ERRORS.ROLE_NOT_GRANTABLE,
    );
  }
  return unique;
}

/** The kind of an organisation the caller may see (which roles it may grant depends on it). */
export async function organisationKind(tx: PlatformTransaction, organisationId: string): Promise<string> {
  const organisation = await tx.query.organisations.findFirst({
    where: { id: organisationId },
    columns: { kind: true },
  });
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  return organisation.kind;
}

/** A named person to invite, by the identity they will sign in with. */
export interface Invitation {
  organisationId: string;
  organisationKind: string;
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
  roles: readonly MembershipRole[];
}

/** The membership row an invitation writes, once its fields are checked. */
function invitedMembership(input: Invitation) {
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 200) {
    throw new ValidationError('Give a name of 1 to 200 characters', 'input.displayName');
  }
  if (input.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) {
    throw new ValidationError('The email address is not valid', 'input.email');
  }
  if (input.subject.trim() === '' || input.issuer.trim() === '') {
    throw new ValidationError('Give the issuer and subject the person signs in with', 'input.subject');
  }
  return {
    tenantId: input.organisationId,
    issuer: input.issuer.trim(),
    subject: input.subject.trim(),
    displayName,
    email: input.email,
    roles: checkMemberRoles(input.roles, input.organisationKind),
    status: 'invited' as const,
  };
}

/**
 * Invites a named person: a membership for the identity they will sign in with (the issuer and
 * subject of their organisation's identity provider), active from their first sign-in.
 */
export async function inviteMember(tx: PlatformTransaction, input: Invitation): Promise<MembershipRow> {
  const [membership] = await tx
    .insert(tables.memberships)
    .values(invitedMembership(input))
    .onConflictDoNothing()
    .returning(returningAsStored(tables.memberships));
  if (!membership)
    throw new ConflictError('This person is already a member of the organisation', TENANT_ERRORS.ALREADY_A_MEMBER);
  return membership;
}

/**
 * Invites many people with one statement and one bound parameter (bulk onboarding: the first
 * tenant admin of each new organisation), each checked as `inviteMember` checks one.
 */
export async function inviteMembers(tx: PlatformTransaction, invitations: readonly Invitation[]): Promise<void> {
  await insertRows(
    tx,
    tables.memberships,
    {
      tenantId: 'uuid',
      issuer: 'text',
      subject: 'text',
      displayName: 'text',
      email: 'text',
      roles: 'membership_role[]',
      status: 'membership_status',
    },
    invitations.map(invitedMembership),
  );
}

async function visibleMembership(tx: PlatformTransaction, membershipId: string): Promise<MembershipRow> {
  const membership = await tx.query.memberships.findFirst({ where: { id: membershipId } });
  if (!membership) throw new NotFoundError('No membership you may see has this id');
  return membership;
}

/** Changes what a member may do (audited); a removed member stays removed. */
export async function changeMemberRoles(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    membershipId: string;
    roles: readonly MembershipRole[];
  },
): Promise<{ before: MembershipRow; after: MembershipRow }> {
  const before = await visibleMembership(tx, input.membershipId);
  if (before.status === 'removed')
    throw new ConflictError('This member has been removed', TENANT_ERRORS.MEMBER_REMOVED);
  const roles = checkMemberRoles(input.roles, await organisationKind(tx, before.tenantId));
  const [after] = await tx
    .update(tables.memberships)
    .set({ roles, updatedAt: new Date() })
    .where(and(eq(tables.memberships.tenantId, before.tenantId), eq(tables.memberships.id, before.id)))
    .returning(returningAsStored(tables.memberships));
  if (!after) throw new Error('The membership was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: after.tenantId,
      action: 'member.roles_changed',
      targetType: 'Membership',
      targetId: after.id,
      before,
      after,
    },
  ]);
  return { before, after };
}

/** Removes a member (audited): their tokens are refused from the next request; the record stays. */
export async function removeMember(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { membershipId: string },
): Promise<{ before: MembershipRow; after: MembershipRow }> {
  const before = await visibleMembership(tx, input.membershipId);
  if (before.status === 'removed')
    throw new ConflictError('This member has already been removed', TENANT_ERRORS.MEMBER_REMOVED);
  const [after] = await tx
    .update(tables.memberships)
    .set({ status: 'removed', updatedAt: new Date() })
    .where(and(eq(tables.memberships.tenantId, before.tenantId), eq(tables.memberships.id, before.id)))
    .returning(returningAsStored(tables.memberships));
  if (!after) throw new Error('The membership was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: after.tenantId,
      action: 'member.removed',
      targetType: 'Membership',
      targetId: after.id,
      before,
      after,
    },
  ]);
  return { before, after };
}
