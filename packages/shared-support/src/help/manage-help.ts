import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as hashOf,
  insertOnce,
  type MutationCaller,
  money,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, sql } from 'drizzle-orm';
import { daysInclusive, isoDate } from '../common/dates.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';

export type HelpRequestRow = typeof tables.helpRequests.$inferSelect;
export type HelpLoanRow = typeof tables.helpLoans.$inferSelect;

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

async function findRequest(tx: PlatformTransaction, partnershipId: string, requestId: string) {
  const request = await tx.query.helpRequests.findFirst({ where: { tenantId: partnershipId, id: requestId } });
  if (!request) throw new NotFoundError('No request for help you may see has this id');
  return request;
}

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

async function findOwnOffer(tx: PlatformTransaction, partnershipId: string, memberId: string, loanId: string) {
  await requireSharedPartnership(tx, partnershipId);
  const loan = await tx.query.helpLoans.findFirst({ where: { tenantId: partnershipId, id: loanId } });
  if (!loan || loan.requestingMemberId !== memberId) {
    throw new NotFoundError('No offer made to your organisation has this id');
  }
  return loan;
}

/**
 * The asking member accepts or declines an offer. Accepting prices the loan at the partnership's
 * agreed day rate (fixed now, so a later change of rate does not rewrite it) and marks the
 * request filled once the accepted days cover what it needs.
 */
export async function decideHelpOffer(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; loanId: string; accept: boolean },
): Promise<{ before: HelpLoanRow; after: HelpLoanRow }> {
  const memberId = caller.actor.organisationId;
  const before = await findOwnOffer(tx, input.partnershipId, memberId, input.loanId);
  if (before.status !== 'offered')
    throw new ConflictError(`The offer was already ${before.status}`, SHARED_SUPPORT_ERRORS.HELP_OFFER_ALREADY_DECIDED);
  let dayRatePence: number | null = null;
  if (input.accept) {
    const programme = await tx.query.sharedSupportProgrammes.findFirst({ where: { tenantId: input.partnershipId } });
    if (!programme?.dayRatePence) {
      throw new ValidationError(
        'The partnership has not agreed a day rate yet; loans cannot be priced',
        'input.loanId',
      );
    }
    dayRatePence = programme.dayRatePence;
  }
  const [after] = await tx
    .update(tables.helpLoans)
    .set({ status: input.accept ? 'accepted' : 'declined', dayRatePence, decidedAt: new Date() })
    .where(and(eq(tables.helpLoans.tenantId, input.partnershipId), eq(tables.helpLoans.id, input.loanId)))
    .returning();
  if (!after) throw new Error('The offer was not updated');
  if (input.accept) {
    await tx.execute(sql`
      update help_requests r set status = 'filled'
       where r.tenant_id = ${input.partnershipId} and r.id = ${after.requestId} and r.status = 'open'
         and r.days_needed <= (select coalesce(sum(l.days_offered), 0) from help_loans l
                                where l.tenant_id = r.tenant_id and l.request_id = r.id and l.status = 'accepted')`);
  }
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: input.accept ? 'help_loan.accepted' : 'help_loan.declined',
      targetType: 'HelpLoan',
      targetId: input.loanId,
      before,
      after,
    },
  ]);
  return { before, after };
}

/** The asking member records the days the lent person actually gave (at most the loan's length). */
export async function recordTimeGiven(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; loanId: string; daysGiven: number },
): Promise<{ before: HelpLoanRow; after: HelpLoanRow }> {
  const memberId = caller.actor.organisationId;
  const before = await findOwnOffer(tx, input.partnershipId, memberId, input.loanId);
  if (before.status !== 'accepted')
    throw new ConflictError(
      'Time is recorded only against an accepted offer',
      SHARED_SUPPORT_ERRORS.HELP_OFFER_NOT_ACCEPTED,
    );
  if (!Number.isInteger(input.daysGiven) || input.daysGiven < 0) {
    throw new ValidationError('Days given are a whole number, zero or more', 'input.daysGiven');
  }
  if (input.daysGiven > daysInclusive(before.startsOn, before.endsOn)) {
    throw new ValidationError(
      `More days are recorded than the loan lasted (${before.startsOn} to ${before.endsOn})`,
      'input.daysGiven',
    );
  }
  const [after] = await tx
    .update(tables.helpLoans)
    .set({ daysGiven: input.daysGiven, givenRecordedAt: new Date() })
    .where(and(eq(tables.helpLoans.tenantId, input.partnershipId), eq(tables.helpLoans.id, input.loanId)))
    .returning();
  if (!after) throw new Error('The loan was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'help_loan.time_recorded',
      targetType: 'HelpLoan',
      targetId: input.loanId,
      before,
      after,
    },
  ]);
  return { before, after };
}

/** The asking member withdraws an open request; offers still waiting on it are declined. */
export async function withdrawHelpRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { partnershipId: string; requestId: string },
): Promise<{ before: HelpRequestRow; after: HelpRequestRow }> {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  const before = await findRequest(tx, input.partnershipId, input.requestId);
  if (before.requestingMemberId !== memberId) throw new NotFoundError('No request of your organisation has this id');
  if (before.status !== 'open')
    throw new ConflictError(
      `The request is ${before.status}, no longer open`,
      SHARED_SUPPORT_ERRORS.HELP_REQUEST_NOT_OPEN,
    );
  const [after] = await tx
    .update(tables.helpRequests)
    .set({ status: 'withdrawn' })
    .where(and(eq(tables.helpRequests.tenantId, input.partnershipId), eq(tables.helpRequests.id, input.requestId)))
    .returning();
  if (!after) throw new Error('The request was not updated');
  await tx
    .update(tables.helpLoans)
    .set({ status: 'declined', decidedAt: new Date() })
    .where(
      and(
        eq(tables.helpLoans.tenantId, input.partnershipId),
        eq(tables.helpLoans.requestId, input.requestId),
        eq(tables.helpLoans.status, 'offered'),
      ),
    );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'help_request.withdrawn',
      targetType: 'HelpRequest',
      targetId: input.requestId,
      before,
      after,
    },
  ]);
  return { before, after };
}
