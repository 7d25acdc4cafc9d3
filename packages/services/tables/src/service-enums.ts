import { pgEnum } from 'drizzle-orm/pg-core';

export const serviceLineCode = pgEnum('service_line_code', ['payroll', 'recruitment', 'ict', 'finance', 'procurement']);

/** Requests are fulfilled against a target; incidents are also prioritised. */
export const offeringKind = pgEnum('offering_kind', ['request', 'incident']);

/** How an SLA target is counted. */
export const targetUnit = pgEnum('target_unit', ['working_hours', 'working_days', 'elapsed_minutes']);

/**
 * What "N working days" means on an SLA definition (docs/sla-rules.md): the close of business on
 * the Nth working day after the day of receipt, or the same clock time on the Nth working day.
 */
export const workingDayConvention = pgEnum('working_day_convention', [
  'end_of_nth_working_day',
  'same_time_nth_working_day',
]);

/** How a calendar version came about. */
export const calendarSource = pgEnum('calendar_source', ['generator', 'gov_uk_import', 'platform_admin']);

export const subscriptionStatus = pgEnum('subscription_status', ['active', 'ended']);

export const priceBasis = pgEnum('price_basis', ['catalogue', 'negotiated']);

export const requestStatus = pgEnum('request_status', [
  'new',
  'in_progress',
  'waiting_on_customer',
  'resolved',
  'closed',
  'cancelled',
]);

export const incidentPriority = pgEnum('incident_priority', ['p1', 'p2', 'p3', 'p4']);

export const payrollFrequency = pgEnum('payroll_frequency', ['monthly', 'four_weekly', 'fortnightly', 'weekly']);

export const payrollChangeKind = pgEnum('payroll_change_kind', ['starter', 'leaver', 'pay_change', 'arrears']);

/** Who caused a payroll error: the partnership (counts against its KPI) or the customer. */
export const errorCause = pgEnum('error_cause', ['partnership', 'customer']);

/**
 * The kinds of record that come in through the API (one import engine): payroll and recruitment
 * records, and service-desk history (`service_requests`: requests with their status histories).
 */
export const recordKind = pgEnum('record_kind', [
  'payrolls',
  'pay_periods',
  'payroll_changes',
  'payroll_errors',
  'dbs_checks',
  'contract_letters',
  'vacancies',
  'applications',
  'application_stages',
  'service_requests',
]);

/** The stages an application passes through; each reached is one record. */
export const applicationStage = pgEnum('application_stage', [
  'shortlisted',
  'interviewed',
  'offered',
  'appointed',
  'withdrawn',
  'rejected',
]);
