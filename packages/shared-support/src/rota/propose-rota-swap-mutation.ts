import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { SharedPersonRef } from '../directory/directory-type.ts';
import { proposeRotaSwap } from './propose-rota-swap.ts';
import { RotaSwapPayload } from './rota-swap-type.ts';
import { RotaShiftRef } from './rota-type.ts';

const ProposeRotaSwapInput = builder.inputType('ProposeRotaSwapInput', {
  description: 'Ask another person to take a shift your person holds.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    shiftId: t.globalID({ for: RotaShiftRef, required: true, description: 'The shift (a RotaShift global id).' }),
    toPersonId: t.globalID({
      for: SharedPersonRef,
      required: true,
      description: 'Who you ask (a SharedPerson global id).',
    }),
    returnShiftId: t.globalID({
      for: RotaShiftRef,
      required: false,
      description: 'A shift of theirs your person takes in return.',
    }),
  }),
});

defineMutation('proposeRotaSwap', {
  description: "The holder's member: propose a swap; nothing changes until the other person's member consents.",
  input: ProposeRotaSwapInput,
  inputDescription: 'The swap.',
  payload: RotaSwapPayload,
  callers: supportCallers('Proposing a swap'),
  run: async (input, caller, tx) => ({
    swap: await proposeRotaSwap(tx, caller, {
      partnershipId: input.partnershipId.id,
      shiftId: input.shiftId.id,
      toPersonId: input.toPersonId.id,
      returnShiftId: input.returnShiftId?.id ?? null,
    }),
  }),
});
