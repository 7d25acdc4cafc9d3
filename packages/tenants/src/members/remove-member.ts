import { ConflictError, type MutationCaller, type PlatformTransaction, returningAsStored } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';
import { type MembershipRow, visibleMembership } from './membership-checks.ts';

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
