import { containsPattern, type PlatformTransaction, pageSizeOptions, requestTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ServiceLineCodeEnum } from './catalogue-enums.ts';

type OfferingWhere = NonNullable<
  NonNullable<Parameters<PlatformTransaction['query']['serviceOfferings']['findMany']>[0]>['where']
>;

const CatalogueFilter = builder.inputType('ServiceCatalogueFilter', {
  description: 'Narrows the catalogue; every condition given must hold.',
  fields: (t) => ({
    serviceLine: t.field({ type: ServiceLineCodeEnum, required: false, description: 'Only this line of service.' }),
    search: t.string({
      required: false,
      description: 'Only offerings whose name, description or keywords contain this text (case-insensitive).',
      validate: z.string().min(1).max(200),
    }),
  }),
});

builder.queryField('serviceCatalogue', (t) =>
  t.drizzleConnection(
    {
      type: 'serviceOfferings',
      description: 'The offerings of the service catalogue, by line of service and name.',
      authScopes: { authenticated: true },
      ...pageSizeOptions,
      args: { filter: t.arg({ type: CatalogueFilter, required: false, description: 'Conditions to narrow by.' }) },
      resolve: (query, _root, args, context) => {
        const where: OfferingWhere = {};
        if (args.filter?.serviceLine) where.serviceLineCode = args.filter.serviceLine;
        if (args.filter?.search) {
          const pattern = containsPattern(args.filter.search);
          where.OR = [
            { name: { ilike: pattern } },
            { description: { ilike: pattern } },
            { RAW: (table) => sql`array_to_string(${table.keywords}, ' ') ilike ${pattern}` },
          ];
        }
        return requestTransaction(context).query.serviceOfferings.findMany(
          query({ where, orderBy: { serviceLineCode: 'asc', name: 'asc', id: 'asc' } }),
        );
      },
    },
    { name: 'ServiceOfferingConnection', description: 'A page of catalogue offerings.' },
    { name: 'ServiceOfferingEdge' },
  ),
);
