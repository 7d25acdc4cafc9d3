import {
  ConflictError,
  insertRows,
  type MembershipRole,
  type PlatformTransaction,
  returningAsStored,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';
import { checkMemberRoles, type MembershipRow } from './membership-checks.ts';

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
