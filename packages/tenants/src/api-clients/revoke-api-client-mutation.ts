import { builder, defineMutation } from '@ssp/schema';
import { ApiClientPayload } from './api-client-payloads.ts';
import { ApiClientRef } from './api-client-type.ts';
import { revokeApiClient } from './revoke-api-client.ts';

const RevokeApiClientInput = builder.inputType('RevokeApiClientInput', {
  description: 'The client to revoke.',
  fields: (t) => ({
    apiClientId: t.globalID({ for: ApiClientRef, required: true, description: 'The client.' }),
  }),
});

defineMutation('revokeApiClient', {
  description: 'Tenant admins: revoke a client. Its tokens are refused from the next request.',
  input: RevokeApiClientInput,
  inputDescription: 'The client.',
  payload: ApiClientPayload,
  callers: { roles: ['tenant_admin'], action: 'Revoking an API client' },
  run: async (input, caller, tx) => ({
    client: (await revokeApiClient(tx, caller, { apiClientId: input.apiClientId.id, now: new Date() })).after,
  }),
});
