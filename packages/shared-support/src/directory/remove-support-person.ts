import { type MutationCaller, NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { republishMemberDirectory } from '../sharing/publish-member-directory.ts';
import { optedInPartnerships } from './support-person-details.ts';

/** Removes a person of the caller's organisation who has left, republishes and audits it. */
export async function removeSupportPerson(tx: PlatformTransaction, caller: MutationCaller, personId: string) {
  const memberId = caller.actor.organisationId;
  const [removed] = await tx
    .delete(tables.supportPeople)
    .where(and(eq(tables.supportPeople.tenantId, memberId), eq(tables.supportPeople.id, personId)))
    .returning();
  if (!removed) throw new NotFoundError('No person of your organisation has this id');
  await republishMemberDirectory(tx, await optedInPartnerships(tx, memberId), memberId);
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'support_person.removed',
      targetType: 'SupportPerson',
      targetId: personId,
      before: removed,
    },
  ]);
  return removed;
}
