import {
  CORE_ERRORS,
  checkIdempotencyKey,
  idempotencyInputHash as hashOf,
  insertOnce,
  type MutationCaller,
  money,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { daysInclusive, isoDate } from '../common/dates.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import type { HelpRequestRow } from './find-help.ts';

export interface RequestHelpInput {
  partnershipId: string;
  skillCode: string;
  minimumLevel: number;
  startsOn: string;
  endsOn: string;
  daysNeeded: number;
  description: string;
  /** What an agency would charge per day, as a decimal string in pounds. */
  agencyDayRate: string;
  idempotencyKey: string;
}

function inputHash(memberId: string, input: RequestHelpInput): string {
  const { partnershipId, skillCode, minimumLevel, startsOn, endsOn, daysNeeded, description, agencyDayRate } = input;
  return hashOf([
    partnershipId,
    memberId,
    skillCode,
    minimumLevel,
    startsOn,
    endsOn,
    daysNeeded,
    description.trim(),
    agencyDayRate,
  ]);
}

/**
 * A member asks its partnership for help with a skill over a period, recording what an agency
 * would charge per day. Idempotent on the member's key: the same key and input return the first
 * request, the same key with other input is a ConflictError. A new request is audited.
 */
export async function requestHelp(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: RequestHelpInput,
): Promise<{ request: HelpRequestRow; replayed: boolean }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  checkIdempotencyKey(input.idempotencyKey);
  const startsOn = isoDate(input.startsOn, 'input.startsOn');
  const endsOn = isoDate(input.endsOn, 'input.endsOn');
  if (endsOn < startsOn)
    throw new ValidationError('The period ends before it starts', 'input.endsOn', CORE_ERRORS.PERIOD_ENDS_BEFORE_START);
  if (!Number.isInteger(input.minimumLevel) || input.minimumLevel < 1 || input.minimumLevel > 4) {
    throw new ValidationError('Skill levels run from 1 (aware) to 4 (expert)', 'input.minimumLevel');
  }
  if (!Number.isInteger(input.daysNeeded) || input.daysNeeded < 1) {
    throw new ValidationError('Ask for at least one day', 'input.daysNeeded');
  }
  if (input.daysNeeded > daysInclusive(startsOn, endsOn)) {
    throw new ValidationError('More days are asked for than the period holds', 'input.daysNeeded');
  }
  const description = input.description.trim();
  if (description === '' || description.length > 2000) {
    throw new ValidationError('Describe the help needed in 1 to 2,000 characters', 'input.description');
  }
  const agencyDayRate = money.parseMoney(input.agencyDayRate, { field: 'input.agencyDayRate' });
  const skill = await tx.query.supportSkills.findFirst({ where: { code: input.skillCode } });
  if (!skill)
    throw new ValidationError(`No skill in the taxonomy has the code '${input.skillCode}'`, 'input.skillCode');

  const hash = inputHash(memberId, input);
  const { row: request, replayed } = await insertOnce(
    tx,
    tables.helpRequests,
    {
      tenantId: input.partnershipId,
      requestingMemberId: memberId,
      skillCode: input.skillCode,
      minimumLevel: input.minimumLevel,
      startsOn,
      endsOn,
      daysNeeded: input.daysNeeded,
      description,
      agencyDayRatePence: money.toPenceNumber(agencyDayRate),
      requestedBy: caller.actor.principal.subject,
      idempotencyKey: input.idempotencyKey,
      inputHash: hash,
    },
    { within: [['requestingMemberId', memberId]] },
  );
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: memberId,
        action: 'help_request.created',
        targetType: 'HelpRequest',
        targetId: request.id,
        after: request,
      },
    ]);
  }
  return { request, replayed };
}
