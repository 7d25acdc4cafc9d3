import { money } from '@ssp/core';
import { builder, defineMutation, MoneyRef } from '@ssp/schema';
import { PARTNERSHIP_ADMIN_CALLERS } from '../common/partnership-admin.ts';
import { type ProgrammeRow, updateSharedSupportProgramme } from './update-shared-support-programme.ts';

const UpdateProgrammeInput = builder.inputType('UpdateSharedSupportProgrammeInput', {
  description: "Your partnership's shared-support programme: when it started and the agreed day rate.",
  fields: (t) => ({
    startedOn: t.string({ required: false, description: 'The start of the project (YYYY-MM-DD).' }),
    dayRate: t.string({
      required: false,
      description: 'The agreed day rate, in pounds as a decimal string, e.g. "250.00".',
    }),
  }),
});

const ProgrammePayload = builder.objectRef<{ programme: ProgrammeRow }>('SharedSupportProgrammePayload').implement({
  description: 'The programme after the change.',
  fields: (t) => ({
    startedOn: t.string({
      nullable: true,
      description: 'The start of the project.',
      resolve: (p) => p.programme.startedOn,
    }),
    dayRate: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The agreed day rate.',
      resolve: (p) => (p.programme.dayRatePence === null ? null : money.fromPence(p.programme.dayRatePence)),
    }),
  }),
});

defineMutation('updateSharedSupportProgramme', {
  description: "A partnership's tenant admins: record when its shared support started and the day rate members agreed.",
  input: UpdateProgrammeInput,
  inputDescription: 'The changes.',
  payload: ProgrammePayload,
  callers: PARTNERSHIP_ADMIN_CALLERS,
  run: async (input, caller, tx) => ({
    programme: await updateSharedSupportProgramme(tx, caller, {
      startedOn: input.startedOn ?? null,
      dayRate: input.dayRate ?? null,
    }),
  }),
});
