import { type MutationCaller, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { callerPartnership } from '../common/partnership-admin.ts';

/**
 * The caller's partnership sets a member's weight in the out-of-hours rota (its share is its
 * weight over all members'): a whole number from 1 to 1,000. Audited.
 */
export async function setRotaShare(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { memberId: string; weight: number },
): Promise<{ memberId: string; weight: number }> {
  const partnershipId = await callerPartnership(tx, caller);
  const { memberId, weight } = input;
  if (!Number.isInteger(weight) || weight < 1 || weight > 1000) {
    throw new ValidationError('Weights are whole numbers from 1 to 1,000', 'input.weight');
  }
  const member = await tx.query.sharedMembers.findFirst({
    where: { tenantId: partnershipId, memberOrganisationId: memberId },
  });
  if (!member) throw new NotFoundError('No member taking part in your shared support has this id');
  await tx
    .insert(tables.rotaShares)
    .values({ tenantId: partnershipId, memberOrganisationId: memberId, weight })
    .onConflictDoUpdate({
      target: [tables.rotaShares.tenantId, tables.rotaShares.memberOrganisationId],
      set: { weight },
    });
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: partnershipId,
      action: 'rota_share.set',
      targetType: 'SharedMember',
      targetId: memberId,
      after: { weight },
    },
  ]);
  return { memberId, weight };
}
