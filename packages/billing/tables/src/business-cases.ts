import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { savingsRecurrence } from './billing-enums.ts';
import { savingsOpportunities } from './savings-opportunities.ts';

/** Whether a business-case line is a saving (a benefit) or an investment (a cost). */
export const businessCaseLineKind = pgEnum('business_case_line_kind', ['saving', 'investment']);

/**
 * Which computed figure of a business case a document's stated figure states, so that the stated
 * figure can be shown beside the exact sum and the difference (Northumberland's rounded tables).
 */
export const businessCaseMeasure = pgEnum('business_case_measure', [
  'lines_total',
  'gross_recurring_savings',
  'recurring_investment',
  'net_recurring_savings',
  'one_off_investment',
  'savings_low',
  'savings_high',
  'cashable_savings_over_term',
  'non_cashable_benefits_over_term',
  'return_over_term',
  'payback_months',
]);

/** How a stated figure bounds the truth: exactly, or "less than" / "up to" it. */
export const statedFigureComparator = pgEnum('stated_figure_comparator', ['exactly', 'less_than', 'up_to']);

/**
 * A business case for an organisation: workstreams, savings and investment lines with a year
 * profile, and the figures the source document states. Totals are never stored: every figure is
 * computed from the lines (packages/billing/src/business-cases/business-case-figures.ts).
 */
export const businessCases = pgTable.withRLS(
  'business_cases',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Where the case comes from (a document, a committee paper), if anywhere. */
    source: text('source'),
    /** The fiscal year of Year 1 (its start year: 2023 is 2023/24), when the case says. */
    firstFiscalYear: smallint('first_fiscal_year'),
    /** The years the case runs over: the N of "return over N years" unless a caller asks otherwise. */
    termYears: smallint('term_years').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'business_cases_pkey', columns: [t.tenantId, t.id] }),
    unique('business_cases_tenant_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'business_cases_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('business_cases_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('business_cases_term_check', sql`${t.termYears} between 1 and 50`),
    check('business_cases_fiscal_year_check', sql`${t.firstFiscalYear} between 1900 and 2998`),
    ...tenantPolicies('business_cases', t.tenantId),
  ],
);

/** A workstream of a business case, with the savings range (low and high) the case gives it. */
export const businessCaseWorkstreams = pgTable.withRLS(
  'business_case_workstreams',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    businessCaseId: uuid('business_case_id').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    savingsLowPence: bigint('savings_low_pence', { mode: 'bigint' }),
    savingsHighPence: bigint('savings_high_pence', { mode: 'bigint' }),
  },
  (t) => [
    primaryKey({ name: 'business_case_workstreams_pkey', columns: [t.tenantId, t.id] }),
    unique('business_case_workstreams_position_key').on(t.tenantId, t.businessCaseId, t.position),
    foreignKey({
      name: 'business_case_workstreams_case_fk',
      columns: [t.tenantId, t.businessCaseId],
      foreignColumns: [businessCases.tenantId, businessCases.id],
    }),
    check('business_case_workstreams_low_check', sql`${t.savingsLowPence} >= 0`),
    check('business_case_workstreams_high_check', sql`${t.savingsHighPence} >= ${t.savingsLowPence}`),
    ...tenantPolicies('business_case_workstreams', t.tenantId),
  ],
);

/**
 * A saving or investment line. Its amounts are either a year profile (business_case_line_amounts)
 * or, when the source gives only a total over the whole term, `term_amount_pence`; never both.
 */
export const businessCaseLines = pgTable.withRLS(
  'business_case_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    businessCaseId: uuid('business_case_id').notNull(),
    /** The workstream it belongs to; null for a case-wide line (programme management, say). */
    workstreamId: uuid('workstream_id'),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    kind: businessCaseLineKind('kind').notNull(),
    recurrence: savingsRecurrence('recurrence').notNull(),
    cashable: boolean('cashable').notNull(),
    /** The amount over the whole term when the source gives no year profile. */
    termAmountPence: bigint('term_amount_pence', { mode: 'bigint' }),
    /** Where the figures come from and anything a reader must know about them. */
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'business_case_lines_pkey', columns: [t.tenantId, t.id] }),
    unique('business_case_lines_position_key').on(t.tenantId, t.businessCaseId, t.position),
    foreignKey({
      name: 'business_case_lines_case_fk',
      columns: [t.tenantId, t.businessCaseId],
      foreignColumns: [businessCases.tenantId, businessCases.id],
    }),
    foreignKey({
      name: 'business_case_lines_workstream_fk',
      columns: [t.tenantId, t.workstreamId],
      foreignColumns: [businessCaseWorkstreams.tenantId, businessCaseWorkstreams.id],
    }),
    index('business_case_lines_workstream_idx').on(t.tenantId, t.workstreamId),
    check('business_case_lines_term_amount_check', sql`${t.termAmountPence} >= 0`),
    check('business_case_lines_investment_cashable_check', sql`${t.kind} = 'saving' or ${t.cashable}`),
    ...tenantPolicies('business_case_lines', t.tenantId),
  ],
);

