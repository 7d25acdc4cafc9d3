import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { SharedPersonRef, SupportPersonRef } from '../directory/directory-type.ts';
import { HelpLoanPayload, helpLoanPayload } from './help-payloads.ts';
import { HelpRequestRef } from './help-request-type.ts';
import { offerHelp } from './offer-help.ts';

const OfferHelpInput = builder.inputType('OfferHelpInput', {
  description: 'One of your people offered for part of the period asked for.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    requestId: t.globalID({ for: HelpRequestRef, required: true, description: 'The request for help.' }),
    personId: t.globalID({
      for: [SupportPersonRef, SharedPersonRef],
      required: true,
      description: 'Your person (a SupportPerson or SharedPerson global id).',
    }),
    startsOn: t.string({
      required: true,
      description: 'First day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    endsOn: t.string({
      required: true,
      description: 'Last day of the loan (YYYY-MM-DD), within the period asked for.',
    }),
    daysOffered: t.int({ required: true, description: 'Days offered.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this offer: the same key returns the same offer.',
    }),
  }),
});

defineMutation('offerHelp', {
  description:
    'Tenant admins and service agents of an opted-in member: offer one of your people to a member asking for help.',
  input: OfferHelpInput,
  inputDescription: 'The offer.',
  payload: HelpLoanPayload,
  callers: supportCallers('Offering help'),
  run: async (input, caller, tx) => {
    const partnershipId = input.partnershipId.id;
    const { loan } = await offerHelp(tx, caller, {
      partnershipId,
      requestId: input.requestId.id,
      personId: input.personId.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      daysOffered: input.daysOffered,
      idempotencyKey: input.idempotencyKey,
    });
    return helpLoanPayload(tx, partnershipId, loan.id);
  },
});
