import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { decideHelpOffer } from './decide-help-offer.ts';
import { HelpLoanRef } from './help-loan-type.ts';
import { HelpLoanPayload, helpLoanPayload } from './help-payloads.ts';

const DecideHelpOfferInput = builder.inputType('DecideHelpOfferInput', {
  description: 'An offer made to your organisation.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    loanId: t.globalID({ for: HelpLoanRef, required: true, description: 'The offer (a HelpLoan global id).' }),
  }),
});

for (const [name, accept] of [
  ['acceptHelpOffer', true],
  ['declineHelpOffer', false],
] as const) {
  defineMutation(name, {
    description: accept
      ? 'The asking member: accept an offer; the loan is priced at the partnership day rate.'
      : 'The asking member: decline an offer.',
    input: DecideHelpOfferInput,
    inputDescription: 'The offer.',
    payload: HelpLoanPayload,
    callers: supportCallers(accept ? 'Accepting an offer' : 'Declining an offer'),
    run: async (input, caller, tx) => {
      const partnershipId = input.partnershipId.id;
      await decideHelpOffer(tx, caller, { partnershipId, loanId: input.loanId.id, accept });
      return helpLoanPayload(tx, partnershipId, input.loanId.id);
    },
  });
}
