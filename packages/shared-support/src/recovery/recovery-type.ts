import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  describedEnumValues,
  mayReadType,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { isoDate, londonToday } from '../common/dates.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  isOverdue,
  loadRecoveryPlans,
  loadRecoveryTemplates,
  nextTestDue,
  type PlanItemView,
  type PlanView,
  type TemplateView,
} from './recovery-views.ts';

export const RecoveryItemCategoryEnum = builder.enumType('RecoveryItemCategory', {
  description: 'What a recovery item recovers.',
  values: describedEnumValues<(typeof tables.recoveryItemCategory.enumValues)[number]>({
    hardware: 'Hardware.',
    network: 'Networks.',
    system: 'Systems and applications.',
  }),
});

export const RecoveryTestOutcomeEnum = builder.enumType('RecoveryTestOutcome', {
  description: 'How a recovery test went.',
  values: describedEnumValues<(typeof tables.recoveryTestOutcome.enumValues)[number]>({
    passed: 'Recovered within its objectives.',
    partial: 'Recovered, but outside an objective or with gaps.',
    failed: 'Not recovered.',
  }),
});

export const TemplateItemRef = builder.objectRef<TemplateView['items'][number]>('RecoveryTemplateItem').implement({
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

export const TemplateRef = builder.objectRef<TemplateView>('RecoveryTemplate').implement({
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

export interface AsOf {
  asOf: string;
}

export const PlanItemRef = builder.objectRef<PlanItemView & AsOf>('RecoveryPlanItem').implement({
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

export const PlanRef = builder.node(builder.objectRef<PlanView & AsOf>('RecoveryPlan'), {
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
