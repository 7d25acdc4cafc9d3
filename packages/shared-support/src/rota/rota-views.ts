import { type Nation, type PlatformTransaction, queryRows } from '@ssp/core';
import { type SQL, sql } from 'drizzle-orm';
import { uuidArray } from '../common/partnership-context.ts';

export interface ShiftView {
  id: string;
  partnershipId: string;
  startsAt: Date;
  endsAt: Date;
  /** The holder after any accepted swap. */
  holderMemberId: string;
  holderPersonId: string;
  holderMemberName: string;
  holderNation: Nation;
  holder: { fullName: string | null; roleTitle: string | null; email: string | null; phone: string | null } | null;
}

/**
 * A partnership's shifts with their holders as they stand after accepted swaps (the latest
 * accepted swap of a shift, or of the shift given in return, decides), from members that take
 * part now, and the holder as their member publishes them. One statement.
 */
function shiftsQuery(partnershipIds: string[], condition: SQL, limit: number | null, offset: number): SQL {
  return sql`
    select s.id, s.tenant_id, s.starts_at, s.ends_at, m.member_organisation_id as holder_member_id,
           coalesce(sw.person_id, s.holder_person_id) as holder_person_id, m.member_name, m.nation,
           case when p.id is null then null else json_build_object('fullName', p.full_name, 'roleTitle', p.role_title,
                                                                   'email', p.email, 'phone', p.phone) end as holder
      from rota_shifts s
      left join lateral (
        select case when w.shift_id = s.id then w.to_member_id else w.from_member_id end as member_id,
               case when w.shift_id = s.id then w.to_person_id else w.from_person_id end as person_id
          from rota_swaps w
         where w.tenant_id = s.tenant_id and w.status = 'accepted' and (w.shift_id = s.id or w.return_shift_id = s.id)
         order by w.decided_at desc, w.id desc limit 1) sw on true
      join shared_members m on m.tenant_id = s.tenant_id
                           and m.member_organisation_id = coalesce(sw.member_id, s.holder_member_id)
      left join shared_people p on p.tenant_id = s.tenant_id and p.id = coalesce(sw.person_id, s.holder_person_id)
     where s.tenant_id = any (${uuidArray(partnershipIds)}) and ${condition}
     order by s.starts_at, s.id
     ${limit === null ? sql`` : sql`limit ${limit} offset ${offset}`}`;
}

function toView(row: Record<string, unknown>): ShiftView {
  const holder = typeof row.holder === 'string' ? JSON.parse(row.holder) : row.holder;
  return {
    id: String(row.id),
    partnershipId: String(row.tenant_id),
    startsAt: new Date(row.starts_at as string),
    endsAt: new Date(row.ends_at as string),
    holderMemberId: String(row.holder_member_id),
    holderPersonId: String(row.holder_person_id),
    holderMemberName: String(row.member_name),
    holderNation: row.nation as Nation,
    holder: (holder ?? null) as ShiftView['holder'],
  };
}

/** Shifts overlapping [from, to). */
export async function loadShifts(
  tx: PlatformTransaction,
  partnershipId: string,
  from: Date,
  to: Date,
  limit: number | null = null,
  offset = 0,
): Promise<ShiftView[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    shiftsQuery(
      [partnershipId],
      sql`s.starts_at < ${to.toISOString()}::timestamptz and s.ends_at > ${from.toISOString()}::timestamptz`,
      limit,
      offset,
    ),
  );
  return rows.map(toView);
}

export async function loadShift(tx: PlatformTransaction, partnershipId: string, shiftId: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    shiftsQuery([partnershipId], sql`s.id = ${shiftId}`, null, 0),
  );
  return row ? toView(row) : null;
}

/** Shifts by id, in any of the partnerships given. One statement. */
export async function loadShiftsById(tx: PlatformTransaction, partnershipIds: string[], shiftIds: string[]) {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    shiftsQuery(partnershipIds, sql`s.id = any (${uuidArray(shiftIds)})`, null, 0),
  );
  return rows.map(toView);
}

/** A person's shifts (as holder after swaps) overlapping a span, bar some. */
export async function personShiftsOverlapping(
  tx: PlatformTransaction,
  partnershipId: string,
  personId: string,
  from: Date,
  to: Date,
  except: readonly string[],
): Promise<ShiftView[]> {
  const shifts = await loadShifts(tx, partnershipId, from, to);
  return shifts.filter((shift) => shift.holderPersonId === personId && !except.includes(shift.id));
}

export interface MemberRow {
  memberId: string;
  name: string;
  nation: Nation;
  weight: number;
}

/** The members taking part, with their nation and rota weight. One statement. */
export async function loadRotaMembers(tx: PlatformTransaction, partnershipId: string): Promise<MemberRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select m.member_organisation_id, m.member_name, m.nation, coalesce(r.weight, 1) as weight
          from shared_members m
          left join rota_shares r on r.tenant_id = m.tenant_id and r.member_organisation_id = m.member_organisation_id
         where m.tenant_id = ${partnershipId}
         order by m.member_name, m.member_organisation_id`,
  );
  return rows.map((row) => ({
    memberId: String(row.member_organisation_id),
    name: String(row.member_name),
    nation: row.nation as Nation,
    weight: Number(row.weight),
  }));
}
