import { builder, defineMutation } from '@ssp/schema';
import { MembershipRef } from './member-type.ts';
import { MembershipPayload } from './membership-payload.ts';
import { removeMember } from './remove-member.ts';

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  description: 'The member to remove.',
  fields: (t) => ({
    membershipId: t.globalID({ for: MembershipRef, required: true, description: 'The membership.' }),
  }),
});

defineMutation('removeMember', {
  description: 'Tenant admins: remove a member; their tokens are refused from the next request.',
  input: RemoveMemberInput,
  inputDescription: 'The member.',
  payload: MembershipPayload,
  callers: { roles: ['tenant_admin'], action: 'Removing a member' },
  run: async (input, caller, tx) => {
    const { after } = await removeMember(tx, caller, { membershipId: input.membershipId.id });
    return { membership: after };
  },
});
