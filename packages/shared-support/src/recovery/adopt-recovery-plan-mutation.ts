import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  ConflictError,
  checkedPageSize,
  describedEnumValues,
  ForbiddenError,
  mayReadType,
  NotFoundError,
  type RequestContext,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { isoDate, londonToday } from '../common/dates.ts';
import { idOf } from '../common/global-ids.ts';
import { requirePartnershipAdmin } from '../common/partnership-admin.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  isOverdue,
  loadRecoveryPlans,
  loadRecoveryTemplates,
  nextTestDue,
  type PlanItemView,
  type PlanView,
  type TemplateView,
} from './load-recovery.ts';
import { adoptRecoveryPlan, createRecoveryTemplate, recordRecoveryTest } from './manage-recovery.ts';

const AdoptRecoveryPlanInput = builder.inputType('AdoptRecoveryPlanInput', {
  description: "Adapt a partnership's model into your own plan.",
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    templateId: t.id({ required: true, description: 'The model (a RecoveryTemplate global id).' }),
    name: t.string({ required: false, description: "Your plan's name (the model's when left out)." }),
    items: t.field({
      type: [RecoveryItemInputRef],
      required: false,
      description: "Your systems, owners and objectives (the model's items as they are when left out).",
    }),
  }),
});

builder.mutationField('adoptRecoveryPlan', (t) =>
  t.field({
    type: RecoveryPlanPayload,
    description:
      "Tenant admins and service agents of an opted-in member: adapt the partnership's model into your own plan.",
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: AdoptRecoveryPlanInput, required: true, description: 'The plan.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Adopting a recovery plan');
      const tx = requestTransaction(context);
      const plan = await adoptRecoveryPlan(tx, {
        partnershipId: idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId'),
        memberId: actor.organisationId,
        templateId: idOf(String(input.templateId), 'RecoveryTemplate', 'input.templateId'),
        name: input.name ?? '',
        items:
          input.items?.map((item, index) => ({
            templateItemId: item.templateItemId
              ? idOf(String(item.templateItemId), 'RecoveryTemplateItem', `input.items.${index}.templateItemId`)
              : null,
            name: item.name,
            category: item.category,
            priority: item.priority,
            owner: item.owner ?? null,
            rtoHours: item.rtoHours ?? null,
            rpoHours: item.rpoHours ?? null,
            testIntervalDays: item.testIntervalDays ?? null,
          })) ?? null,
        createdBy: actor.principal.subject,
      });
      const view = await planView(context, actor.organisationId, plan.id);
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'recovery_plan.adopted',
          targetType: 'RecoveryPlan',
          targetId: plan.id,
          after: view,
        },
      ]);
      return { plan: view };
    },
  }),
);

