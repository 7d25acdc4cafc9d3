import {
  ConflictError,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { requireSharedPartnership } from '../common/partnership-context.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { checkInterval, checkItem, type RecoveryItemInput } from './recovery-item-checks.ts';

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
