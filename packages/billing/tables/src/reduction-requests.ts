import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * An organisation asks for its annual affordability charge to fall by an amount from a fiscal
 * year on. Reductions accumulate: Lancashire's £1m from 2015/16 and £2m from 2017/18 make £3m a
 * year from 2017/18. Each must be covered by savings (the partnership's reductions are
 * cost-neutral), which the reconciliation checks.
 */
export const reductionRequests = pgTable.withRLS(
  'reduction_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    amountPence: bigint('amount_pence', { mode: 'bigint' }).notNull(),
    /** The first fiscal year it applies to (its start year: 2017 is 2017/18); it applies every year after. */
    fromFiscalYear: smallint('from_fiscal_year').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'reduction_requests_pkey', columns: [t.tenantId, t.id] }),
    unique('reduction_requests_tenant_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'reduction_requests_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('reduction_requests_tenant_year_idx').on(t.tenantId, t.fromFiscalYear),
    check('reduction_requests_amount_check', sql`${t.amountPence} > 0`),
    check('reduction_requests_fiscal_year_check', sql`${t.fromFiscalYear} between 1900 and 2998`),
    ...tenantPolicies('reduction_requests', t.tenantId),
  ],
);
