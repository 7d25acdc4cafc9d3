import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { HelpRequestPayload, helpRequestPayload } from './help-payloads.ts';
import { requestHelp } from './request-help.ts';

const RequestHelpInput = builder.inputType('RequestHelpInput', {
  description: 'Help your organisation needs from the partnership.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    skillCode: t.string({ required: true, description: 'The skill needed, from the taxonomy.' }),
    minimumLevel: t.int({ required: true, description: 'The lowest level that will do (1 to 4).' }),
    startsOn: t.string({ required: true, description: 'First day of the period (YYYY-MM-DD).' }),
    endsOn: t.string({ required: true, description: 'Last day of the period (YYYY-MM-DD).' }),
    daysNeeded: t.int({ required: true, description: 'Days of help needed within the period.' }),
    description: t.string({ required: true, description: 'What the help is for.' }),
    agencyDayRate: t.string({
      required: true,
      description: 'What an agency would charge per day, in pounds as a decimal string, e.g. "450.00".',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this request: the same key returns the same request.',
    }),
  }),
});

defineMutation('requestHelp', {
  description: 'Tenant admins and service agents of an opted-in member: ask the partnership for help with a skill.',
  input: RequestHelpInput,
  inputDescription: 'The request.',
  payload: HelpRequestPayload,
  callers: supportCallers('Asking for help'),
  run: async (input, caller, tx) => {
    const partnershipId = input.partnershipId.id;
    const { request } = await requestHelp(tx, caller, {
      partnershipId,
      skillCode: input.skillCode,
      minimumLevel: input.minimumLevel,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      daysNeeded: input.daysNeeded,
      description: input.description,
      agencyDayRate: input.agencyDayRate,
      idempotencyKey: input.idempotencyKey,
    });
    return helpRequestPayload(tx, partnershipId, request.id);
  },
});
