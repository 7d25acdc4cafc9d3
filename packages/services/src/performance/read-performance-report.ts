import { type FiscalYear, formatFiscalYear, type PlatformTransaction, queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';
import {
  indicatorResult,
  PERFORMANCE_INDICATORS,
  type PerformanceReport,
  type PerformanceReportOptions,
  reportYear,
} from './performance-indicators.ts';

type Counts = Record<string, string | number | null>;

const n = (value: string | number | null | undefined): number => Number(value ?? 0);

/**
 * The performance report of one organisation and fiscal year, computed in the database: one
 * statement of aggregates over the year's records, with the same definitions as the pure
 * `performanceReport` (which a test checks it against over the same generated records). Reading
 * the rows out to count them in JavaScript would move ~200,000 rows a year for Lancashire.
 */
export async function readPerformanceReport(
  tx: PlatformTransaction,
  organisationId: string,
  fiscalYear: FiscalYear | string,
  options: PerformanceReportOptions & { now?: Date; knownAt?: Date } = {},
): Promise<PerformanceReport> {
  const { year, period, yearToDate } = reportYear(fiscalYear, options.through);
  const { firstDay, lastDay } = period;
  const now = options.knownAt ?? options.now ?? new Date();
  // Work still inside its deadline is left out until the deadline passes (or the period ends).
  const asOf = options.asOf ?? new Date(Math.min(period.end.getTime(), now.getTime()));
  // What we knew at `knownAt` (default: now): each record's newest version recorded by then (a
  // correction recorded later is not seen yet; a record first recorded later does not exist yet;
  // a record whose newest version then retracts it is not counted).
  // Records are never updated, so this reads back exactly what a report run then would have read.
  const knownAt = now.toISOString();
  // A newest version that retracts its record leaves the record out from when it was recorded.
  const knownVersion = (table: string, alias: string) =>
    sql`${sql.identifier(alias)}.recorded_at <= ${knownAt}::timestamptz and not ${sql.identifier(alias)}.retracted and not exists (
      select 1 from ${sql.identifier(table)} later where later.tenant_id = ${organisationId}
        and later.corrects_id = ${sql.identifier(alias)}.record_id and later.version > ${sql.identifier(alias)}.version
        and later.recorded_at <= ${knownAt}::timestamptz)`;
  const start = period.start.toISOString();
  const end = period.end.toISOString();
  const at = asOf.toISOString();

  const [counts] = await queryRows<Counts>(
    tx,
    sql`
    with periods as (
      select p.record_id, p.published_deadline, p.payments_made from pay_periods p
      where p.tenant_id = ${organisationId} and p.period_start between ${firstDay}::date and ${lastDay}::date
        and ${knownVersion('pay_periods', 'p')}
    ),
    payroll_errors_in_year as (
      select e.caused_by from payroll_errors e
      join periods p on p.record_id = e.pay_period_id
      where e.tenant_id = ${organisationId} and ${knownVersion('payroll_errors', 'e')}
    ),
    changes as (
      select c.received_at, c.processed_at, p.published_deadline from payroll_changes c
      join periods p on p.record_id = c.pay_period_id
      where c.tenant_id = ${organisationId} and ${knownVersion('payroll_changes', 'c')}
    ),
    dbs as (
      select d.processed_at,
        ((deadline_day.date + time '17:00') at time zone 'Europe/London') as deadline
      from dbs_checks d
      join working_days receipt on receipt.nation = 'england_and_wales'
        and receipt.date = (d.information_complete_at at time zone 'Europe/London')::date
      join working_days deadline_day on deadline_day.nation = 'england_and_wales' and deadline_day.is_working_day
        and deadline_day.working_day_number = receipt.working_day_number + 2
          + case when receipt.is_working_day
                  and (d.information_complete_at at time zone 'Europe/London')::time < time '17:00'
                 then 0 else 1 end
      where d.tenant_id = ${organisationId} and ${knownVersion('dbs_checks', 'd')}
        and d.information_complete_at >= ${start}::timestamptz and d.information_complete_at < ${end}::timestamptz
    ),
    ict as (
      select r.raised_at, r.first_contact_resolution, r.satisfaction_score, r.first_responded_at as responded_at
      from service_requests r
      join service_offerings o on o.id = r.offering_id and o.service_line_code = 'ict'
      where r.tenant_id = ${organisationId}
        and r.raised_at >= ${start}::timestamptz and r.raised_at < ${end}::timestamptz
        -- an imported history counts from when we recorded it (a raise here is recorded as raised)
        and (r.imported_at is null or r.imported_at <= ${knownAt}::timestamptz)
    )
    select
      (select coalesce(sum(payments_made), 0) from periods) as payments,
      (select count(*) from payroll_errors_in_year where caused_by = 'partnership') as partnership_errors,
      (select count(*) from payroll_errors_in_year where caused_by = 'customer') as customer_errors,
      (select count(*) from changes where received_at > published_deadline) as changes_received_late,
      (select count(*) from changes where received_at <= published_deadline
         and processed_at is null and published_deadline >= ${at}::timestamptz) as changes_pending,
      (select count(*) from changes where received_at <= published_deadline
         and processed_at <= published_deadline) as changes_in_time,
      (select count(*) from changes where received_at <= published_deadline
         and not (processed_at is null and published_deadline >= ${at}::timestamptz)) as changes_measured,
      (select count(*) from dbs_checks d where d.tenant_id = ${organisationId} and ${knownVersion('dbs_checks', 'd')}
         and d.information_complete_at is null
         and d.received_at >= ${start}::timestamptz and d.received_at < ${end}::timestamptz) as dbs_incomplete,
      (select count(*) from dbs where processed_at is null and deadline >= ${at}::timestamptz) as dbs_pending,
      (select count(*) from dbs where processed_at <= deadline) as dbs_in_time,
      (select count(*) from dbs where not (processed_at is null and deadline >= ${at}::timestamptz)) as dbs_measured,
      (select count(*) from ict where first_contact_resolution is not null) as ict_resolved,
      (select count(*) from ict where first_contact_resolution) as ict_first_contact,
      (select count(*) from ict where first_contact_resolution is null) as ict_unresolved,
      (select count(*) from ict where responded_at is null
         and raised_at + interval '30 minutes' >= ${at}::timestamptz) as ict_response_pending,
      (select count(*) from ict where responded_at <= raised_at + interval '30 minutes') as ict_responded_in_time,
      (select count(*) from ict where not (responded_at is null
         and raised_at + interval '30 minutes' >= ${at}::timestamptz)) as ict_response_measured,
      (select count(*) from ict where satisfaction_score is not null) as ict_rated,
      (select count(*) from ict where satisfaction_score >= 4) as ict_good_or_excellent,
      (select count(*) from ict where satisfaction_score is null) as ict_unrated`,
  );
  if (!counts) throw new Error('The performance report query returned no row');
  const [errorRate, changesByDeadline, dbsWithinTwoDays, firstContact, response, satisfaction] = PERFORMANCE_INDICATORS;
  const indicators = [
    indicatorResult(
      errorRate!,
      n(counts.partnership_errors),
      n(counts.payments),
      n(counts.customer_errors),
      'errors caused by the customer',
    ),
    indicatorResult(
      changesByDeadline!,
      n(counts.changes_in_time),
      n(counts.changes_measured),
      n(counts.changes_received_late) + n(counts.changes_pending),
      'changes received after the published deadline, or unprocessed with the deadline still ahead',
    ),
    indicatorResult(
      dbsWithinTwoDays!,
      n(counts.dbs_in_time),
      n(counts.dbs_measured),
      n(counts.dbs_incomplete) + n(counts.dbs_pending),
      'checks still waiting for necessary information, or unprocessed within their two working days',
    ),
    indicatorResult(
      firstContact!,
      n(counts.ict_first_contact),
      n(counts.ict_resolved),
      n(counts.ict_unresolved),
      'contacts not yet resolved',
    ),
    indicatorResult(
      response!,
      n(counts.ict_responded_in_time),
      n(counts.ict_response_measured),
      n(counts.ict_response_pending),
      'contacts awaiting a response with their 30 minutes still running',
    ),
    indicatorResult(
      satisfaction!,
      n(counts.ict_good_or_excellent),
      n(counts.ict_rated),
      n(counts.ict_unrated),
      'contacts without a satisfaction rating',
    ),
  ];
  return Object.freeze({
    fiscalYear: formatFiscalYear(year),
    period,
    yearToDate,
    indicators: Object.freeze(indicators),
  });
}
