import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.ts';

/**
 * The relations of the whole platform schema, in one place because `@pothos/plugin-drizzle`
 * plans a GraphQL selection into one SQL statement from them.
 */
export const relations = defineRelations(schema, (r) => ({
  organisations: {
    parent: r.one.organisations({ from: r.organisations.parentId, to: r.organisations.id }),
    children: r.many.organisations({ from: r.organisations.id, to: r.organisations.parentId }),
    memberships: r.many.memberships({ from: r.organisations.id, to: r.memberships.tenantId }),
    auditEvents: r.many.auditEvents({ from: r.organisations.id, to: r.auditEvents.tenantId }),
  },
  auditEvents: {
    organisation: r.one.organisations({ from: r.auditEvents.tenantId, to: r.organisations.id, optional: false }),
  },
  delegations: {
    grantee: r.one.organisations({ from: r.delegations.tenantId, to: r.organisations.id, optional: false }),
    delegatedOrganisation: r.one.organisations({
      from: r.delegations.delegatedOrganisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  memberships: {
    organisation: r.one.organisations({ from: r.memberships.tenantId, to: r.organisations.id, optional: false }),
  },
}));

export type PlatformRelations = typeof relations;
