import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipReadPolicy } from './partnership-policies.ts';

/**
 * A partnership's shared-support programme: when it started, the day rate members agreed for
 * lending staff, the grant that funded it and its forecast benefits (Lincolnshire: £90k grant,
 * £254k cashable and £1.371m non-cashable over 5 years). One per partnership; members read it.
 */
export const sharedSupportProgrammes = pgTable.withRLS(
  'shared_support_programmes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The start of the project; the return on investment is counted from it. */
    startedOn: date('started_on'),
    /** The agreed price of one day of a member's person lent to another, in pence. */
    dayRatePence: bigint('day_rate_pence', { mode: 'number' }),
    grantPence: bigint('grant_pence', { mode: 'number' }).notNull().default(0),
    grantFrom: text('grant_from'),
    forecastYears: integer('forecast_years').notNull(),
    cashableForecastPence: bigint('cashable_forecast_pence', { mode: 'number' }).notNull(),
    nonCashableForecastPence: bigint('non_cashable_forecast_pence', { mode: 'number' }).notNull(),
    /** The forecast qualitative improvement, in whole percent (Lincolnshire: 42). */
    qualitativeImprovementPercent: integer('qualitative_improvement_percent'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'shared_support_programmes_pkey', columns: [t.tenantId, t.id] }),
    unique('shared_support_programmes_tenant_key').on(t.tenantId),
    foreignKey({
      name: 'shared_support_programmes_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [organisations.id],
    }),
    check('shared_support_programmes_years_check', sql`${t.forecastYears} between 1 and 20`),
    check('shared_support_programmes_day_rate_check', sql`${t.dayRatePence} is null or ${t.dayRatePence} > 0`),
    ...tenantPolicies('shared_support_programmes', t.tenantId),
    partnershipReadPolicy('shared_support_programmes', t.tenantId),
  ],
);
