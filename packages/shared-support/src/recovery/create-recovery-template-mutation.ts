import { builder, defineMutation } from '@ssp/schema';
import { PARTNERSHIP_ADMIN_CALLERS } from '../common/partnership-admin.ts';
import { createRecoveryTemplate } from './create-recovery-template.ts';
import { RecoveryItemCategoryEnum, TemplateItemRef } from './recovery-type.ts';

export const RecoveryItemInputRef = builder.inputType('RecoveryItemInput', {
  description: 'Something that must be recovered.',
  fields: (t) => ({
    templateItemId: t.globalID({
      for: TemplateItemRef,
      required: false,
      description: 'The model item it adapts (leave out for one of your own).',
    }),
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

defineMutation('createRecoveryTemplate', {
  description: "A partnership's tenant admins: write a generic disaster-recovery model for its members to adapt.",
  input: CreateRecoveryTemplateInput,
  inputDescription: 'The model.',
  payload: RecoveryTemplatePayload,
  callers: PARTNERSHIP_ADMIN_CALLERS,
  run: async (input, caller, tx) => {
    const template = await createRecoveryTemplate(tx, caller, {
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
    return { templateId: template.id };
  },
});
