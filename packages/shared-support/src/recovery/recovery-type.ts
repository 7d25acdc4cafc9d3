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

const RecoveryItemCategoryEnum = builder.enumType('RecoveryItemCategory', {
  description: 'What a recovery item recovers.',
  values: describedEnumValues<(typeof tables.recoveryItemCategory.enumValues)[number]>({
    hardware: 'Hardware.',
    network: 'Networks.',
    system: 'Systems and applications.',
  }),
});

const RecoveryTestOutcomeEnum = builder.enumType('RecoveryTestOutcome', {
  description: 'How a recovery test went.',
  values: describedEnumValues<(typeof tables.recoveryTestOutcome.enumValues)[number]>({
    passed: 'Recovered within its objectives.',
    partial: 'Recovered, but outside an objective or with gaps.',
    failed: 'Not recovered.',
  }),
});

const TemplateItemRef = builder.objectRef<TemplateView['items'][number]>('RecoveryTemplateItem').implement({
  description: 'Something the generic model says must be recovered.',
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (i) => ({ type: 'RecoveryTemplateItem', id: i.id }) }),
    name: t.exposeString('name', { description: 'What.' }),
    category: t.field({
      type: RecoveryItemCategoryEnum,
      description: 'Hardware, network or system.',
      resolve: (i) => i.category,
    }),
    priority: t.exposeInt('priority', { description: '1 is recovered first.' }),
    rtoHours: t.exposeInt('rtoHours', { nullable: true, description: 'Recovery time objective, in hours.' }),
    rpoHours: t.exposeInt('rpoHours', { nullable: true, description: 'Recovery point objective, in hours of data.' }),
  }),
});

const TemplateRef = builder.objectRef<TemplateView>('RecoveryTemplate').implement({
  description: "The partnership's generic disaster-recovery model, which each member adapts into its own plan.",
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (r) => ({ type: 'RecoveryTemplate', id: r.id }) }),
    name: t.exposeString('name', { description: 'Its name.' }),
    description: t.exposeString('description', { description: 'What it is for.' }),
    testIntervalDays: t.exposeInt('testIntervalDays', {
      description: 'How often each item should be tested, in days.',
    }),
    items: t.field({
      type: [TemplateItemRef],
      description: 'What must be recovered, by priority.',
      resolve: (r) => r.items,
    }),
  }),
});

builder.objectField(SharedSupportRef, 'recoveryTemplates', (t) =>
  t.connection(
    {
      type: TemplateRef,
      description: "The partnership's disaster-recovery models.",
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, ({ limit, offset }) =>
          loadRecoveryTemplates(tx, support.partnershipId, limit, offset),
        );
      },
    },
    { name: 'RecoveryTemplateConnection', description: 'A page of recovery models.' },
    { name: 'RecoveryTemplateEdge', description: 'A recovery model, with its cursor.' },
  ),
);

const RecoveryTestRef = builder.objectRef<PlanItemView['tests'][number]>('RecoveryTest').implement({
  description: 'A recovery test, as recorded (never changed: a correction is a new test).',
  fields: (t) => ({
    testedOn: t.exposeString('testedOn', { description: 'When it was tested (YYYY-MM-DD).' }),
    outcome: t.field({ type: RecoveryTestOutcomeEnum, description: 'How it went.', resolve: (r) => r.outcome }),
    notes: t.exposeString('notes', { nullable: true, description: 'What was learnt.' }),
  }),
});

interface AsOf {
  asOf: string;
}

const PlanItemRef = builder.objectRef<PlanItemView & AsOf>('RecoveryPlanItem').implement({
  description: 'A system, network or piece of hardware in your plan, with its owner, objectives and tests.',
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (i) => ({ type: 'RecoveryPlanItem', id: i.id }) }),
    name: t.exposeString('name', { description: 'What.' }),
    category: t.field({
      type: RecoveryItemCategoryEnum,
      description: 'Hardware, network or system.',
      resolve: (i) => i.category,
    }),
    priority: t.exposeInt('priority', { description: '1 is recovered first.' }),
    owner: t.exposeString('owner', { nullable: true, description: 'Who is responsible for recovering it.' }),
    rtoHours: t.exposeInt('rtoHours', { nullable: true, description: 'Recovery time objective, in hours.' }),
    rpoHours: t.exposeInt('rpoHours', { nullable: true, description: 'Recovery point objective, in hours of data.' }),
    testIntervalDays: t.exposeInt('testIntervalDays', { description: 'How often it should be tested, in days.' }),
    fromTemplate: t.boolean({
      description: 'True when adapted from a model item.',
      resolve: (i) => i.templateItemId !== null,
    }),
    lastTestedOn: t.exposeString('lastTestedOn', { nullable: true, description: 'The date of its latest test.' }),
    lastOutcome: t.field({
      type: RecoveryTestOutcomeEnum,
      nullable: true,
      description: 'How its latest test went.',
      resolve: (i) => i.lastOutcome,
    }),
    nextTestDue: t.string({
      nullable: true,
      description: 'When its next test is due; null when it has never been tested (due now).',
      resolve: (i) => nextTestDue(i),
    }),
    overdue: t.boolean({
      description: 'Never tested, or its next test was due before the date asked about.',
      resolve: (i) => isOverdue(i, i.asOf),
    }),
    failedLastTest: t.boolean({ description: 'Its latest test failed.', resolve: (i) => i.lastOutcome === 'failed' }),
    tests: t.field({ type: [RecoveryTestRef], description: 'Its tests, newest first.', resolve: (i) => i.tests }),
  }),
});

