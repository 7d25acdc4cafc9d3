import { ForbiddenError } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { leaveSharedSupport } from './leave-shared-support.ts';
import { SharingAgreementPayload } from './sharing-agreement-payload.ts';

const LeaveSharedSupportInput = builder.inputType('LeaveSharedSupportInput', {
  description: "Opt your organisation out of a partnership's shared support.",
  fields: (t) => ({
    partnershipId: t.globalID({ for: OrganisationRef, required: true, description: 'The partnership.' }),
  }),
});

defineMutation('leaveSharedSupport', {
  description:
    'Tenant admins of a member: opt out. Everything you published is withdrawn, and from the next request no other member sees anything of you (nor you of them).',
  input: LeaveSharedSupportInput,
  inputDescription: 'The partnership.',
  payload: SharingAgreementPayload,
  callers: {
    roles: ['tenant_admin'],
    action: 'Leaving shared support',
    refusePlatformAdmin: () => new ForbiddenError('A member opts out for itself', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY),
  },
  run: async (input, caller, tx) => {
    const { after } = await leaveSharedSupport(tx, caller, { partnershipId: input.partnershipId.id });
    return { agreement: after };
  },
});
