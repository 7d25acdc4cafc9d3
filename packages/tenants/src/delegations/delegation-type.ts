import { readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';

export const DelegationRef = builder.drizzleNode('delegations', {
  name: 'Delegation',
  description:
    'An explicit grant letting the members of one organisation act for another beneath it. Nothing is delegated by the hierarchy alone.',
  ...readableBy(TENANTS_READ_RULES.Delegation),
  id: { column: (delegation) => delegation.id, description: 'Opaque global id.' },
  fields: (t) => ({
    grantee: t.relation('grantee', { description: 'The organisation whose members may act.' }),
    delegatedOrganisation: t.relation('delegatedOrganisation', { description: 'The organisation they may act for.' }),
    reason: t.exposeString('reason', { description: 'Why the delegation was granted.' }),
    grantedBy: t.exposeString('grantedBy', { description: 'Who granted it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was granted.' }),
  }),
});
