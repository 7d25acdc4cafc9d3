import { builder, defineMutation } from '@ssp/schema';
import { supportCallers } from '../common/support-callers.ts';
import { SupportPersonRef } from './directory-type.ts';
import { removeSupportPerson } from './remove-support-person.ts';

const RemoveSupportPersonPayload = builder.objectRef<{ personId: string }>('RemoveSupportPersonPayload').implement({
  description: 'The person removed.',
  fields: (t) => ({
    personId: t.globalID({
      description: 'The global id the person had.',
      resolve: (p) => ({ type: 'SupportPerson', id: p.personId }),
    }),
  }),
});

const RemoveSupportPersonInput = builder.inputType('RemoveSupportPersonInput', {
  description: 'The person to remove.',
  fields: (t) => ({ personId: t.globalID({ for: SupportPersonRef, required: true, description: 'The person.' }) }),
});

defineMutation('removeSupportPerson', {
  description: 'Tenant admins and service agents: remove someone who has left; they vanish from the shared directory.',
  input: RemoveSupportPersonInput,
  inputDescription: 'The person.',
  payload: RemoveSupportPersonPayload,
  callers: supportCallers('Removing a support person'),
  run: async (input, caller, tx) => {
    await removeSupportPerson(tx, caller, input.personId.id);
    return { personId: input.personId.id };
  },
});
