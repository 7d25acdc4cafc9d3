import { ForbiddenError } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { joinSharedSupport } from './join-shared-support.ts';
import { SharedFieldsInput } from './shared-support-type.ts';
import { SharingAgreementPayload } from './sharing-agreement-payload.ts';

const JoinSharedSupportInput = builder.inputType('JoinSharedSupportInput', {
  description: "Opt your organisation in to its partnership's shared support, or change what it shares.",
  fields: (t) => ({
    partnershipId: t.globalID({ for: OrganisationRef, required: true, description: 'Your partnership.' }),
    shares: t.field({ type: SharedFieldsInput, required: true, description: 'What you share of your people.' }),
  }),
});

defineMutation('joinSharedSupport', {
  description:
    "Tenant admins of a member: opt in to the partnership's shared support (or change what you share). Your directory is published with only the fields you share.",
  input: JoinSharedSupportInput,
  inputDescription: 'The agreement.',
  payload: SharingAgreementPayload,
  callers: {
    roles: ['tenant_admin'],
    action: 'Joining shared support',
    refusePlatformAdmin: () => new ForbiddenError('A member opts in for itself', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY),
  },
  run: async (input, caller, tx) => {
    const { after } = await joinSharedSupport(tx, caller, {
      partnershipId: input.partnershipId.id,
      shares: input.shares,
    });
    return { agreement: after };
  },
});
