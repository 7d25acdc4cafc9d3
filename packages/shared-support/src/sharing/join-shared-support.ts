import { type MutationCaller, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { refreshPartnershipContext } from '../common/partnership-context.ts';
import { publishMemberDirectory } from './publish-member-directory.ts';
import {
  currentAgreement,
  requireParentPartnership,
  type SharedFields,
  type SharingAgreementRow,
} from './sharing-agreement.ts';

/**
 * A member opts in to its partnership's shared support, or changes what it shares, and publishes
 * its directory accordingly. The partnership must run shared support (have a programme), which
 * the member can check only once its agreement lets it read the partnership's shared rows; if it
 * does not, the caller's savepoint undoes the agreement.
 */
export async function joinSharedSupport(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; shares: SharedFields },
): Promise<{ before: SharingAgreementRow | null; after: SharingAgreementRow }> {
  const memberId = caller.actor.organisationId;
  await requireParentPartnership(tx, memberId, input.partnershipId);
  const before = await currentAgreement(tx, memberId, input.partnershipId);
  const values = {
    optedIn: true,
    sharesName: input.shares.name,
    sharesRole: input.shares.role,
    sharesSkills: input.shares.skills,
    sharesContact: input.shares.contact,
    sharesAvailability: input.shares.availability,
    changedBy: caller.actor.principal.subject,
    changedAt: new Date(),
  };
  const [after] = await tx
    .insert(tables.sharingAgreements)
    .values({ tenantId: memberId, partnershipId: input.partnershipId, ...values })
    .onConflictDoUpdate({
      target: [tables.sharingAgreements.tenantId, tables.sharingAgreements.partnershipId],
      set: values,
    })
    .returning();
  if (!after) throw new Error('The sharing agreement was not written');
  const partnerships = await refreshPartnershipContext(tx);
  const programme = partnerships.includes(input.partnershipId)
    ? await tx.query.sharedSupportProgrammes.findFirst({
        where: { tenantId: input.partnershipId },
        columns: { id: true },
      })
    : undefined;
  if (!programme) {
    throw new ValidationError('This partnership does not run shared support', 'input.partnershipId');
  }
  await publishMemberDirectory(tx, input.partnershipId, memberId);
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: before?.optedIn ? 'sharing_agreement.changed' : 'sharing_agreement.opted_in',
      targetType: 'SharingAgreement',
      targetId: after.id,
      before: before ?? null,
      after,
    },
  ]);
  return { before: before ?? null, after };
}
