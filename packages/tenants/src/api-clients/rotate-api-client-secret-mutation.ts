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

builder.mutationField('rotateApiClientSecret', (t) =>
  t.field({
    type: ApiClientSecretPayload,
    description: 'Tenant admins: give a client a new secret; the old one works only for the grace period.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RotateApiClientSecretInput, required: true, description: 'The rotation.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['tenant_admin'], 'Rotating an API client secret');
      const tx = requestTransaction(context);
      const rotated = await rotateApiClientSecret(tx, {
        apiClientId: input.apiClientId.id,
        graceHours: input.gracePeriodHours,
        now: new Date(),
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: rotated.client.tenantId,
          action: 'api_client.secret_rotated',
          targetType: 'ApiClient',
          targetId: rotated.client.id,
          after: auditView(rotated.client),
        },
      ]);
      return { client: rotated.client, clientSecret: rotated.clientSecret };
    },
  }),
);