/**
 * A line's amount in one year of the profile (Year 1, 2, 3...). Recurring lines: the increase in
 * the annual amount from that year on (Northumberland's profile: the three years add up to the
 * full-year effect); one-off lines: the amount in that year.
 */
export const businessCaseLineAmounts = pgTable.withRLS(
  'business_case_line_amounts',
  {
    tenantId: uuid('tenant_id').notNull(),
    lineId: uuid('line_id').notNull(),
    yearNumber: smallint('year_number').notNull(),
    amountPence: bigint('amount_pence', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'business_case_line_amounts_pkey', columns: [t.tenantId, t.lineId, t.yearNumber] }),
    foreignKey({
      name: 'business_case_line_amounts_line_fk',
      columns: [t.tenantId, t.lineId],
      foreignColumns: [businessCaseLines.tenantId, businessCaseLines.id],
    }),
    check('business_case_line_amounts_year_check', sql`${t.yearNumber} between 1 and 50`),
    check('business_case_line_amounts_amount_check', sql`${t.amountPence} >= 0`),
    ...tenantPolicies('business_case_line_amounts', t.tenantId),
  ],
);

/**
 * A figure the source document states (a rounded table total, a payback period), kept verbatim
 * beside the quote it comes from, so the API can show it next to the exact computed figure and the
 * difference instead of "fixing" the source.
 */
export const businessCaseStatedFigures = pgTable.withRLS(
  'business_case_stated_figures',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    businessCaseId: uuid('business_case_id').notNull(),
    position: smallint('position').notNull(),
    label: text('label').notNull(),
    measure: businessCaseMeasure('measure').notNull(),
    /** For a lines total: the profile year it states (null: the lines' whole total). */
    yearNumber: smallint('year_number'),
    /** The stated amount (every measure but payback). */
    amountPence: bigint('amount_pence', { mode: 'bigint' }),
    /** The stated payback period in whole months. */
    months: smallint('months'),
    comparator: statedFigureComparator('comparator').notNull().default('exactly'),
    /** The document's words, verbatim. */
    quote: text('quote').notNull(),
  },
  (t) => [
    primaryKey({ name: 'business_case_stated_figures_pkey', columns: [t.tenantId, t.id] }),
    unique('business_case_stated_figures_position_key').on(t.tenantId, t.businessCaseId, t.position),
    foreignKey({
      name: 'business_case_stated_figures_case_fk',
      columns: [t.tenantId, t.businessCaseId],
      foreignColumns: [businessCases.tenantId, businessCases.id],
    }),
    check(
      'business_case_stated_figures_shape_check',
      sql`case when ${t.measure} = 'payback_months'
        then ${t.months} is not null and ${t.months} >= 0 and ${t.amountPence} is null
        else ${t.amountPence} is not null and ${t.months} is null end`,
    ),
    check(
      'business_case_stated_figures_year_check',
      sql`${t.yearNumber} is null or (${t.measure} = 'lines_total' and ${t.yearNumber} between 1 and 50)`,
    ),
    ...tenantPolicies('business_case_stated_figures', t.tenantId),
  ],
);

/** The lines whose sum a `lines_total` stated figure states. */
export const businessCaseStatedFigureLines = pgTable.withRLS(
  'business_case_stated_figure_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    statedFigureId: uuid('stated_figure_id').notNull(),
    lineId: uuid('line_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'business_case_stated_figure_lines_pkey', columns: [t.tenantId, t.statedFigureId, t.lineId] }),
    foreignKey({
      name: 'business_case_stated_figure_lines_figure_fk',
      columns: [t.tenantId, t.statedFigureId],
      foreignColumns: [businessCaseStatedFigures.tenantId, businessCaseStatedFigures.id],
    }),
    foreignKey({
      name: 'business_case_stated_figure_lines_line_fk',
      columns: [t.tenantId, t.lineId],
      foreignColumns: [businessCaseLines.tenantId, businessCaseLines.id],
    }),
    index('business_case_stated_figure_lines_line_idx').on(t.tenantId, t.lineId),
    ...tenantPolicies('business_case_stated_figure_lines', t.tenantId),
  ],
);

/**
 * Benefits realisation: a saving line is delivered by savings opportunities, whose savings-ledger
 * figures per fiscal year are set against the line's planned profile.
 */
export const businessCaseLineOpportunities = pgTable.withRLS(
  'business_case_line_opportunities',
  {
    tenantId: uuid('tenant_id').notNull(),
    lineId: uuid('line_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'business_case_line_opportunities_pkey', columns: [t.tenantId, t.lineId, t.opportunityId] }),
    foreignKey({
      name: 'business_case_line_opportunities_line_fk',
      columns: [t.tenantId, t.lineId],
      foreignColumns: [businessCaseLines.tenantId, businessCaseLines.id],
    }),
    foreignKey({
      name: 'business_case_line_opportunities_opportunity_fk',
      columns: [t.tenantId, t.opportunityId],
      foreignColumns: [savingsOpportunities.tenantId, savingsOpportunities.id],
    }),
    index('business_case_line_opportunities_opportunity_idx').on(t.tenantId, t.opportunityId),
    ...tenantPolicies('business_case_line_opportunities', t.tenantId),
  ],
);
