import {
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isoDate } from '../common/dates.ts';
import { partnershipContext } from '../common/partnership-context.ts';
import { republishMemberDirectory } from '../sharing/publish-member-directory.ts';

export type SupportPersonRow = typeof tables.supportPeople.$inferSelect;

export interface SupportPersonView extends SupportPersonRow {
  skills: { skillCode: string; level: number }[];
  unavailability: { startsOn: string; endsOn: string; reason: string | null }[];
}

/** A member's own people, by name, a page or by id, with their skills and periods away. Three statements. */
export async function loadSupportPeople(
  tx: PlatformTransaction,
  memberId: string,
  which: { limit: number; offset: number } | { ids: string[] },
): Promise<SupportPersonView[]> {
  const people =
    'ids' in which
      ? await tx.query.supportPeople.findMany({ where: { tenantId: memberId, id: { in: which.ids } } })
      : await tx.query.supportPeople.findMany({
          where: { tenantId: memberId },
          orderBy: { fullName: 'asc', id: 'asc' },
          limit: which.limit,
          offset: which.offset,
        });
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const skills = await tx.query.supportPersonSkills.findMany({
    where: { tenantId: memberId, personId: { in: ids } },
    orderBy: { skillCode: 'asc' },
  });
  const periods = await tx.query.supportPersonUnavailability.findMany({
    where: { tenantId: memberId, personId: { in: ids } },
    orderBy: { startsOn: 'asc' },
  });
  return people.map((person) => ({
    ...person,
    skills: skills.filter((s) => s.personId === person.id).map(({ skillCode, level }) => ({ skillCode, level })),
    unavailability: periods
      .filter((u) => u.personId === person.id)
      .map(({ startsOn, endsOn, reason }) => ({ startsOn, endsOn, reason })),
  }));
}

export interface SupportPersonInput {
  fullName: string;
  roleTitle: string;
  email: string | null;
  phone: string | null;
  skills: { skillCode: string; level: number }[];
  unavailability: { startsOn: string; endsOn: string; reason: string | null }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function checkPerson(tx: PlatformTransaction, input: SupportPersonInput): Promise<void> {
  if (input.fullName.trim() === '') throw new ValidationError('Give the person a name', 'input.fullName');
  if (input.roleTitle.trim() === '') throw new ValidationError('Give the person a role', 'input.roleTitle');
  if (input.email !== null && !EMAIL.test(input.email))
    throw new ValidationError('Not an email address', 'input.email');
  const codes = input.skills.map((skill) => skill.skillCode);
  if (new Set(codes).size !== codes.length) throw new ValidationError('A skill is listed twice', 'input.skills');
  input.skills.forEach((skill, index) => {
    if (!Number.isInteger(skill.level) || skill.level < 1 || skill.level > 4) {
      throw new ValidationError('Skill levels run from 1 (aware) to 4 (expert)', `input.skills.${index}.level`);
    }
  });
  if (codes.length > 0) {
    const known = await tx
      .select({ code: tables.supportSkills.code })
      .from(tables.supportSkills)
      .where(inArray(tables.supportSkills.code, codes));
    const knownCodes = new Set(known.map((row) => row.code));
    const index = codes.findIndex((code) => !knownCodes.has(code));
    if (index >= 0) {
      throw new ValidationError(
        `No skill in the taxonomy has the code '${codes[index]}'`,
        `input.skills.${index}.skillCode`,
      );
    }
  }
  input.unavailability.forEach((period, index) => {
    const from = isoDate(period.startsOn, `input.unavailability.${index}.startsOn`);
    const to = isoDate(period.endsOn, `input.unavailability.${index}.endsOn`);
    if (to < from)
      throw new ValidationError('A period cannot end before it starts', `input.unavailability.${index}.endsOn`);
  });
}

async function writeDetails(tx: PlatformTransaction, memberId: string, personId: string, input: SupportPersonInput) {
  await tx
    .delete(tables.supportPersonSkills)
    .where(and(eq(tables.supportPersonSkills.tenantId, memberId), eq(tables.supportPersonSkills.personId, personId)));
  if (input.skills.length > 0) {
    await tx
      .insert(tables.supportPersonSkills)
      .values(
        input.skills.map((skill) => ({ tenantId: memberId, personId, skillCode: skill.skillCode, level: skill.level })),
      );
  }
  await tx
    .delete(tables.supportPersonUnavailability)
    .where(
      and(
        eq(tables.supportPersonUnavailability.tenantId, memberId),
        eq(tables.supportPersonUnavailability.personId, personId),
      ),
    );
  if (input.unavailability.length > 0) {
    await tx.insert(tables.supportPersonUnavailability).values(
      input.unavailability.map((period) => ({
        tenantId: memberId,
        personId,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        reason: period.reason,
      })),
    );
  }
}

/** The partnerships this member has opted into (its own agreements), to republish to. */
async function optedInPartnerships(tx: PlatformTransaction, memberId: string): Promise<string[]> {
  await partnershipContext(tx);
  const rows = await queryRows<{ partnership_id: string }>(
    tx,
    sql`select partnership_id from sharing_agreements where tenant_id = ${memberId} and opted_in`,
  );
  return rows.map((row) => row.partnership_id);
}

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
