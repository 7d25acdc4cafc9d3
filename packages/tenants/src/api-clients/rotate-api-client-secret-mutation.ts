import { builder, defineMutation } from '@ssp/schema';
import { ApiClientSecretPayload } from './api-client-payloads.ts';
import { ApiClientRef } from './api-client-type.ts';
import { rotateApiClientSecret } from './rotate-api-client-secret.ts';

const RotateApiClientSecretInput = builder.inputType('RotateApiClientSecretInput', {
  description: 'A new secret for a client.',
  fields: (t) => ({
    apiClientId: t.globalID({ for: ApiClientRef, required: true, description: 'The client.' }),
    gracePeriodHours: t.int({
      required: true,
      description: 'How long the old secret keeps working: 0 (ends now) to 168 hours.',
    }),
  }),
});

defineMutation('rotateApiClientSecret', {
  description: 'Tenant admins: give a client a new secret; the old one works only for the grace period.',
  input: RotateApiClientSecretInput,
  inputDescription: 'The rotation.',
  payload: ApiClientSecretPayload,
  callers: { roles: ['tenant_admin'], action: 'Rotating an API client secret' },
  run: async (input, caller, tx) => {
    const rotated = await rotateApiClientSecret(tx, caller, {
      apiClientId: input.apiClientId.id,
      graceHours: input.gracePeriodHours,
      now: new Date(),
    });
    return { client: rotated.client, clientSecret: rotated.clientSecret };
  },
});
