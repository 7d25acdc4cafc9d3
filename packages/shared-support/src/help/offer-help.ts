import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as hashOf,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { daysInclusive, isoDate } from '../common/dates.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { findRequest, type HelpLoanRow } from './find-help.ts';

/**
 * Another member offers one of its own people for part of the period asked for. The person must
 * be the lender's, hold the skill at the level asked for and not be away in the loan's period; the
 * loan must fit inside the period asked for.
 */
export async function offerHelp(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    partnershipId: string;
    requestId: string;
    personId: string;
    startsOn: string;
    endsOn: string;
    daysOffered: number;
    idempotencyKey: string;
  },
): Promise<{ loan: HelpLoanRow; replayed: boolean }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  checkIdempotencyKey(input.idempotencyKey);
  const hash = hashOf([
    input.partnershipId,
    input.requestId,
    input.personId,
    input.startsOn,
    input.endsOn,
    input.daysOffered,
  ]);
  const key = { tenantId: input.partnershipId, idempotencyKey: input.idempotencyKey, inputHash: hash };
  const earlier = await findReplay(tx, tables.helpLoans, key, { within: [['lendingMemberId', memberId]] });
  if (earlier) return { loan: earlier, replayed: true };
  const request = await findRequest(tx, input.partnershipId, input.requestId);
  if (request.requestingMemberId === memberId) {
    throw new ValidationError('A member cannot lend to itself', 'input.requestId');
  }
  if (request.status !== 'open')
    throw new ConflictError(
      `The request is ${request.status}, no longer open`,
      SHARED_SUPPORT_ERRORS.HELP_REQUEST_NOT_OPEN,
    );
  const startsOn = isoDate(input.startsOn, 'input.startsOn');
  const endsOn = isoDate(input.endsOn, 'input.endsOn');
  if (endsOn < startsOn)
    throw new ValidationError('The loan ends before it starts', 'input.endsOn', CORE_ERRORS.PERIOD_ENDS_BEFORE_START);
  if (startsOn < request.startsOn || endsOn > request.endsOn) {
    throw new ValidationError(
      `A loan must fit inside the period asked for (${request.startsOn} to ${request.endsOn})`,
      startsOn < request.startsOn ? 'input.startsOn' : 'input.endsOn',
      SHARED_SUPPORT_ERRORS.HELP_LOAN_OUTSIDE_REQUEST,
    );
  }
  if (!Number.isInteger(input.daysOffered) || input.daysOffered < 1) {
    throw new ValidationError('Offer at least one day', 'input.daysOffered');
  }
  if (input.daysOffered > daysInclusive(startsOn, endsOn) || input.daysOffered > request.daysNeeded) {
    throw new ValidationError(
      'More days are offered than the loan period holds or the request needs',
      'input.daysOffered',
    );
  }
  // The lender's own records: the person is its own, with the skill, and free for the loan.
  const [person] = await queryRows<{ level: number | null; away: boolean }>(
    tx,
    sql`select (select s.level from support_person_skills s
                 where s.tenant_id = p.tenant_id and s.person_id = p.id and s.skill_code = ${request.skillCode}) as level,
               exists (select 1 from support_person_unavailability u
                        where u.tenant_id = p.tenant_id and u.person_id = p.id
                          and u.starts_on <= ${endsOn}::date and u.ends_on >= ${startsOn}::date) as away
          from support_people p where p.tenant_id = ${memberId} and p.id = ${input.personId}`,
  );
  if (!person) throw new NotFoundError('No person of your organisation has this id');
  if (person.level === null || Number(person.level) < request.minimumLevel) {
    throw new ValidationError(
      `The person does not hold ${request.skillCode} at level ${request.minimumLevel} or above`,
      'input.personId',
    );
  }
  if (person.away) throw new ValidationError('The person cannot be called on during the loan', 'input.personId');
  const { row: loan, replayed } = await insertOnce(
    tx,
    tables.helpLoans,
    {
      ...key,
      requestId: request.id,
      requestingMemberId: request.requestingMemberId,
      lendingMemberId: memberId,
      personId: input.personId,
      startsOn,
      endsOn,
      daysOffered: input.daysOffered,
      agencyDayRatePence: request.agencyDayRatePence,
      offeredBy: caller.actor.principal.subject,
    },
    { within: [['lendingMemberId', memberId]] },
  );
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      { organisationId: memberId, action: 'help_loan.offered', targetType: 'HelpLoan', targetId: loan.id, after: loan },
    ]);
  }
  return { loan, replayed };
}
