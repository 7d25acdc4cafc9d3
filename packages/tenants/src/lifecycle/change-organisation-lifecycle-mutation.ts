import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { changeOrganisationLifecycle, type OrganisationRow } from './change-organisation-lifecycle.ts';
import { LifecycleActionEnum } from './lifecycle-type.ts';

const ChangeOrganisationLifecycleInput = builder.inputType('ChangeOrganisationLifecycleInput', {
  description: 'A lifecycle move and why.',
  fields: (t) => ({
    organisationId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation.' }),
    action: t.field({ type: LifecycleActionEnum, required: true, description: 'The move.' }),
    reason: t.string({ required: true, description: 'Why (kept in the audit trail).' }),
  }),
});

const OrganisationPayload = builder.objectRef<{ organisation: OrganisationRow }>('OrganisationPayload').implement({
  description: 'The organisation after the change.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      description: 'The organisation.',
      extensions: compiledPayloadObject('organisation'),
      resolve: (p) => p.organisation,
    }),
  }),
});

defineMutation('changeOrganisationLifecycle', {
  description: 'Platform admins: move an organisation through onboarding, active, suspended and offboarded.',
  input: ChangeOrganisationLifecycleInput,
  inputDescription: 'The move.',
  payload: OrganisationPayload,
  callers: { platformAdmin: true },
  run: async (input, caller, tx) => {
    const { after } = await changeOrganisationLifecycle(tx, caller, {
      organisationId: input.organisationId.id,
      action: input.action,
      reason: input.reason,
      now: new Date(),
    });
    return { organisation: after };
  },
});
