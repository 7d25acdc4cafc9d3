import {
  ConflictError,
  ForbiddenError,
  mayListType,
  NotFoundError,
  pageSizeOptions,
  readableBy,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { createApiClient } from './create-api-client.ts';
import { type ApiClientRow, checkClientRoles, revokeApiClient, rotateApiClientSecret } from './manage-api-clients.ts';


/** What the audit trail keeps of a client: never its secret hashes. */
function auditView(client: ApiClientRow) {
  const { secretHash: _secret, previousSecretHash: _previous, ...view } = client;
  return view;
}


interface ClientWithSecret {
  client: ApiClientRow;
  clientSecret: string;
}

const ApiClientSecretPayload = builder.objectRef<ClientWithSecret>('ApiClientSecretPayload').implement({
  description: 'A client and its new secret. The secret is shown this once and never stored: keep it safe.',
  fields: (t) => ({
    apiClient: t.field({ type: ApiClientRef, description: 'The client.', resolve: (p) => p.client }),
    clientSecret: t.string({ description: 'The secret, shown once.', resolve: (p) => p.clientSecret }),
  }),
});

const ApiClientPayload = builder.objectRef<{ client: ApiClientRow }>('ApiClientPayload').implement({
  description: 'The client after the change.',
  fields: (t) => ({
    apiClient: t.field({ type: ApiClientRef, description: 'The client.', resolve: (p) => p.client }),
  }),
});

