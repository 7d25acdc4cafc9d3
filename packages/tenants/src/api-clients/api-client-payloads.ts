import { compiledPayloadObject } from '@ssp/core';
import { builder } from '@ssp/schema';
import type { ApiClientRow } from './api-client-checks.ts';
import { ApiClientRef } from './api-client-type.ts';

interface ClientWithSecret {
  client: ApiClientRow;
  clientSecret: string;
}

export const ApiClientSecretPayload = builder.objectRef<ClientWithSecret>('ApiClientSecretPayload').implement({
  description: 'A client and its new secret. The secret is shown this once and never stored: keep it safe.',
  fields: (t) => ({
    apiClient: t.field({
      type: ApiClientRef,
      description: 'The client.',
      extensions: compiledPayloadObject('client'),
      resolve: (p) => p.client,
    }),
    clientSecret: t.string({ description: 'The secret, shown once.', resolve: (p) => p.clientSecret }),
  }),
});

export const ApiClientPayload = builder.objectRef<{ client: ApiClientRow }>('ApiClientPayload').implement({
  description: 'The client after the change.',
  fields: (t) => ({
    apiClient: t.field({
      type: ApiClientRef,
      description: 'The client.',
      extensions: compiledPayloadObject('client'),
      resolve: (p) => p.client,
    }),
  }),
});
