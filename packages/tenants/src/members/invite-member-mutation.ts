import { builder, defineMutation } from '@ssp/schema';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { inviteOrganisationMember } from './invite-organisation-member.ts';
import { MembershipPayload } from './membership-payload.ts';

const InviteMemberInput = builder.inputType('InviteMemberInput', {
  description: 'A named person to invite.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Their organisation: yours (the default) or one delegated to you.',
    }),
    displayName: t.string({ required: true, description: 'Their name.' }),
    email: t.string({ required: false, description: 'Their email address.' }),
    issuer: t.string({ required: true, description: 'The identity provider they will sign in with (its issuer).' }),
    subject: t.string({ required: true, description: 'Who they are to that identity provider (the token subject).' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'What they may do.' }),
  }),
});

defineMutation('inviteMember', {
  description: 'Tenant admins: invite a person; the membership becomes active at their first sign-in.',
  input: InviteMemberInput,
  inputDescription: 'The invitation.',
  payload: MembershipPayload,
  callers: { roles: ['tenant_admin'], action: 'Inviting a member' },
  run: async (input, caller, tx) => ({
    membership: await inviteOrganisationMember(tx, caller, {
      organisationId: input.organisationId?.id ?? null,
      issuer: input.issuer,
      subject: input.subject,
      displayName: input.displayName,
      email: input.email ?? null,
      roles: input.roles,
    }),
  }),
});
