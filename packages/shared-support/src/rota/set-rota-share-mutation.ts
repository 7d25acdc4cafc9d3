import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { PARTNERSHIP_ADMIN_CALLERS } from '../common/partnership-admin.ts';
import { setRotaShare } from './set-rota-share.ts';

const SetRotaShareInput = builder.inputType('SetRotaShareInput', {
  description: "A member's weight in the out-of-hours rota (its share is its weight over all members').",
  fields: (t) => ({
    memberId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The member (an Organisation global id).',
    }),
    weight: t.int({ required: true, description: 'A whole number of 1 or more (1 for everyone is an equal share).' }),
  }),
});

const RotaSharePayload = builder.objectRef<{ memberId: string; weight: number }>('RotaSharePayload').implement({
  description: 'The weight recorded.',
  fields: (t) => ({
    memberId: t.globalID({ description: 'The member.', resolve: (p) => ({ type: 'Organisation', id: p.memberId }) }),
    weight: t.exposeInt('weight', { description: 'Its weight.' }),
  }),
});

defineMutation('setRotaShare', {
  description: "A partnership's tenant admins: set a member's share of the out-of-hours rota.",
  input: SetRotaShareInput,
  inputDescription: 'The share.',
  payload: RotaSharePayload,
  callers: PARTNERSHIP_ADMIN_CALLERS,
  run: (input, caller, tx) => setRotaShare(tx, caller, { memberId: input.memberId.id, weight: input.weight }),
});
