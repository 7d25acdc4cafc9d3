import { type Nation, type PlatformTransaction, parseIsoDate } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordReferenceDataChange } from './catalogue-audit.ts';

export type CalendarSource = (typeof tables.calendarSource.enumValues)[number];

export interface Holiday {
  date: string;
  name: string;
}

/** A new calendar version: what it added and removed. */
export interface CalendarChange {
  nation: Nation;
  version: number;
  added: Holiday[];
  removed: Holiday[];
}

export interface NationCalendarEdit {
  nation: Nation;
  /** The holidays the nation has, from now on, on the dates `covers` says this edit speaks for. */
  holidays: readonly Holiday[];
  /** Which of the nation's current holidays the edit may remove: those in these years, or none. */
  covers: { years: readonly number[] } | 'adds_only';
  source: CalendarSource;
}

const key = (holiday: Holiday) => `${holiday.date}\u0000${holiday.name}`;

/**
 * Applies one edit to a nation's calendar as a new version, or does nothing when it changes
 * nothing (so importing the same document twice leaves one version). In the transaction, in
 * order: edits of the nation queue on a lock, `bank_holidays` gets
 * the holidays added and loses those removed, the version records both, the calendar row takes
 * the new version and its holiday set, and `working_days` is renumbered for the nation in one
 * set-based statement, so SQL counting on it agrees with the clocks.
 *
 * Due times are not stored: every SLA clock is computed when read, from its request's history
 * and the organisation's nation calendar row, so the new version moves the due time of every
 * open request of the nation at once, in every tenant, without writing to a tenant table.
 */
export async function changeNationCalendar(
  tx: PlatformTransaction,
  audit: AuditActor,
  edit: NationCalendarEdit,
): Promise<CalendarChange | null> {
  // Edits of one nation take turns (a transaction-scoped advisory lock: a locking read on Citus
  // must name a tenant, and calendars have none).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`calendar:${edit.nation}`}, 0))`);
  const [calendar] = await tx
    .select({ version: tables.nationCalendars.version })
    .from(tables.nationCalendars)
    .where(eq(tables.nationCalendars.nation, edit.nation));
  if (!calendar) throw new Error(`The ${edit.nation} calendar has no row: the seed has not run`);

  const current = await tx
    .select({ date: tables.bankHolidays.date, name: tables.bankHolidays.name })
    .from(tables.bankHolidays)
    .where(eq(tables.bankHolidays.nation, edit.nation));
  const currentKeys = new Set(current.map(key));
  const wantedKeys = new Set(edit.holidays.map(key));
  const covered = (date: string) => edit.covers !== 'adds_only' && edit.covers.years.includes(parseIsoDate(date).year);
  const added = edit.holidays.filter((holiday) => !currentKeys.has(key(holiday)));
  // A holiday whose name changed on the same date is removed under its old name and added under
  // the new one: the version keeps both, the working days do not move.
  const addedDates = new Set(added.map((holiday) => holiday.date));
  const removed = current.filter(
    (holiday) => !wantedKeys.has(key(holiday)) && (covered(holiday.date) || addedDates.has(holiday.date)),
  );
  if (added.length === 0 && removed.length === 0) return null;

  if (removed.length > 0) {
    await tx.delete(tables.bankHolidays).where(
      and(
        eq(tables.bankHolidays.nation, edit.nation),
        inArray(
          tables.bankHolidays.date,
          removed.map((holiday) => holiday.date),
        ),
      ),
    );
  }
  if (added.length > 0) {
    await tx.insert(tables.bankHolidays).values(added.map((holiday) => ({ nation: edit.nation, ...holiday })));
  }
  const holidayDays = current
    .filter((holiday) => !removed.some((gone) => gone.date === holiday.date))
    .concat(added)
    .map((holiday) => parseIsoDate(holiday.date).epochDay);
  const version = calendar.version + 1;
  const [versionRow] = await tx
    .insert(tables.calendarVersions)
    .values({
      nation: edit.nation,
      version,
      source: edit.source,
      added,
      removed,
      createdBy: audit.subject,
    })
    .returning({ id: tables.calendarVersions.id });
  await tx
    .update(tables.nationCalendars)
    .set({ version, holidayEpochDays: [...new Set(holidayDays)].sort((a, b) => a - b), updatedAt: sql`now()` })
    .where(eq(tables.nationCalendars.nation, edit.nation));
  await renumberWorkingDays(tx, edit.nation, [...added, ...removed]);
  await recordReferenceDataChange(tx, audit, {
    action: 'calendar.change',
    targetType: 'CalendarVersion',
    targetId: versionRow!.id,
    before: { nation: edit.nation, version: calendar.version },
    after: { nation: edit.nation, version, source: edit.source, added, removed },
  });
  return { nation: edit.nation, version, added, removed };
}

/**
 * Renumbers the nation's working days from the earliest changed date on: a working day carries
 * its ordinal, any other day the ordinal of the working day before it (as the seed numbers them).
 * One statement; rows whose values stay the same are not written.
 */
async function renumberWorkingDays(tx: PlatformTransaction, nation: Nation, changed: readonly Holiday[]) {
  const from = changed.map((holiday) => holiday.date).sort()[0]!;
  await tx.execute(sql`
    update ${tables.workingDays} as w
    set is_working_day = d.is_working_day, working_day_number = d.working_day_number
    from (
      select c.date, c.is_working_day,
        c.base + (sum(case when c.is_working_day then 1 else 0 end) over (order by c.date))::integer as working_day_number
      from (
        select wd.date,
          extract(isodow from wd.date) < 6
            and not exists (select 1 from ${tables.bankHolidays} h where h.nation = wd.nation and h.date = wd.date)
            as is_working_day,
          coalesce((select max(p.working_day_number) from ${tables.workingDays} p
                    where p.nation = wd.nation and p.date < ${from}::date), 0) as base
        from ${tables.workingDays} wd
        where wd.nation = ${nation} and wd.date >= ${from}::date
      ) c
    ) d
    where w.nation = ${nation} and w.date = d.date
      and (w.is_working_day, w.working_day_number) is distinct from (d.is_working_day, d.working_day_number)`);
}
