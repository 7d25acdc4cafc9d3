import { type PlatformTransaction, queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { uuidArray } from '../common/partnership-context.ts';

export interface LoanView {
  id: string;
  partnershipId: string;
  requestId: string;
  requestingMemberId: string;
  requestingMemberName: string | null;
  lendingMemberId: string;
  lendingMemberName: string | null;
  personId: string;
  /** The person as the lender publishes them now; null once it no longer does. */
  person: { fullName: string | null; roleTitle: string | null; email: string | null; phone: string | null } | null;
  skillCode: string;
  startsOn: string;
  endsOn: string;
  daysOffered: number;
  status: 'offered' | 'accepted' | 'declined';
  dayRatePence: number | null;
  agencyDayRatePence: number;
  daysGiven: number | null;
  offeredAt: string;
}

export interface HelpRequestView {
  id: string;
  partnershipId: string;
  requestingMemberId: string;
  requestingMemberName: string;
  skillCode: string;
  minimumLevel: number;
  startsOn: string;
  endsOn: string;
  daysNeeded: number;
  description: string;
  agencyDayRatePence: number;
  status: 'open' | 'filled' | 'withdrawn';
  createdAt: Date;
  loans: LoanView[];
}

const loanJson = sql`json_build_object(
  'id', l.id, 'partnershipId', l.tenant_id, 'requestId', l.request_id, 'requestingMemberId', l.requesting_member_id, 'requestingMemberName', rm.member_name,
  'lendingMemberId', l.lending_member_id, 'lendingMemberName', lm.member_name, 'personId', l.person_id,
  'person', case when sp.id is null then null else json_build_object('fullName', sp.full_name, 'roleTitle', sp.role_title,
                                                                     'email', sp.email, 'phone', sp.phone) end,
  'skillCode', r.skill_code, 'startsOn', l.starts_on, 'endsOn', l.ends_on, 'daysOffered', l.days_offered, 'status', l.status,
  'dayRatePence', l.day_rate_pence, 'agencyDayRatePence', l.agency_day_rate_pence, 'daysGiven', l.days_given,
  'offeredAt', l.offered_at)`;

const loanJoins = sql`
  left join shared_members rm on rm.tenant_id = l.tenant_id and rm.member_organisation_id = l.requesting_member_id
  left join shared_members lm on lm.tenant_id = l.tenant_id and lm.member_organisation_id = l.lending_member_id
  left join shared_people sp on sp.tenant_id = l.tenant_id and sp.id = l.person_id`;

function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A page of a partnership's requests for help from members that take part now, newest first,
 * each with its offers and the offered people as their members publish them. One statement.
 */
export function loadHelpRequests(
  tx: PlatformTransaction,
  partnershipId: string,
  status: string | null,
  limit: number,
  offset: number,
): Promise<HelpRequestView[]> {
  return selectHelpRequests(tx, [partnershipId], status, null, limit, offset);
}

/** One request for help, with its offers. One statement. */
export async function loadHelpRequest(tx: PlatformTransaction, partnershipId: string, requestId: string) {
  const [request] = await selectHelpRequests(tx, [partnershipId], null, [requestId], 1, 0);
  return request ?? null;
}

/** Requests for help by id, in any of the partnerships given. One statement. */
export function loadHelpRequestsById(tx: PlatformTransaction, partnershipIds: string[], requestIds: string[]) {
  return selectHelpRequests(tx, partnershipIds, null, requestIds, requestIds.length, 0);
}

async function selectHelpRequests(
  tx: PlatformTransaction,
  partnershipIds: string[],
  status: string | null,
  requestIds: string[] | null,
  limit: number,
  offset: number,
): Promise<HelpRequestView[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select r.id, r.tenant_id, r.requesting_member_id, m.member_name, r.skill_code, r.minimum_level, r.starts_on::text as starts_on,
               r.ends_on::text as ends_on, r.days_needed, r.description, r.agency_day_rate_pence, r.status, r.created_at,
               (select coalesce(json_agg(${loanJson} order by l.offered_at, l.id), '[]'::json)
                  from help_loans l ${loanJoins}
                 where l.tenant_id = r.tenant_id and l.request_id = r.id) as loans
          from help_requests r
          join shared_members m on m.tenant_id = r.tenant_id and m.member_organisation_id = r.requesting_member_id
         where r.tenant_id = any (${uuidArray(partnershipIds)})
           and (${status}::help_request_status is null or r.status = ${status}::help_request_status)
           and (${requestIds === null} or r.id = any (${uuidArray(requestIds ?? [])}))
         order by r.created_at desc, r.id desc limit ${limit} offset ${offset}`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    partnershipId: String(row.tenant_id),
    requestingMemberId: String(row.requesting_member_id),
    requestingMemberName: String(row.member_name),
    skillCode: String(row.skill_code),
    minimumLevel: Number(row.minimum_level),
    startsOn: String(row.starts_on),
    endsOn: String(row.ends_on),
    daysNeeded: Number(row.days_needed),
    description: String(row.description),
    agencyDayRatePence: Number(row.agency_day_rate_pence),
    status: row.status as HelpRequestView['status'],
    createdAt: new Date(String(row.created_at)),
    loans: parsed<LoanView[]>(row.loans),
  }));
}

/** The accepted loans a member gave or received in a partnership, oldest first. One statement. */
export async function loadMemberLoans(
  tx: PlatformTransaction,
  partnershipId: string,
  memberId: string,
): Promise<LoanView[]> {
  const rows = await queryRows<{ loan: unknown }>(
    tx,
    sql`select ${loanJson} as loan
          from help_loans l join help_requests r on r.tenant_id = l.tenant_id and r.id = l.request_id ${loanJoins}
         where l.tenant_id = ${partnershipId} and l.status = 'accepted'
           and (l.lending_member_id = ${memberId} or l.requesting_member_id = ${memberId})
         order by l.starts_on, l.id`,
  );
  return rows.map((row) => parsed<LoanView>(row.loan));
}

/** Every accepted loan with time recorded in a partnership (for its benefits). One statement. */
export async function loadRecordedLoans(tx: PlatformTransaction, partnershipId: string): Promise<LoanView[]> {
  const rows = await queryRows<{ loan: unknown }>(
    tx,
    sql`select ${loanJson} as loan
          from help_loans l join help_requests r on r.tenant_id = l.tenant_id and r.id = l.request_id ${loanJoins}
         where l.tenant_id = ${partnershipId} and l.status = 'accepted' and l.days_given is not null
         order by l.starts_on, l.id`,
  );
  return rows.map((row) => parsed<LoanView>(row.loan));
}

/** Loans by id, in any of the partnerships given. One statement. */
export async function loadLoansById(
  tx: PlatformTransaction,
  partnershipIds: string[],
  loanIds: string[],
): Promise<LoanView[]> {
  const rows = await queryRows<{ loan: unknown }>(
    tx,
    sql`select ${loanJson} as loan
          from help_loans l join help_requests r on r.tenant_id = l.tenant_id and r.id = l.request_id ${loanJoins}
         where l.tenant_id = any (${uuidArray(partnershipIds)}) and l.id = any (${uuidArray(loanIds)})`,
  );
  return rows.map((row) => parsed<LoanView>(row.loan));
}

/** One loan of a partnership, as the lists show it. One statement. */
export async function loadLoan(
  tx: PlatformTransaction,
  partnershipId: string,
  loanId: string,
): Promise<LoanView | null> {
  const [row] = await queryRows<{ loan: unknown }>(
    tx,
    sql`select ${loanJson} as loan
          from help_loans l join help_requests r on r.tenant_id = l.tenant_id and r.id = l.request_id ${loanJoins}
         where l.tenant_id = ${partnershipId} and l.id = ${loanId}`,
  );
  return row ? parsed<LoanView>(row.loan) : null;
}
