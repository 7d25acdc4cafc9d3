import {
  type ColumnCondition,
  compiledReadExtension,
  decodeGlobalId,
  type PlatformTransaction,
  pageSizeOptions,
  requestTransaction,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { ServiceOfferingRef } from '../catalogue/service-offering-type.ts';
import { RequestStatusEnum } from './service-request-type.ts';

type RequestWhere = NonNullable<
  NonNullable<Parameters<PlatformTransaction['query']['serviceRequests']['findMany']>[0]>['where']
>;

const ServiceRequestFilter = builder.inputType('ServiceRequestFilter', {
  description: 'Narrows a list of requests; every condition given must hold.',
  fields: (t) => ({
    organisationId: t.globalID({ for: OrganisationRef, required: false, description: 'Only this organisation.' }),
    offeringId: t.globalID({ for: ServiceOfferingRef, required: false, description: 'Only this offering.' }),
    status: t.field({ type: RequestStatusEnum, required: false, description: 'Only this status.' }),
    assignedAgent: t.string({ required: false, description: 'Only requests assigned to this agent.' }),
  }),
});

interface RawRequestFilter {
  organisationId?: string | null;
  offeringId?: string | null;
  status?: string | null;
  assignedAgent?: string | null;
}

/** The filter as column conditions for the selection compiler (raw arguments: ids still global). */
function compiledRequestWhere(args: Record<string, unknown>): Record<string, ColumnCondition> | null {
  const filter = args.filter as RawRequestFilter | null | undefined;
  const where: Record<string, ColumnCondition> = {};
  if (!filter) return where;
  const idOf = (globalId: string, typename: string) => {
    const decoded = decodeGlobalId(globalId);
    return decoded.typename === typename ? decoded.id : null;
  };
  if (filter.organisationId) {
    const id = idOf(filter.organisationId, 'Organisation');
    if (!id) return null;
    where.tenantId = id;
  }
  if (filter.offeringId) {
    const id = idOf(filter.offeringId, 'ServiceOffering');
    if (!id) return null;
    where.offeringId = id;
  }
  if (filter.status) where.status = filter.status;
  if (filter.assignedAgent) where.assignedAgent = filter.assignedAgent;
  return where;
}

builder.queryField('serviceRequests', (t) =>
  t.drizzleConnection(
    {
      type: 'serviceRequests',
      description:
        'The requests you may see, newest first: a requester sees its organisation; a service agent of a partnership sees those of the organisations it serves.',
      authScopes: { authenticated: true },
      ...pageSizeOptions,
      extensions: compiledReadExtension({
        table: 'serviceRequests',
        orderBy: { raisedAt: 'desc', id: 'desc' },
        where: compiledRequestWhere,
      }),
      args: { filter: t.arg({ type: ServiceRequestFilter, required: false, description: 'Conditions to narrow by.' }) },
      resolve: (query, _root, args, context) => {
        const where: RequestWhere = {};
        if (args.filter?.organisationId) where.tenantId = args.filter.organisationId.id;
        if (args.filter?.offeringId) where.offeringId = args.filter.offeringId.id;
        if (args.filter?.status) where.status = args.filter.status;
        if (args.filter?.assignedAgent) where.assignedAgent = args.filter.assignedAgent;
        return requestTransaction(context).query.serviceRequests.findMany(
          query({ where, orderBy: { raisedAt: 'desc', id: 'desc' } }),
        );
      },
    },
    { name: 'ServiceRequestConnection', description: 'A page of requests.' },
    { name: 'ServiceRequestEdge' },
  ),
);
