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

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

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

builder.mutationField('createApiClient', (t) =>
  t.field({
    type: ApiClientSecretPayload,
    description: 'Tenant admins: register a machine client and receive its secret (once).',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: CreateApiClientInput, required: true, description: 'The client.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['tenant_admin'], 'Registering an API client');
      const tx = requestTransaction(context);
      const organisationId = input.organisationId?.id ?? actor.organisationId;
      const organisation = await tx.query.organisations.findFirst({
        where: { id: organisationId },
        columns: { id: true },
      });
      if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
      const name = input.name.trim();
      if (name === '' || name.length > 200)
        throw new ValidationError('Give a name of 1 to 200 characters', 'input.name');
      const created = await createApiClient(tx, { organisationId, name, roles: checkClientRoles(input.roles) });
      const client = await tx.query.apiClients.findFirst({ where: { id: created.id } });
      if (!client) throw new Error('The new API client is not visible');
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId,
          action: 'api_client.created',
          targetType: 'ApiClient',
          targetId: client.id,
          after: auditView(client),
        },
      ]);
      return { client, clientSecret: created.clientSecret };
    },
  }),
);

