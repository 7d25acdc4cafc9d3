import {
  ConflictError,
  ForbiddenError,
  listableBy,
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

export const ApiClientRef = builder.drizzleNode('apiClients', {
  name: 'ApiClient',
  description: 'A machine client (a council HR system, a school MIS) using the client-credentials grant.',
  ...readableBy(TENANTS_READ_RULES.ApiClient),
  id: { column: (client) => client.id, description: 'Opaque global id.' },
  fields: (t) => ({
    clientId: t.exposeString('clientId', { description: 'The public client id to send to /oauth/token.' }),
    name: t.exposeString('name', { description: 'What the client is.' }),
    roles: t.field({
      type: [MembershipRoleEnum],
      description: 'The roles its tokens carry.',
      resolve: (client) => client.roles,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    previousSecretValidUntil: t.expose('previousSecretExpiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'After a rotation: until when the previous secret still works.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; its tokens are refused from then on.',
    }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'apiClients', (t) =>
  t.relatedConnection(
    'apiClients',
    {
      description: 'The machine clients of this organisation, oldest first. Tenant admins only.',
      ...listableBy(TENANTS_READ_RULES.ApiClient),
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'ApiClientConnection', description: 'A page of API clients.' },
    { name: 'ApiClientEdge' },
  ),
);

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
