import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordImports } from './record-imports.ts';
import { recordVersionColumns, recordVersionConstraints } from './record-versions.ts';
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
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'payrolls_pkey', columns: [t.tenantId, t.id] }),
    // A code names one payroll; its corrections keep the code.
    uniqueIndex('payrolls_tenant_code_key').on(t.tenantId, t.code).where(sql`corrects_id is null`),
    ...recordVersionConstraints('payrolls', t, recordImports),
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
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'pay_periods_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('pay_periods_tenant_payroll_start_key')
      .on(t.tenantId, t.payrollId, t.periodStart)
      .where(sql`corrects_id is null`),
    ...recordVersionConstraints('pay_periods', t, recordImports),
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
    /** The sending system's reference for the change (null for seeded rows); corrections keep it. */
    reference: text('reference'),
    kind: payrollChangeKind('kind').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'payroll_changes_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('payroll_changes_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    ...recordVersionConstraints('payroll_changes', t, recordImports),
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
    /** The reporting system's reference for the error (null for seeded rows); corrections keep it. */
    reference: text('reference'),
    causedBy: errorCause('caused_by').notNull(),
    description: text('description').notNull(),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'payroll_errors_pkey', columns: [t.tenantId, t.id] }),
    uniqueIndex('payroll_errors_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    ...recordVersionConstraints('payroll_errors', t, recordImports),
    foreignKey({
      name: 'payroll_errors_period_fk',
      columns: [t.tenantId, t.payPeriodId],
      foreignColumns: [payPeriods.tenantId, payPeriods.id],
    }),
    index('payroll_errors_tenant_period_idx').on(t.tenantId, t.payPeriodId),
    ...tenantPolicies('payroll_errors', t.tenantId),
  ],
);
