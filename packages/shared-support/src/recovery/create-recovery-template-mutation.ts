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

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

const RecoveryItemInputRef = builder.inputType('RecoveryItemInput', {
  description: 'Something that must be recovered.',
  fields: (t) => ({
    templateItemId: t.id({ required: false, description: 'The model item it adapts (leave out for one of your own).' }),
    name: t.string({ required: true, description: 'What.' }),
    category: t.field({ type: RecoveryItemCategoryEnum, required: true, description: 'Hardware, network or system.' }),
    priority: t.int({ required: true, description: '1 is recovered first.' }),
    owner: t.string({ required: false, description: 'Who is responsible for recovering it (plans only).' }),
    rtoHours: t.int({ required: false, description: 'Recovery time objective, in hours.' }),
    rpoHours: t.int({ required: false, description: 'Recovery point objective, in hours of data.' }),
    testIntervalDays: t.int({
      required: false,
      description: "How often to test it (plans only; the model's interval when left out).",
    }),
  }),
});

const CreateRecoveryTemplateInput = builder.inputType('CreateRecoveryTemplateInput', {
  description: 'A generic disaster-recovery model for the partnership.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name.' }),
    description: t.string({ required: true, description: 'What it is for.' }),
    testIntervalDays: t.int({ required: true, description: 'How often each item should be tested, in days.' }),
    items: t.field({ type: [RecoveryItemInputRef], required: true, description: 'What must be recovered.' }),
  }),
});

const RecoveryTemplatePayload = builder.objectRef<{ templateId: string }>('RecoveryTemplatePayload').implement({
  description: 'The model created.',
  fields: (t) => ({
    templateId: t.globalID({
      description: 'Its global id.',
      resolve: (p) => ({ type: 'RecoveryTemplate', id: p.templateId }),
    }),
  }),
});

builder.mutationField('createRecoveryTemplate', (t) =>
  t.field({
    type: RecoveryTemplatePayload,
    description: "A partnership's tenant admins: write a generic disaster-recovery model for its members to adapt.",
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: CreateRecoveryTemplateInput, required: true, description: 'The model.' }) },
    resolve: async (_root, { input }, context) => {
      const tx = requestTransaction(context);
      const partnershipId = await requirePartnershipAdmin(context, tx);
      const template = await createRecoveryTemplate(tx, {
        partnershipId,
        name: input.name,
        description: input.description,
        testIntervalDays: input.testIntervalDays,
        items: input.items.map((item) => ({
          name: item.name,
          category: item.category,
          priority: item.priority,
          rtoHours: item.rtoHours ?? null,
          rpoHours: item.rpoHours ?? null,
        })),
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: partnershipId,
          action: 'recovery_template.created',
          targetType: 'RecoveryTemplate',
          targetId: template.id,
          after: { template, items: input.items },
        },
      ]);
      return { templateId: template.id };
    },
  }),
);

