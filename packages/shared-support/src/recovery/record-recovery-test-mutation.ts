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

const RecordRecoveryTestInput = builder.inputType('RecordRecoveryTestInput', {
  description: 'A recovery test of one item of your plan.',
  fields: (t) => ({
    planItemId: t.id({ required: true, description: 'The item (a RecoveryPlanItem global id).' }),
    testedOn: t.string({ required: true, description: 'When it was tested (YYYY-MM-DD; today or earlier).' }),
    outcome: t.field({ type: RecoveryTestOutcomeEnum, required: true, description: 'How it went.' }),
    notes: t.string({ required: false, description: 'What was learnt.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this test: the same key returns the same test.',
    }),
  }),
});

builder.mutationField('recordRecoveryTest', (t) =>
  t.field({
    type: RecoveryPlanPayload,
    description:
      'Tenant admins and service agents: record a recovery test (never in the future; a correction is a new test).',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RecordRecoveryTestInput, required: true, description: 'The test.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Recording a recovery test');
      const tx = requestTransaction(context);
      const planItemId = idOf(String(input.planItemId), 'RecoveryPlanItem', 'input.planItemId');
      const { test, replayed } = await recordRecoveryTest(tx, {
        memberId: actor.organisationId,
        planItemId,
        testedOn: input.testedOn,
        outcome: input.outcome,
        notes: input.notes ?? null,
        recordedBy: actor.principal.subject,
        idempotencyKey: input.idempotencyKey,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'recovery_test.recorded',
            targetType: 'RecoveryTest',
            targetId: test.id,
            after: test,
          },
        ]);
      }
      const [item] = await tx.query.recoveryPlanItems.findMany({
        where: { tenantId: actor.organisationId, id: test.planItemId },
        columns: { planId: true },
      });
      return { plan: await planView(context, actor.organisationId, item!.planId) };
    },
  }),
);

