import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { savingsCategory, savingsOpportunityStatus, savingsRecurrence, savingsTarget } from './billing-enums.ts';

/**
 * A way the partnership proposes to take cost out so that a reduction stays cost-neutral. It
 * belongs to the customer (its tenant): the customer accepts it or rejects it with a reason; an
 * accepted one is delivered, and what it saves is recorded in the savings ledger per fiscal year.
 */
export const savingsOpportunities = pgTable.withRLS(
  'savings_opportunities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: savingsCategory('category').notNull(),
    cashable: boolean('cashable').notNull(),
    recurrence: savingsRecurrence('recurrence').notNull(),
    countsAgainst: savingsTarget('counts_against').notNull(),
    /** The customer's budget it counts against, when not the affordability charge. */
    budgetName: text('budget_name'),
    /** What the partnership expects it to save in a year, if it said. */
    estimatedAnnualPence: bigint('estimated_annual_pence', { mode: 'bigint' }),
    status: savingsOpportunityStatus('status').notNull().default('proposed'),
    /** The organisation whose people proposed it (the partnership, usually). */
    proposedByOrganisationId: uuid('proposed_by_organisation_id').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why the customer rejected it (required then), or a note on accepting it. */
    decisionReason: text('decision_reason'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'savings_opportunities_pkey', columns: [t.tenantId, t.id] }),
    unique('savings_opportunities_tenant_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({
      name: 'savings_opportunities_tenant_fk',
      columns: [t.tenantId],
      foreignColumns: [organisations.id],
    }),
    index('savings_opportunities_tenant_proposed_idx').on(t.tenantId, t.proposedAt, t.id),
    check(
      'savings_opportunities_budget_check',
      sql`(${t.countsAgainst} = 'other_budget') = (${t.budgetName} is not null)`,
    ),
    check(
      'savings_opportunities_rejection_reason_check',
      sql`${t.status} <> 'rejected' or ${t.decisionReason} is not null`,
    ),
    check(
      'savings_opportunities_estimate_check',
      sql`${t.estimatedAnnualPence} is null or ${t.estimatedAnnualPence} >= 0`,
    ),
    ...tenantPolicies('savings_opportunities', t.tenantId),
  ],
);
