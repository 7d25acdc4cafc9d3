import { readableBy } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import { OrganisationKindEnum } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';
import { OfferingKindEnum, ServiceLineCodeEnum, TargetUnitEnum } from './catalogue-enums.ts';

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
      resolve: (offering) => moneyFromPence(offering.unitPricePence),
    }),
    allowedKinds: t.field({
      type: [OrganisationKindEnum],
      description: 'The kinds of organisation that may subscribe to it.',
      resolve: (offering) => offering.allowedKinds,
    }),
    currentSla: t.field({
      type: SlaDefinitionRef,
      description: 'The service levels in force now (the latest version already in effect).',
      select: {
        with: {
          slaDefinitions: {
            where: { RAW: (definition) => sql`${definition.effectiveFrom} <= now()` },
            orderBy: { version: 'desc' },
            limit: 1,
          },
        },
      },
      resolve: (offering) => {
        const [current] = offering.slaDefinitions;
        if (!current) throw new Error(`Offering ${offering.code} has no SLA definition`);
        return current;
      },
    }),
  }),
});
