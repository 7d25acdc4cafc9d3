import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { HelpLoanRef } from './help-loan-type.ts';
import { HelpLoanPayload, helpLoanPayload } from './help-payloads.ts';
import { recordTimeGiven } from './record-time-given.ts';

const RecordHelpGivenInput = builder.inputType('RecordHelpGivenInput', {
  description: 'The days a lent person actually gave your organisation.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    loanId: t.globalID({ for: HelpLoanRef, required: true, description: 'The accepted loan (a HelpLoan global id).' }),
    daysGiven: t.int({ required: true, description: 'Whole days given, at most the length of the loan.' }),
  }),
});

defineMutation('recordHelpGiven', {
  description: 'The asking member: record the time given on an accepted loan; both statements then show its value.',
  input: RecordHelpGivenInput,
  inputDescription: 'The time given.',
  payload: HelpLoanPayload,
  callers: supportCallers('Recording time given'),
  run: async (input, caller, tx) => {
    const partnershipId = input.partnershipId.id;
    await recordTimeGiven(tx, caller, { partnershipId, loanId: input.loanId.id, daysGiven: input.daysGiven });
    return helpLoanPayload(tx, partnershipId, input.loanId.id);
  },
});
