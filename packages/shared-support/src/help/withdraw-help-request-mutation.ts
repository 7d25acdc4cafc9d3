import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { HelpRequestPayload, helpRequestPayload } from './help-payloads.ts';
import { HelpRequestRef } from './help-request-type.ts';
import { withdrawHelpRequest } from './withdraw-help-request.ts';

const WithdrawHelpRequestInput = builder.inputType('WithdrawHelpRequestInput', {
  description: 'An open request of your organisation.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    requestId: t.globalID({
      for: HelpRequestRef,
      required: true,
      description: 'The request (a HelpRequest global id).',
    }),
  }),
});

defineMutation('withdrawHelpRequest', {
  description: 'The asking member: withdraw an open request; offers still waiting on it are declined.',
  input: WithdrawHelpRequestInput,
  inputDescription: 'The request.',
  payload: HelpRequestPayload,
  callers: supportCallers('Withdrawing a request for help'),
  run: async (input, caller, tx) => {
    const partnershipId = input.partnershipId.id;
    await withdrawHelpRequest(tx, caller, { partnershipId, requestId: input.requestId.id });
    return helpRequestPayload(tx, partnershipId, input.requestId.id);
  },
});
