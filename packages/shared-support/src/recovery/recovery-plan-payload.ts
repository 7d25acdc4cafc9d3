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

const RecoveryPlanPayload = builder.objectRef<{ plan: PlanView & AsOf }>('RecoveryPlanPayload').implement({
  description: 'The plan.',
  fields: (t) => ({ plan: t.field({ type: PlanRef, description: 'The plan.', resolve: (p) => p.plan }) }),
});

async function planView(context: RequestContext, memberId: string, planId: string) {
  const [plan] = await loadRecoveryPlans(requestTransaction(context), memberId, 1, 0, [planId]);
  if (!plan) throw new Error('The plan was not found after writing it');
  return { ...plan, asOf: londonToday() };
}

