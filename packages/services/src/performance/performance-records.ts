/**
 * The records a performance report is computed from, in the shapes the database stores them
 * (packages/services/tables/src/payroll.ts, recruitment.ts and service-requests.ts), minus
 * tenant and row ids: a report is always for one organisation, and the indicators only need the
 * facts. Instants are Date; civil dates (a pay period's first day) are 'YYYY-MM-DD' strings read on
 * the London calendar, as the database's `date` columns are.
 *
 * Keeping these as plain data lets the same indicator functions run over rows loaded from
 * PostgreSQL, over generated seed data and over hand-written test tables.
 */

/** A civil date written 'YYYY-MM-DD' (London calendar). */
export type IsoDate = string;

/** One pay period of one payroll: the deadline customers must meet, and how many were paid. */
export interface PayrollPeriodRecord {
  /** The payroll's code, unique within the organisation (e.g. 'LCC-CORPORATE'). */
  readonly payrollCode: string;
  /** First day of the period; with payrollCode it identifies the period. */
  readonly periodStart: IsoDate;
  /**
   * The published payroll deadline for the period: changes received by then must be processed by
   * then to make this period's pay run.
   */
  readonly publishedDeadline: Date;
  /** Salary payments made in the period: the denominator of the error rate. */
  readonly paymentsMade: number;
}

export const PAYROLL_CHANGE_KINDS = ['starter', 'leaver', 'pay_change', 'arrears'] as const;
export type PayrollChangeKind = (typeof PAYROLL_CHANGE_KINDS)[number];

/** A change the payroll received for a period, and when (if yet) it was processed. */
export interface PayrollChangeRecord {
  readonly payrollCode: string;
  /** The period the change was meant for: its published deadline is the one that counts. */
  readonly periodStart: IsoDate;
  readonly kind: PayrollChangeKind;
  readonly receivedAt: Date;
  /** Null while unprocessed. */
  readonly processedAt: Date | null;
}

export const PAYROLL_ERROR_CAUSES = ['partnership', 'customer'] as const;
export type PayrollErrorCause = (typeof PAYROLL_ERROR_CAUSES)[number];

/** An error found in a period's pay run and who caused it; only the partnership's count. */
export interface PayrollErrorRecord {
  readonly payrollCode: string;
  readonly periodStart: IsoDate;
  readonly causedBy: PayrollErrorCause;
  readonly description: string;
}

/** A Disclosure and Barring Service check handled by recruitment. */
export interface DbsCheckRecord {
  /** The customer's reference for the applicant or post (no personal data needed here). */
  readonly reference: string;
  readonly receivedAt: Date;
  /** When the last of the "necessary information" arrived: the clock starts here. Null until then. */
  readonly informationCompleteAt: Date | null;
  /** Null while unprocessed. */
  readonly processedAt: Date | null;
}

export const ICT_CONTACT_KINDS = ['incident', 'request'] as const;
export type IctContactKind = (typeof ICT_CONTACT_KINDS)[number];

/** 1 (very poor) to 5 (excellent), as service_requests.satisfaction_score stores it. */
export type SatisfactionScore = 1 | 2 | 3 | 4 | 5;

/**
 * An ICT service-desk request or incident. One record rather than separate contact and
 * satisfaction records because the database keeps first-contact resolution and the satisfaction
 * score on the request itself (service_requests), so a rating is attributed to the period in
 * which its request was raised.
 */
export interface IctRequestRecord {
  readonly reference: string;
  readonly kind: IctContactKind;
  readonly raisedAt: Date;
  /** The partnership's first response (in the database: the first status change out of 'new'). */
  readonly firstRespondedAt: Date | null;
  /** Resolved at the first point of contact; null while unresolved. */
  readonly firstContactResolution: boolean | null;
  /** Given after resolution, by the customers who answer the survey; null otherwise. */
  readonly satisfactionScore: SatisfactionScore | null;
}

/** Everything one organisation's performance report reads. Any list may be empty. */
export interface PerformanceRecords {
  readonly payrollPeriods: readonly PayrollPeriodRecord[];
  readonly payrollChanges: readonly PayrollChangeRecord[];
  readonly payrollErrors: readonly PayrollErrorRecord[];
  readonly dbsChecks: readonly DbsCheckRecord[];
  readonly ictRequests: readonly IctRequestRecord[];
}

/** No records at all: a convenient base for tests and for organisations without a service line. */
export const NO_PERFORMANCE_RECORDS: PerformanceRecords = Object.freeze({
  payrollPeriods: [],
  payrollChanges: [],
  payrollErrors: [],
  dbsChecks: [],
  ictRequests: [],
});
