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

const RevokeApiClientInput = builder.inputType('RevokeApiClientInput', {
  description: 'The client to revoke.',
  fields: (t) => ({
    apiClientId: t.globalID({ for: ApiClientRef, required: true, description: 'The client.' }),
  }),
});

builder.mutationField('revokeApiClient', (t) =>
  t.field({
    type: ApiClientPayload,
    description: 'Tenant admins: revoke a client. Its tokens are refused from the next request.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RevokeApiClientInput, required: true, description: 'The client.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['tenant_admin'], 'Revoking an API client');
      const tx = requestTransaction(context);
      const { before, after } = await revokeApiClient(tx, { apiClientId: input.apiClientId.id, now: new Date() });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: after.tenantId,
          action: 'api_client.revoked',
          targetType: 'ApiClient',
          targetId: after.id,
          before: auditView(before),
          after: auditView(after),
        },
      ]);
      return { client: after };
    },
  }),
);

