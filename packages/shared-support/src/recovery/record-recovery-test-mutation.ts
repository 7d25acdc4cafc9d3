import { builder, defineMutation } from '@ssp/schema';
import { supportCallers } from '../common/support-callers.ts';
import { recordRecoveryTest } from './record-recovery-test.ts';
import { RecoveryPlanPayload, recoveryPlanPayload } from './recovery-plan-payload.ts';
import { PlanItemRef, RecoveryTestOutcomeEnum } from './recovery-type.ts';

const RecordRecoveryTestInput = builder.inputType('RecordRecoveryTestInput', {
  description: 'A recovery test of one item of your plan.',
  fields: (t) => ({
    planItemId: t.globalID({
      for: PlanItemRef,
      required: true,
      description: 'The item (a RecoveryPlanItem global id).',
    }),
    testedOn: t.string({ required: true, description: 'When it was tested (YYYY-MM-DD; today or earlier).' }),
    outcome: t.field({ type: RecoveryTestOutcomeEnum, required: true, description: 'How it went.' }),
    notes: t.string({ required: false, description: 'What was learnt.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this test: the same key returns the same test.',
    }),
  }),
});

defineMutation('recordRecoveryTest', {
  description:
    'Tenant admins and service agents: record a recovery test (never in the future; a correction is a new test).',
  input: RecordRecoveryTestInput,
  inputDescription: 'The test.',
  payload: RecoveryPlanPayload,
  callers: supportCallers('Recording a recovery test'),
  run: async (input, caller, tx) => {
    const { test } = await recordRecoveryTest(tx, caller, {
      planItemId: input.planItemId.id,
      testedOn: input.testedOn,
      outcome: input.outcome,
      notes: input.notes ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    const memberId = caller.actor.organisationId;
    const [item] = await tx.query.recoveryPlanItems.findMany({
      where: { tenantId: memberId, id: test.planItemId },
      columns: { planId: true },
    });
    if (!item) throw new Error('The tested item was not found after writing its test');
    return recoveryPlanPayload(tx, memberId, item.planId);
  },
});
