import {
  ConflictError,
  type MembershipRole,
  type MutationCaller,
  type PlatformTransaction,
  returningAsStored,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';
import { checkMemberRoles, type MembershipRow, organisationKind, visibleMembership } from './membership-checks.ts';

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
