import { NotFoundError, type PlatformTransaction, queryRows, ValidationError } from '@ssp/core';
import type * as tables from '@ssp/shared-support-tables';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import type { Interval } from './out-of-hours.ts';
import { personShiftsOverlapping } from './rota-views.ts';

export type RotaShiftRow = typeof tables.rotaShifts.$inferSelect;
export type RotaSwapRow = typeof tables.rotaSwaps.$inferSelect;

/** The longest shift: a bank-holiday weekend, Friday 17:00 to Tuesday 09:00, is 88 hours. */
export const MAX_SHIFT_HOURS = 96;

/**
 * The person is the member's own, published to the partnership, and not away during the span.
 * Locks the person's row until the transaction ends, so two shifts (or a shift and a swap) for the
 * same person cannot both pass the overlap check at once.
 */
export async function checkHolder(
  tx: PlatformTransaction,
  partnershipId: string,
  memberId: string,
  personId: string,
  span: Interval,
  field: string,
) {
  const from = DateTime.fromMillis(span.start, { zone: 'Europe/London' }).toISODate();
  const to = DateTime.fromMillis(span.end, { zone: 'Europe/London' }).toISODate();
  // The lock is taken on the member's own row alone, in a statement of its own named by tenant_id
  // (on Citus a FOR UPDATE goes to one shard and reads one table); whether the person is away, and
  // whether published (the partnership's row, another tenant's), are read after it.
  const [person] = await queryRows<{ id: string }>(
    tx,
    sql`select p.id from support_people p where p.tenant_id = ${memberId} and p.id = ${personId} for update`,
  );
  if (!person) throw new NotFoundError('No person of your organisation has this id');
  const published = await queryRows<{ published: number }>(
    tx,
    sql`select 1 as published from shared_people sp
         where sp.tenant_id = ${partnershipId} and sp.id = ${personId} and sp.member_organisation_id = ${memberId}`,
  );
  if (published.length === 0)
    throw new ValidationError('The person is not in the shared directory of this partnership', field);
  const away = await queryRows<{ away: number }>(
    tx,
    sql`select 1 as away from support_person_unavailability u
         where u.tenant_id = ${memberId} and u.person_id = ${personId}
           and u.starts_on <= ${to}::date and u.ends_on >= ${from}::date
         limit 1`,
  );
  if (away.length > 0) throw new ValidationError('The person cannot be called on during the shift', field);
}

export async function checkNoOverlap(
  tx: PlatformTransaction,
  partnershipId: string,
  personId: string,
  span: Interval,
  except: readonly string[],
  field: string,
) {
  const clashes = await personShiftsOverlapping(
    tx,
    partnershipId,
    personId,
    new Date(span.start),
    new Date(span.end),
    except,
  );
  if (clashes.length > 0) {
    throw new ValidationError(
      `The person already holds a shift from ${clashes[0]!.startsAt.toISOString()} to ${clashes[0]!.endsAt.toISOString()}`,
      field,
      SHARED_SUPPORT_ERRORS.ROTA_SHIFT_CLASH,
    );
  }
}