const PlanRef = builder.node(builder.objectRef<PlanView & AsOf>('RecoveryPlan'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.RecoveryPlan),
  description: "Your organisation's disaster-recovery plan, adapted from its partnership's model.",
  id: { resolve: (p) => p.id, description: 'Opaque global id.' },
  // Only the member's own plans, judged as of today.
  loadMany: async (ids, context) => {
    const actor = requestActor(context);
    if (!mayReadType(SHARED_SUPPORT_READ_RULES.RecoveryPlan, actor)) return ids.map(() => null);
    const plans = await loadRecoveryPlans(requestTransaction(context), actor.organisationId, ids.length, 0, [...ids]);
    const asOf = londonToday();
    return ids.map((id) => {
      const plan = plans.find((p) => p.id === id);
      return plan ? { ...plan, asOf } : null;
    });
  },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name.' }),
    partnershipId: t.globalID({
      description: 'The partnership whose model it adapts.',
      resolve: (p) => ({ type: 'Organisation', id: p.partnershipId }),
    }),
    templateId: t.globalID({
      description: 'The model it adapts.',
      resolve: (p) => ({ type: 'RecoveryTemplate', id: p.templateId }),
    }),
    items: t.field({
      type: [PlanItemRef],
      description: 'What it recovers, by priority.',
      resolve: (p) => p.items.map((item) => ({ ...item, asOf: p.asOf })),
    }),
    overdue: t.boolean({
      description: 'Some item is overdue for a test.',
      resolve: (p) => p.items.some((i) => isOverdue(i, p.asOf)),
    }),
    failedLastTest: t.boolean({
      description: 'Some item failed its latest test.',
      resolve: (p) => p.items.some((i) => i.lastOutcome === 'failed'),
    }),
    itemsNeedingAttention: t.field({
      type: [PlanItemRef],
      description: 'The items overdue for a test or that failed their latest one, by priority.',
      resolve: (p) =>
        p.items
          .filter((i) => isOverdue(i, p.asOf) || i.lastOutcome === 'failed')
          .map((item) => ({ ...item, asOf: p.asOf })),
    }),
  }),
});

function requireSupportRole(context: RequestContext, action: string) {
  const actor = requestActor(context);
  requireRole(actor, SUPPORT_ROLES, action);
  if (actor.platformScope)
    throw new ForbiddenError('Recovery plans are kept by the members themselves', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
  return actor;
}

builder.queryField('recoveryPlans', (t) =>
  t.connection(
    {
      type: PlanRef,
      description:
        "Your organisation's disaster-recovery plans, with what is overdue for a test or failed its last one.",
      authScopes: { authenticated: true },
      args: {
        asOf: t.arg.string({
          required: false,
          description: 'The date to judge overdue tests on (YYYY-MM-DD; today when left out).',
        }),
      },
      resolve: async (_root, args, context) => {
        checkedPageSize(args);
        const actor = requireReadAccess(SHARED_SUPPORT_READ_RULES.RecoveryPlan, context, 'Reading recovery plans');
        const asOf = args.asOf ? isoDate(args.asOf, 'asOf') : londonToday();
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) =>
          (await loadRecoveryPlans(tx, actor.organisationId, limit, offset)).map((plan) => ({ ...plan, asOf })),
        );
      },
    },
    { name: 'RecoveryPlanConnection', description: 'A page of recovery plans.' },
    { name: 'RecoveryPlanEdge', description: 'A recovery plan, with its cursor.' },
  ),
);

// --- Mutations ---------------------------------------------------------------------------------

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

const RecoveryPlanPayload = builder.objectRef<{ plan: PlanView & AsOf }>('RecoveryPlanPayload').implement({
  description: 'The plan.',
  fields: (t) => ({ plan: t.field({ type: PlanRef, description: 'The plan.', resolve: (p) => p.plan }) }),
});

async function planView(context: RequestContext, memberId: string, planId: string) {
  const [plan] = await loadRecoveryPlans(requestTransaction(context), memberId, 1, 0, [planId]);
  if (!plan) throw new Error('The plan was not found after writing it');
  return { ...plan, asOf: londonToday() };
}

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
