import { listableBy, pageSizeOptions, rowReadableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';

export const AuditEventRef = builder.drizzleNode('auditEvents', {
  name: 'AuditEvent',
  description: 'One administrative change, as recorded when it was made. Append-only: never edited or deleted.',
  ...rowReadableBy(TENANTS_READ_RULES.AuditEvent),
  // The rule reads the row's organisation, however little of it was asked for.
  select: { columns: { tenantId: true } },
  id: { column: (event) => event.id, description: 'Opaque global id.' },
  fields: (t) => ({
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the change was made.' }),
    requestId: t.exposeString('requestId', { description: 'The request that made it (its x-request-id).' }),
    actorSubject: t.exposeString('actorSubject', { description: 'Who made it, as their token named them.' }),
    action: t.exposeString('action', { description: 'What was done, e.g. `delegation.granted`.' }),
    targetType: t.exposeString('targetType', { description: 'The kind of thing changed.' }),
    targetId: t.exposeString('targetId', { description: 'The id of the thing changed.' }),
    before: t.expose('before', { type: 'JSON', nullable: true, description: 'The thing before the change.' }),
    after: t.expose('after', { type: 'JSON', nullable: true, description: 'The thing after the change.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'auditTrail', (t) =>
  t.relatedConnection(
    'auditEvents',
    {
      description:
        'The administrative changes made for this organisation, newest first. Its own tenant admins and platform admins only.',
      ...listableBy(TENANTS_READ_RULES.AuditEvent, (organisation) => ({ tenantId: organisation.id })),
      query: { orderBy: { occurredAt: 'desc', id: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'AuditEventConnection', description: 'A page of the audit trail.' },
    { name: 'AuditEventEdge' },
  ),
);
