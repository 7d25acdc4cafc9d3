import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { paymentProfile } from './billing-enums.ts';

/**
 * What an organisation pays the partnership for a fiscal year under its contract schedule,
 * before any reduction. One row per organisation and year; a change is recorded in the audit
 * trail with its before and after.
 */
export const affordabilityCharges = pgTable.withRLS(
  'affordability_charges',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The calendar year the fiscal year starts in: 2017 is 2017/18 (1 April 2017 to 31 March 2018). */
    fiscalYear: smallint('fiscal_year').notNull(),
    /** The contract schedule the charge is set under, e.g. "Schedule 11". */
    contractSchedule: text('contract_schedule').notNull(),
    annualPence: bigint('annual_pence', { mode: 'bigint' }).notNull(),
    paymentProfile: paymentProfile('payment_profile').notNull(),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'affordability_charges_pkey', columns: [t.tenantId, t.id] }),
    unique('affordability_charges_tenant_year_key').on(t.tenantId, t.fiscalYear),
    foreignKey({
      name: 'affordability_charges_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [organisations.id],
    }),
    check('affordability_charges_fiscal_year_check', sql`${t.fiscalYear} between 1900 and 2998`),
    check('affordability_charges_annual_check', sql`${t.annualPence} >= 0`),
    ...tenantPolicies('affordability_charges', t.tenantId),
  ],
);
