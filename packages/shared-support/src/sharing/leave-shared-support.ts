import { type MutationCaller, NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { refreshPartnershipContext } from '../common/partnership-context.ts';
import { publishMemberDirectory } from './publish-member-directory.ts';
import { currentAgreement, type SharingAgreementRow } from './sharing-agreement.ts';

/**
 * A member opts out: its published rows are deleted and its agreement marks it out, so from the
 * next request no other member sees anything of it, and it no longer sees theirs.
 */
export async function leaveSharedSupport(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string },
): Promise<{ before: SharingAgreementRow; after: SharingAgreementRow }> {
  const memberId = caller.actor.organisationId;
  const before = await currentAgreement(tx, memberId, input.partnershipId);
  if (!before?.optedIn) throw new NotFoundError('Your organisation has not opted into this partnership');
  // The partnership stays in this transaction's context until it is refreshed below, so the
  // member may still delete its published rows once its agreement says it is out.
  await refreshPartnershipContext(tx);
  const [after] = await tx
    .update(tables.sharingAgreements)
    .set({ optedIn: false, changedBy: caller.actor.principal.subject, changedAt: new Date() })
    .where(
      and(
        eq(tables.sharingAgreements.tenantId, memberId),
        eq(tables.sharingAgreements.partnershipId, input.partnershipId),
      ),
    )
    .returning();
  if (!after) throw new Error('The sharing agreement was not updated');
  // Publishing with the agreement out deletes the entry (and, by cascade, the published people,
  // skills and periods) and writes nothing.
  await publishMemberDirectory(tx, input.partnershipId, memberId);
  await refreshPartnershipContext(tx);
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'sharing_agreement.opted_out',
      targetType: 'SharingAgreement',
      targetId: after.id,
      before,
      after,
    },
  ]);
  return { before, after };
}
