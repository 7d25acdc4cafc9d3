import {
  ConflictError,
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { isoDate, londonToday } from '../common/dates.ts';
import { callerPartnership } from '../common/partnership-admin.ts';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';

export type RecoveryCategory = (typeof tables.recoveryItemCategory.enumValues)[number];
export type RecoveryOutcome = (typeof tables.recoveryTestOutcome.enumValues)[number];

export interface RecoveryItemInput {
  name: string;
  category: RecoveryCategory;
  priority: number;
  rtoHours: number | null;
  rpoHours: number | null;
}

function checkItem(item: RecoveryItemInput, field: string) {
  if (item.name.trim() === '') throw new ValidationError('Name what must be recovered', `${field}.name`);
  if (!Number.isInteger(item.priority) || item.priority < 1 || item.priority > 99) {
    throw new ValidationError('Priorities run from 1 (first) to 99', `${field}.priority`);
  }
  for (const key of ['rtoHours', 'rpoHours'] as const) {
    const value = item[key];
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 8760)) {
      throw new ValidationError('Objectives are whole hours, 0 to 8,760 (a year)', `${field}.${key}`);
    }
  }
}

function checkInterval(days: number, field: string) {
  if (!Number.isInteger(days) || days < 1 || days > 1096) {
    throw new ValidationError('Test intervals are 1 to 1,096 days (three years)', field);
  }
}

/** The partnership's tenant admins write its generic recovery model (audited). */
export async function createRecoveryTemplate(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    name: string;
    description: string;
    testIntervalDays: number;
    items: RecoveryItemInput[];
  },
) {
  const partnershipId = await callerPartnership(tx, caller);
  if (input.name.trim() === '') throw new ValidationError('Name the model', 'input.name');
  checkInterval(input.testIntervalDays, 'input.testIntervalDays');
  if (input.items.length === 0) throw new ValidationError('List what must be recovered', 'input.items');
  for (const [index, item] of input.items.entries()) checkItem(item, `input.items.${index}`);
  const [template] = await tx
    .insert(tables.recoveryTemplates)
    .values({
      tenantId: partnershipId,
      name: input.name.trim(),
      description: input.description.trim(),
      testIntervalDays: input.testIntervalDays,
    })
    .returning();
  if (!template) throw new Error('The template was not written');
  await tx.insert(tables.recoveryTemplateItems).values(
    input.items.map((item) => ({
      tenantId: partnershipId,
      templateId: template.id,
      ...item,
      name: item.name.trim(),
    })),
  );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: partnershipId,
      action: 'recovery_template.created',
      targetType: 'RecoveryTemplate',
      targetId: template.id,
      after: { template, items: input.items },
    },
  ]);
  return template;
}

export interface PlanItemInput extends RecoveryItemInput {
  templateItemId: string | null;
  owner: string | null;
  testIntervalDays: number | null;
}

/**
 * A member adapts a partnership template into its own plan: the template's items with its own
 * owners and objectives, and any systems of its own. With no items given, the template's are
 * copied as they are. One plan per template and member.
 */
export async function adoptRecoveryPlan(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    partnershipId: string;
    templateId: string;
    name: string;
    items: PlanItemInput[] | null;
  },
) {
  const memberId = caller.actor.organisationId;
  await requireSharedPartnership(tx, input.partnershipId);
  const template = await tx.query.recoveryTemplates.findFirst({
    where: { tenantId: input.partnershipId, id: input.templateId },
  });
  if (!template) throw new NotFoundError('No recovery model of this partnership has this id');
  const templateItems = await tx.query.recoveryTemplateItems.findMany({
    where: { tenantId: input.partnershipId, templateId: input.templateId },
    orderBy: { priority: 'asc', id: 'asc' },
  });
  const items: PlanItemInput[] =
    input.items ??
    templateItems.map((item) => ({
      templateItemId: item.id,
      name: item.name,
      category: item.category,
      priority: item.priority,
      rtoHours: item.rtoHours,
      rpoHours: item.rpoHours,
      owner: null,
      testIntervalDays: null,
    }));
  if (items.length === 0) throw new ValidationError('A plan lists what must be recovered', 'input.items');
  items.forEach((item, index) => {
    checkItem(item, `input.items.${index}`);
    if (item.testIntervalDays !== null) checkInterval(item.testIntervalDays, `input.items.${index}.testIntervalDays`);
    if (item.templateItemId !== null && !templateItems.some((t) => t.id === item.templateItemId)) {
      throw new ValidationError('Not an item of this model', `input.items.${index}.templateItemId`);
    }
  });
  const [plan] = await tx
    .insert(tables.recoveryPlans)
    .values({
      tenantId: memberId,
      partnershipId: input.partnershipId,
      templateId: input.templateId,
      name: input.name.trim() || template.name,
      createdBy: caller.actor.principal.subject,
    })
    .onConflictDoNothing({ target: [tables.recoveryPlans.tenantId, tables.recoveryPlans.templateId] })
    .returning();
  if (!plan)
    throw new ConflictError(
      'Your organisation already has a plan adapted from this model',
      SHARED_SUPPORT_ERRORS.RECOVERY_PLAN_EXISTS,
    );
  await tx.insert(tables.recoveryPlanItems).values(
    items.map((item) => ({
      tenantId: memberId,
      planId: plan.id,
      templateItemId: item.templateItemId,
      name: item.name.trim(),
      category: item.category,
      priority: item.priority,
      owner: item.owner,
      rtoHours: item.rtoHours,
      rpoHours: item.rpoHours,
      testIntervalDays: item.testIntervalDays ?? template.testIntervalDays,
    })),
  );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: memberId,
      action: 'recovery_plan.adopted',
      targetType: 'RecoveryPlan',
      targetId: plan.id,
      after: { plan, items },
    },
  ]);
  return plan;
}

/** A member records a recovery test of one of its plan's items. A test cannot be dated in the future. */
export async function recordRecoveryTest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    planItemId: string;
    testedOn: string;
    outcome: RecoveryOutcome;
    notes: string | null;
    idempotencyKey: string;
    today?: string;
  },
): Promise<{ test: typeof tables.recoveryTests.$inferSelect; replayed: boolean }> {
  const memberId = caller.actor.organisationId;
  checkIdempotencyKey(input.idempotencyKey);
  const hash = inputHash([input.planItemId, input.testedOn, input.outcome, input.notes]);
  const key = { tenantId: memberId, idempotencyKey: input.idempotencyKey, inputHash: hash };
  const earlier = await findReplay(tx, tables.recoveryTests, key);
  if (earlier) return { test: earlier, replayed: true };
  const testedOn = isoDate(input.testedOn, 'input.testedOn');
  const today = input.today ?? londonToday();
  if (testedOn > today) {
    throw new ValidationError(`A recovery test cannot be dated in the future (today is ${today})`, 'input.testedOn');
  }
  const [item] = await queryRows<{ id: string }>(
    tx,
    sql`select id from recovery_plan_items where tenant_id = ${memberId} and id = ${input.planItemId}`,
  );
  if (!item) throw new NotFoundError('No item of your recovery plans has this id');
  const { row: test, replayed } = await insertOnce(tx, tables.recoveryTests, {
    ...key,
    planItemId: input.planItemId,
    testedOn,
    outcome: input.outcome,
    notes: input.notes,
    recordedBy: caller.actor.principal.subject,
  });
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: memberId,
        action: 'recovery_test.recorded',
        targetType: 'RecoveryTest',
        targetId: test.id,
        after: test,
      },
    ]);
  }
  return { test, replayed };
}
