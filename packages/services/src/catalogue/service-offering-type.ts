import { computedFromRowExtension, readableBy } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import { OrganisationKindEnum } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';
import {
  IncidentPriorityEnum,
  OfferingKindEnum,
  ServiceLineCodeEnum,
  TargetUnitEnum,
  WorkingDayConventionEnum,
} from './catalogue-enums.ts';

export const ServiceLineRef = builder.drizzleObject('serviceLines', {
  name: 'ServiceLine',
  description: 'A line of service (payroll, recruitment, ICT, finance, procurement).',
  fields: (t) => ({
    code: t.expose('code', { type: ServiceLineCodeEnum, description: 'Its code.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    description: t.exposeString('description', { description: 'What it covers.' }),
  }),
});

export const SlaDefinitionRef = builder.drizzleNode('slaDefinitions', {
  name: 'SlaDefinition',
  ...readableBy(SERVICES_READ_RULES.SlaDefinition),
  description:
    'One version of an offering service levels. Requests keep the version in force when they were raised, so a new target never rewrites past attainment.',
  id: { column: (definition) => definition.id, description: 'Opaque global id.' },
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    fulfilmentUnit: t.expose('fulfilmentUnit', {
      type: TargetUnitEnum,
      description: 'How the fulfilment target counts.',
    }),
    fulfilmentAmount: t.exposeInt('fulfilmentAmount', { description: 'The fulfilment target, in its unit.' }),
    responseUnit: t.expose('responseUnit', {
      type: TargetUnitEnum,
      nullable: true,
      description: 'How the first-response target counts, when there is one.',
    }),
    responseAmount: t.exposeInt('responseAmount', { nullable: true, description: 'The first-response target.' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'DateTime', description: 'Requests raised from then on use it.' }),
    priority: t.expose('priority', {
      type: IncidentPriorityEnum,
      nullable: true,
      description:
        'Null: it applies to every request of the offering. A priority: to incidents of that priority only, which use it instead of the definitions for every priority once it is in effect. Versions are numbered per offering and priority.',
    }),
    workingDayConvention: t.expose('workingDayConvention', {
      type: WorkingDayConventionEnum,
      description: 'What a target in working days means (see WorkingDayConvention); other units ignore it.',
    }),
    publishedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was published.' }),
  }),
});

export const ServiceOfferingRef = builder.drizzleNode('serviceOfferings', {
  name: 'ServiceOffering',
  ...readableBy(SERVICES_READ_RULES.ServiceOffering),
  description: 'A catalogue item customers can subscribe to and raise requests against.',
  id: { column: (offering) => offering.id, description: 'Opaque global id.' },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. `dbs-check`.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    description: t.exposeString('description', { description: 'What is delivered.' }),
    kind: t.expose('kind', { type: OfferingKindEnum, description: 'Request or incident.' }),
    serviceLine: t.relation('serviceLine', { description: 'The line of service it belongs to.' }),
    unitPrice: t.field({
      type: MoneyRef,
      description: 'Catalogue price of one completed request.',
      select: { columns: { unitPricePence: true } },
      extensions: computedFromRowExtension,
      resolve: (offering) => moneyFromPence(offering.unitPricePence),
    }),
    allowedKinds: t.field({
      type: [OrganisationKindEnum],
      description: 'The kinds of organisation that may subscribe to it.',
      resolve: (offering) => offering.allowedKinds,
    }),
    keywords: t.field({
      type: ['String'],
      description: 'Words a free-text requirement might use for it (capability matching and catalogue search).',
      resolve: (offering) => offering.keywords,
    }),
    // A plain list (an offering has a handful of versions): children of reference data, read in
    // the parent's statement.
    slaDefinitions: t.relation('slaDefinitions', {
      description:
        'Every version of its service levels, for every request and per incident priority, newest first (including versions not yet in effect).',
      query: { orderBy: { effectiveFrom: 'desc', id: 'desc' } },
    }),
    currentSla: t.field({
      type: SlaDefinitionRef,
      description:
        'The service levels in force now for every request (the latest version already in effect that names no priority).',
      select: {
        with: {
          slaDefinitions: {
            where: {
              RAW: (definition) => sql`${definition.effectiveFrom} <= now() and ${definition.priority} is null`,
            },
            orderBy: { version: 'desc' },
            limit: 1,
          },
        },
      },
      extensions: computedFromRowExtension,
      resolve: (offering) => {
        const [current] = offering.slaDefinitions;
        if (!current) throw new Error(`Offering ${offering.code} has no SLA definition`);
        return current;
      },
    }),
  }),
});
