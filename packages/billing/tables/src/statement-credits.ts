import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A credit on an organisation's monthly statement (a goodwill credit, a service credit for a
 * missed service level, a correction of an earlier statement). Append-only like the ledger: a
 * wrong credit is answered by a new one, never edited away.
 */
export const statementCredits = pgTable.withRLS(
  'statement_credits',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The first day of the statement month it appears on. */
    statementMonth: date('statement_month', { mode: 'string' }).notNull(),
    /** Positive: what the organisation is credited (a correction of a credit is negative). */
    amountPence: bigint('amount_pence', { mode: 'bigint' }).notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'statement_credits_pkey', columns: [t.tenantId, t.id] }),
    unique('statement_credits_tenant_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'statement_credits_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('statement_credits_tenant_month_idx').on(t.tenantId, t.statementMonth),
    check('statement_credits_month_check', sql`extract(day from ${t.statementMonth}) = 1`),
    check('statement_credits_amount_check', sql`${t.amountPence} <> 0`),
    ...tenantPolicies('statement_credits', t.tenantId),
  ],
);
