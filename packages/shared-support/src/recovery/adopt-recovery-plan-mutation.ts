import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { adoptRecoveryPlan } from './adopt-recovery-plan.ts';
import { RecoveryItemInputRef } from './create-recovery-template-mutation.ts';
import { RecoveryPlanPayload, recoveryPlanPayload } from './recovery-plan-payload.ts';
import { TemplateRef } from './recovery-type.ts';

const AdoptRecoveryPlanInput = builder.inputType('AdoptRecoveryPlanInput', {
  description: "Adapt a partnership's model into your own plan.",
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    templateId: t.globalID({
      for: TemplateRef,
      required: true,
      description: 'The model (a RecoveryTemplate global id).',
    }),
    name: t.string({ required: false, description: "Your plan's name (the model's when left out)." }),
    items: t.field({
      type: [RecoveryItemInputRef],
      required: false,
      description: "Your systems, owners and objectives (the model's items as they are when left out).",
    }),
  }),
});

defineMutation('adoptRecoveryPlan', {
  description:
    "Tenant admins and service agents of an opted-in member: adapt the partnership's model into your own plan.",
  input: AdoptRecoveryPlanInput,
  inputDescription: 'The plan.',
  payload: RecoveryPlanPayload,
  callers: supportCallers('Adopting a recovery plan'),
  run: async (input, caller, tx) => {
    const plan = await adoptRecoveryPlan(tx, caller, {
      partnershipId: input.partnershipId.id,
      templateId: input.templateId.id,
      name: input.name ?? '',
      items:
        input.items?.map((item) => ({
          templateItemId: item.templateItemId?.id ?? null,
          name: item.name,
          category: item.category,
          priority: item.priority,
          owner: item.owner ?? null,
          rtoHours: item.rtoHours ?? null,
          rpoHours: item.rpoHours ?? null,
          testIntervalDays: item.testIntervalDays ?? null,
        })) ?? null,
    });
    return recoveryPlanPayload(tx, caller.actor.organisationId, plan.id);
  },
});
