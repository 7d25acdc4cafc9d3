import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { decideRotaSwap } from './decide-rota-swap.ts';
import { RotaSwapPayload, RotaSwapRef } from './rota-swap-type.ts';

const DecideRotaSwapInput = builder.inputType('DecideRotaSwapInput', {
  description: 'A swap proposed to one of your people.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    swapId: t.globalID({ for: RotaSwapRef, required: true, description: 'The swap (a RotaSwap global id).' }),
  }),
});

for (const [name, accept] of [
  ['acceptRotaSwap', true],
  ['declineRotaSwap', false],
] as const) {
  defineMutation(name, {
    description: accept
      ? "The other person's member: consent to a swap; the shifts change hands."
      : "The other person's member: refuse a swap.",
    input: DecideRotaSwapInput,
    inputDescription: 'The swap.',
    payload: RotaSwapPayload,
    callers: supportCallers('Deciding a swap'),
    run: async (input, caller, tx) => {
      const { after } = await decideRotaSwap(tx, caller, {
        partnershipId: input.partnershipId.id,
        swapId: input.swapId.id,
        accept,
      });
      return { swap: after };
    },
  });
}
