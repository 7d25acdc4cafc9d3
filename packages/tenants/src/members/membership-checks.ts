import { type MembershipRole, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import type * as tables from '@ssp/tenants-tables';
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

export async function visibleMembership(tx: PlatformTransaction, membershipId: string): Promise<MembershipRow> {
  const membership = await tx.query.memberships.findFirst({ where: { id: membershipId } });
  if (!membership) throw new NotFoundError('No membership you may see has this id');
  return membership;
}
