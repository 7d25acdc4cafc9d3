import { type PlatformTransaction, queryRows, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isoDate } from '../common/dates.ts';
import { partnershipContext } from '../common/partnership-context.ts';

export interface SupportPersonInput {
  fullName: string;
  roleTitle: string;
  email: string | null;
  phone: string | null;
  skills: { skillCode: string; level: number }[];
  unavailability: { startsOn: string; endsOn: string; reason: string | null }[];
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function checkPerson(tx: PlatformTransaction, input: SupportPersonInput): Promise<void> {
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

export async function writeDetails(
  tx: PlatformTransaction,
  memberId: string,
  personId: string,
  input: SupportPersonInput,
) {
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
export async function optedInPartnerships(tx: PlatformTransaction, memberId: string): Promise<string[]> {
  await partnershipContext(tx);
  const rows = await queryRows<{ partnership_id: string }>(
    tx,
    sql`select partnership_id from sharing_agreements where tenant_id = ${memberId} and opted_in`,
  );
  return rows.map((row) => row.partnership_id);
}
