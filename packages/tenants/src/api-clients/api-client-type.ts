import { listableBy, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';

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
