import {
  type ColumnCondition,
  compiledObjectReadExtension,
  compiledReadExtension,
  containsPattern,
  decodeGlobalId,
  type PlatformTransaction,
  pageSizeOptions,
  requestTransaction,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { z } from 'zod';
import { LifecycleStatusEnum, OrganisationKindEnum } from './organisation-enums.ts';
import { OrganisationRef } from './organisation-type.ts';

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  description: 'Narrows a list of organisations; every condition given must hold.',
  fields: (t) => ({
    kind: t.field({ type: OrganisationKindEnum, required: false, description: 'Only this kind.' }),
    parentId: t.globalID({ for: OrganisationRef, required: false, description: 'Only children of this organisation.' }),
    status: t.field({ type: LifecycleStatusEnum, required: false, description: 'Only this lifecycle status.' }),
    nameContains: t.string({
      required: false,
      description: 'Only names containing this text (case-insensitive).',
      validate: z.string().max(200, 'nameContains is at most 200 characters'),
    }),
  }),
});

type OrganisationWhere = NonNullable<
  NonNullable<Parameters<PlatformTransaction['query']['organisations']['findMany']>[0]>['where']
>;

interface RawOrganisationFilter {
  kind?: string | null;
  parentId?: string | null;
  status?: string | null;
  nameContains?: string | null;
}

/** The filter as column conditions for the selection compiler (raw arguments: ids still global). */
function compiledOrganisationWhere(args: Record<string, unknown>): Record<string, ColumnCondition> | null {
  const filter = args.filter as RawOrganisationFilter | null | undefined;
  const where: Record<string, ColumnCondition> = {};
  if (!filter) return where;
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.lifecycleStatus = filter.status;
  if (filter.parentId) {
    const parent = decodeGlobalId(filter.parentId);
    if (parent.typename !== 'Organisation') return null;
    where.parentId = parent.id;
  }
  if (filter.nameContains) {
    // The field's validation refuses longer text; the resolver path says so.
    if (filter.nameContains.length > 200) return null;
    where.name = { ilike: containsPattern(filter.nameContains) };
  }
  return where;
}

/** The organisation's id for the selection compiler (raw arguments: the id still global). */
function compiledOrganisationId(args: Record<string, unknown>): string | null {
  if (typeof args.id !== 'string') return null;
  const decoded = decodeGlobalId(args.id);
  return decoded.typename === 'Organisation' ? decoded.id : null;
}

builder.queryFields((t) => ({
  organisation: t.drizzleField({
    type: OrganisationRef,
    nullable: true,
    description: 'One organisation by its global id; null when it does not exist or you may not see it.',
    authScopes: { authenticated: true },
    extensions: compiledObjectReadExtension({ table: 'organisations', id: compiledOrganisationId }),
    args: { id: t.arg.globalID({ for: OrganisationRef, required: true, description: 'Its global id.' }) },
    resolve: (query, _root, args, context) =>
      requestTransaction(context).query.organisations.findFirst(query({ where: { id: args.id.id } })),
  }),
  organisations: t.drizzleConnection(
    {
      type: 'organisations',
      description: 'The organisations you may see, by name, optionally filtered.',
      authScopes: { authenticated: true },
      ...pageSizeOptions,
      extensions: compiledReadExtension({
        table: 'organisations',
        orderBy: { name: 'asc', id: 'asc' },
        where: compiledOrganisationWhere,
      }),
      args: { filter: t.arg({ type: OrganisationFilter, required: false, description: 'Conditions to narrow by.' }) },
      resolve: (query, _root, args, context) => {
        const filter = args.filter;
        const where: OrganisationWhere = {};
        if (filter?.kind) where.kind = filter.kind;
        if (filter?.status) where.lifecycleStatus = filter.status;
        if (filter?.parentId) where.parentId = filter.parentId.id;
        if (filter?.nameContains) where.name = { ilike: containsPattern(filter.nameContains) };
        return requestTransaction(context).query.organisations.findMany(
          query({ where, orderBy: { name: 'asc', id: 'asc' } }),
        );
      },
    },
    { name: 'OrganisationConnection', description: 'A page of organisations, by name.' },
    { name: 'OrganisationEdge' },
  ),
}));
