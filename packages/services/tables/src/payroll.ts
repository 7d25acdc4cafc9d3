import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { errorCause, payrollChangeKind, payrollFrequency } from './service-enums.ts';

/** A payroll the partnership runs for an organisation (Lancashire added eight for the apprenticeship levy). */
export const payrolls = pgTable.withRLS(
  'payrolls',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    frequency: payrollFrequency('frequency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payrolls_pkey', columns: [t.tenantId, t.id] }),
    unique('payrolls_tenant_code_key').on(t.tenantId, t.code),
    foreignKey({ name: 'payrolls_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    ...tenantPolicies('payrolls', t.tenantId),
  ],
);

/** One pay period of a payroll: its published deadline for changes, and the payments made. */
export const payPeriods = pgTable.withRLS(
  'pay_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    payrollId: uuid('payroll_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** Changes processed after this missed the payroll: the 99 % KPI. */
    publishedDeadline: timestamp('published_deadline', { withTimezone: true }).notNull(),
    paymentsMade: integer('payments_made').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pay_periods_pkey', columns: [t.tenantId, t.id] }),
    unique('pay_periods_tenant_payroll_start_key').on(t.tenantId, t.payrollId, t.periodStart),
    foreignKey({
      name: 'pay_periods_payroll_fk',
      columns: [t.tenantId, t.payrollId],
      foreignColumns: [payrolls.tenantId, payrolls.id],
    }),
    index('pay_periods_tenant_start_idx').on(t.tenantId, t.periodStart),
    ...tenantPolicies('pay_periods', t.tenantId),
  ],
);

/** A change the payroll received (starter, leaver, pay change, arrears) and when it was processed. */
export const payrollChanges = pgTable.withRLS(
  'payroll_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    payPeriodId: uuid('pay_period_id').notNull(),
    kind: payrollChangeKind('kind').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'payroll_changes_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'payroll_changes_period_fk',
      columns: [t.tenantId, t.payPeriodId],
      foreignColumns: [payPeriods.tenantId, payPeriods.id],
    }),
    index('payroll_changes_tenant_period_idx').on(t.tenantId, t.payPeriodId),
    ...tenantPolicies('payroll_changes', t.tenantId),
  ],
);

/** An error in a pay period, and who caused it: only the partnership's count against its KPI. */
export const payrollErrors = pgTable.withRLS(
  'payroll_errors',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    payPeriodId: uuid('pay_period_id').notNull(),
    causedBy: errorCause('caused_by').notNull(),
    description: text('description').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payroll_errors_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'payroll_errors_period_fk',
      columns: [t.tenantId, t.payPeriodId],
      foreignColumns: [payPeriods.tenantId, payPeriods.id],
    }),
    index('payroll_errors_tenant_period_idx').on(t.tenantId, t.payPeriodId),
    ...tenantPolicies('payroll_errors', t.tenantId),
  ],
);
