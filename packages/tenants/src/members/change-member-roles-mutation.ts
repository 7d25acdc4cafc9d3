import { builder, defineMutation } from '@ssp/schema';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { changeMemberRoles } from './change-member-roles.ts';
import { MembershipRef } from './member-type.ts';
import { MembershipPayload } from './membership-payload.ts';

const ChangeMemberRolesInput = builder.inputType('ChangeMemberRolesInput', {
  description: 'New roles for a member.',
  fields: (t) => ({
    membershipId: t.globalID({ for: MembershipRef, required: true, description: 'The membership.' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'Their roles from now on.' }),
  }),
});

defineMutation('changeMemberRoles', {
  description: 'Tenant admins: change what a member may do (from their next token for our own tokens).',
  input: ChangeMemberRolesInput,
  inputDescription: 'The change.',
  payload: MembershipPayload,
  callers: { roles: ['tenant_admin'], action: 'Changing a member' },
  run: async (input, caller, tx) => {
    const { after } = await changeMemberRoles(tx, caller, { membershipId: input.membershipId.id, roles: input.roles });
    return { membership: after };
  },
});
