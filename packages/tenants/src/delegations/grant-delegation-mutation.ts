import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import type * as tables from '@ssp/tenants-tables';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { DelegationRef } from './delegation-type.ts';
import { grantAuditedDelegation } from './grant-delegation.ts';

const GrantDelegationInput = builder.inputType('GrantDelegationInput', {
  description: 'Who may act for whom, and why.',
  fields: (t) => ({
    granteeOrganisationId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The organisation whose members will act.',
    }),
    delegatedOrganisationId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The organisation they will act for; it must be beneath the grantee.',
    }),
    reason: t.string({ required: true, description: 'Why (kept with the grant).' }),
  }),
});

type DelegationRow = typeof tables.delegations.$inferSelect;

const GrantDelegationPayload = builder.objectRef<{ delegation: DelegationRow }>('GrantDelegationPayload').implement({
  description: 'The delegation granted.',
  fields: (t) => ({
    delegation: t.field({
      type: DelegationRef,
      description: 'The new delegation.',
      extensions: compiledPayloadObject('delegation'),
      resolve: (payload) => payload.delegation,
    }),
  }),
});

defineMutation('grantDelegation', {
  description: 'Platform admins: let one organisation act for another beneath it in the hierarchy.',
  input: GrantDelegationInput,
  inputDescription: 'The grant.',
  payload: GrantDelegationPayload,
  callers: { platformAdmin: true },
  run: async (input, caller, tx) => ({
    delegation: await grantAuditedDelegation(tx, caller, {
      granteeOrganisationId: input.granteeOrganisationId.id,
      delegatedOrganisationId: input.delegatedOrganisationId.id,
      reason: input.reason,
    }),
  }),
});
