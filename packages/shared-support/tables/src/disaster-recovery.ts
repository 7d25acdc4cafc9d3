import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipReadPolicy } from './partnership-policies.ts';
import { recoveryItemCategory, recoveryTestOutcome } from './shared-support-enums.ts';

/** The partnership's generic disaster-recovery model, which each member adapts. */
export const recoveryTemplates = pgTable.withRLS(
  'recovery_templates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** How often each item should be tested, in days, unless a member's plan says otherwise. */
    testIntervalDays: integer('test_interval_days').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'recovery_templates_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'recovery_templates_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    check('recovery_templates_interval_check', sql`${t.testIntervalDays} > 0`),
    ...tenantPolicies('recovery_templates', t.tenantId),
    partnershipReadPolicy('recovery_templates', t.tenantId),
  ],
);

/** What the model says must be recovered, with a priority and recovery objectives. */
export const recoveryTemplateItems = pgTable.withRLS(
  'recovery_template_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    templateId: uuid('template_id').notNull(),
    name: text('name').notNull(),
    category: recoveryItemCategory('category').notNull(),
    /** 1 is recovered first. */
    priority: smallint('priority').notNull(),
    rtoHours: integer('rto_hours'),
    rpoHours: integer('rpo_hours'),
  },
  (t) => [
    primaryKey({ name: 'recovery_template_items_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'recovery_template_items_template_fk',
      columns: [t.tenantId, t.templateId],
      foreignColumns: [recoveryTemplates.tenantId, recoveryTemplates.id],
    }),
    index('recovery_template_items_template_idx').on(t.tenantId, t.templateId, t.priority),
    ...tenantPolicies('recovery_template_items', t.tenantId),
    partnershipReadPolicy('recovery_template_items', t.tenantId),
  ],
);

/** A member's own plan, adapted from a partnership template. Private to the member. */
export const recoveryPlans = pgTable.withRLS(
  'recovery_plans',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    partnershipId: uuid('partnership_id').notNull(),
    templateId: uuid('template_id').notNull(),
    name: text('name').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'recovery_plans_pkey', columns: [t.tenantId, t.id] }),
    unique('recovery_plans_tenant_template_key').on(t.tenantId, t.templateId),
    foreignKey({ name: 'recovery_plans_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    ...tenantPolicies('recovery_plans', t.tenantId),
  ],
);

/** One system, network or piece of hardware in a member's plan, with its owner and objectives. */
export const recoveryPlanItems = pgTable.withRLS(
  'recovery_plan_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    templateItemId: uuid('template_item_id'),
    name: text('name').notNull(),
    category: recoveryItemCategory('category').notNull(),
    priority: smallint('priority').notNull(),
    owner: text('owner'),
    rtoHours: integer('rto_hours'),
    rpoHours: integer('rpo_hours'),
    testIntervalDays: integer('test_interval_days').notNull(),
  },
  (t) => [
    primaryKey({ name: 'recovery_plan_items_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'recovery_plan_items_plan_fk',
      columns: [t.tenantId, t.planId],
      foreignColumns: [recoveryPlans.tenantId, recoveryPlans.id],
    }),
    index('recovery_plan_items_plan_idx').on(t.tenantId, t.planId, t.priority),
    check('recovery_plan_items_interval_check', sql`${t.testIntervalDays} > 0`),
    ...tenantPolicies('recovery_plan_items', t.tenantId),
  ],
);

/** A recovery test of one plan item, with its date and outcome. Append-only: a correction is a new test. */
export const recoveryTests = pgTable.withRLS(
  'recovery_tests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planItemId: uuid('plan_item_id').notNull(),
    testedOn: date('tested_on').notNull(),
    outcome: recoveryTestOutcome('outcome').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The member's idempotency key and a hash of the input it came with. */
    idempotencyKey: text('idempotency_key'),
    inputHash: text('input_hash'),
  },
  (t) => [
    primaryKey({ name: 'recovery_tests_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'recovery_tests_item_fk',
      columns: [t.tenantId, t.planItemId],
      foreignColumns: [recoveryPlanItems.tenantId, recoveryPlanItems.id],
    }),
    unique('recovery_tests_idempotency_key').on(t.tenantId, t.idempotencyKey),
    index('recovery_tests_item_idx').on(t.tenantId, t.planItemId, t.testedOn),
    ...tenantPolicies('recovery_tests', t.tenantId),
  ],
);
