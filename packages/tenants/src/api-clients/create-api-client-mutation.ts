import { builder, defineMutation } from '@ssp/schema';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { ApiClientSecretPayload } from './api-client-payloads.ts';
import { registerApiClient } from './register-api-client.ts';

const CreateApiClientInput = builder.inputType('CreateApiClientInput', {
  description: 'A new machine client.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Its organisation: yours (the default) or one delegated to you.',
    }),
    name: t.string({ required: true, description: 'What it is, e.g. "Schools MIS integration" (1-200 characters).' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'The roles its tokens carry.' }),
  }),
});

defineMutation('createApiClient', {
  description: 'Tenant admins: register a machine client and receive its secret (once).',
  input: CreateApiClientInput,
  inputDescription: 'The client.',
  payload: ApiClientSecretPayload,
  callers: { roles: ['tenant_admin'], action: 'Registering an API client' },
  run: (input, caller, tx) =>
    registerApiClient(tx, caller, {
      organisationId: input.organisationId?.id ?? null,
      name: input.name,
      roles: input.roles,
    }),
});
