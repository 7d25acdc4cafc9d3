import {
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { republishMemberDirectory } from '../sharing/publish-member-directory.ts';
import { checkPerson, optedInPartnerships, type SupportPersonInput, writeDetails } from './support-person-details.ts';
import type { SupportPersonRow, SupportPersonView } from './support-person-views.ts';

/** Adds someone who works in ICT support at the member, and republishes what the member shares. */
async function addSupportPerson(
  tx: PlatformTransaction,
  memberId: string,
  input: SupportPersonInput,
  idempotencyKey: string,
): Promise<{ person: SupportPersonRow; replayed: boolean }> {
  checkIdempotencyKey(idempotencyKey);
  const hash = inputHash([input]);
  const key = { tenantId: memberId, idempotencyKey, inputHash: hash };
  const earlier = await findReplay(tx, tables.supportPeople, key);
  if (earlier) return { person: earlier, replayed: true };
  await checkPerson(tx, input);
  const { row: person, replayed } = await insertOnce(tx, tables.supportPeople, {
    ...key,
    fullName: input.fullName.trim(),
    roleTitle: input.roleTitle.trim(),
    email: input.email,
    phone: input.phone,
  });
  // The same key arrived twice at once: the other insert won, and wrote the details.
  if (replayed) return { person, replayed };
  await writeDetails(tx, memberId, person.id, input);
  await republishMemberDirectory(tx, await optedInPartnerships(tx, memberId), memberId);
  return { person, replayed: false };
}

/** Replaces a person's details, skills and periods away, and republishes. */
async function updateSupportPerson(
  tx: PlatformTransaction,
  memberId: string,
  personId: string,
  input: SupportPersonInput,
) {
  await checkPerson(tx, input);
  const before = await tx.query.supportPeople.findFirst({ where: { tenantId: memberId, id: personId } });
  if (!before) throw new NotFoundError('No person of your organisation has this id');
  const [after] = await tx
    .update(tables.supportPeople)
    .set({
      fullName: input.fullName.trim(),
      roleTitle: input.roleTitle.trim(),
      email: input.email,
      phone: input.phone,
      updatedAt: new Date(),
    })
    .where(and(eq(tables.supportPeople.tenantId, memberId), eq(tables.supportPeople.id, personId)))
    .returning();
  if (!after) throw new Error('The person was not updated');
  await writeDetails(tx, memberId, personId, input);
  await republishMemberDirectory(tx, await optedInPartnerships(tx, memberId), memberId);
  return { before, after };
}

/**
 * Adds one of the caller's organisation's support people (with an idempotency key) or changes
 * one (by id), republishes what the member shares and records the change in the audit trail.
 */
export async function saveSupportPerson(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { personId: string | null; idempotencyKey: string | null; details: SupportPersonInput },
): Promise<SupportPersonView> {
  const memberId = caller.actor.organisationId;
  const { details } = input;
  let person: SupportPersonRow;
  let before: SupportPersonRow | null = null;
  if (input.personId) {
    const changed = await updateSupportPerson(tx, memberId, input.personId, details);
    person = changed.after;
    before = changed.before;
  } else {
    if (!input.idempotencyKey)
      throw new ValidationError('Adding a person needs an idempotency key', 'input.idempotencyKey');
    const added = await addSupportPerson(tx, memberId, details, input.idempotencyKey);
    person = added.person;
    if (added.replayed) return { ...person, skills: details.skills, unavailability: details.unavailability };
  }
  const view = { ...person, skills: details.skills, unavailability: details.unavailability };
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: before ? 'support_person.changed' : 'support_person.added',
      targetType: 'SupportPerson',
      targetId: person.id,
      before,
      after: view,
    },
  ]);
  return view;
}
