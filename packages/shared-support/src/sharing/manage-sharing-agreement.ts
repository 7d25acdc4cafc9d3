import { type MutationCaller, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, findOrganisation, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { refreshPartnershipContext } from '../common/partnership-context.ts';
import { publishMemberDirectory } from './publish-member-directory.ts';

export type SharingAgreementRow = typeof tables.sharingAgreements.$inferSelect;

export interface SharedFields {
  name: boolean;
  role: boolean;
  skills: boolean;
  contact: boolean;
  availability: boolean;
}

/** The partnership a member belongs to: its parent. Anything else is, to the member, not there. */
async function requireParentPartnership(tx: PlatformTransaction, memberId: string, partnershipId: string) {
  const member = await findOrganisation(tx, memberId);
  if (!member || member.parentId !== partnershipId) {
    throw new NotFoundError('Your organisation is not a member of a partnership with this id');
  }
}

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

export function currentAgreement(tx: PlatformTransaction, memberId: string, partnershipId: string) {
  return tx.query.sharingAgreements.findFirst({ where: { tenantId: memberId, partnershipId } });
}
