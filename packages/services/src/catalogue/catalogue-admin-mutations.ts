import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { auditActor, OrganisationKindEnum } from '@ssp/tenants';
import {
  IncidentPriorityEnum,
  OfferingKindEnum,
  ServiceLineCodeEnum,
  TargetUnitEnum,
  WorkingDayConventionEnum,
} from './catalogue-enums.ts';
import { changeServiceOffering } from './change-service-offering.ts';
import { createServiceOffering } from './create-service-offering.ts';
import type { ServiceOfferingRow } from './lock-offering.ts';
import { publishSlaDefinition, type SlaDefinitionRow } from './publish-sla-definition.ts';
import { ServiceOfferingRef, SlaDefinitionRef } from './service-offering-type.ts';

// Platform admins manage the catalogue: its offerings and their versioned service levels. The
// mutation form lets platform admins alone through (everyone else: ROLE_REQUIRED, a FORBIDDEN);
// each service records its own audit event.

const SlaTargetsInput = builder.inputType('SlaTargetsInput', {
  description: 'The service levels of an SLA definition.',
  fields: (t) => ({
    fulfilmentUnit: t.field({ type: TargetUnitEnum, required: true, description: 'How the fulfilment target counts.' }),
    fulfilmentAmount: t.int({
      required: true,
      description:
        'The fulfilment target in its unit, a whole number: working days 0 (same working day) to 250, working hours 1 to 2,000, elapsed minutes 1 to 525,600.',
    }),
    responseUnit: t.field({
      type: TargetUnitEnum,
      required: false,
      description: 'How the first-response target counts; with responseAmount, or neither.',
    }),
    responseAmount: t.int({ required: false, description: 'The first-response target, in its unit.' }),
    workingDayConvention: t.field({
      type: WorkingDayConventionEnum,
      required: false,
      defaultValue: 'end_of_nth_working_day',
      description: 'What a working-days target means; defaults to the close of business on the Nth working day.',
    }),
  }),
});

const targetsOf = (input: typeof SlaTargetsInput.$inferInput) => ({
  fulfilmentUnit: input.fulfilmentUnit,
  fulfilmentAmount: input.fulfilmentAmount,
  responseUnit: input.responseUnit ?? null,
  responseAmount: input.responseAmount ?? null,
  workingDayConvention: input.workingDayConvention ?? 'end_of_nth_working_day',
});

const ServiceOfferingPayload = builder
  .objectRef<{ offering: ServiceOfferingRow; replayed: boolean }>('ServiceOfferingPayload')
  .implement({
    description: 'The offering after the change.',
    fields: (t) => ({
      offering: t.field({
        type: ServiceOfferingRef,
        description: 'The offering.',
        extensions: compiledPayloadObject('offering'),
        resolve: (p) => p.offering,
      }),
      replayed: t.boolean({
        description:
          'True when nothing was written: the same offering was already created with this code, or the change changed nothing.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const CreateServiceOfferingInput = builder.inputType('CreateServiceOfferingInput', {
  description: 'A new catalogue offering and its first service levels.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description:
        'Stable code, lower-case words joined by hyphens (e.g. `payslip-reissue`); unique across the catalogue, and the key that makes a retry safe.',
    }),
    serviceLine: t.field({ type: ServiceLineCodeEnum, required: true, description: 'Its line of service.' }),
    name: t.string({ required: true, description: 'Its name, 1 to 200 characters.' }),
    description: t.string({ required: true, description: 'What is delivered, 1 to 2,000 characters.' }),
    kind: t.field({ type: OfferingKindEnum, required: true, description: 'Request or incident.' }),
    unitPrice: t.string({
      required: true,
      description: 'Catalogue price of one completed request in pounds, a decimal string such as "45.00".',
    }),
    allowedKinds: t.field({
      type: [OrganisationKindEnum],
      required: true,
      description: 'The kinds of organisation that may subscribe (at least one).',
    }),
    keywords: t.stringList({ required: true, description: 'Words a free-text requirement might use for it.' }),
    sla: t.field({
      type: SlaTargetsInput,
      required: true,
      description: 'Its first service levels: version 1, in effect from now, for every request.',
    }),
  }),
});

defineMutation('createServiceOffering', {
  description:
    'Platform admins: adds an offering to the catalogue with its first SLA version. The same code with the same terms answers with the offering already made; with other terms it is OFFERING_CODE_TAKEN.',
  input: CreateServiceOfferingInput,
  inputDescription: 'The offering.',
  payload: ServiceOfferingPayload,
  callers: { platformAdmin: true },
  run: (input, caller, tx) =>
    createServiceOffering(tx, auditActor(caller), {
      code: input.code,
      serviceLineCode: input.serviceLine,
      name: input.name,
      description: input.description,
      kind: input.kind,
      unitPrice: input.unitPrice,
      allowedKinds: input.allowedKinds,
      keywords: input.keywords,
      sla: targetsOf(input.sla),
    }),
});

const ChangeServiceOfferingInput = builder.inputType('ChangeServiceOfferingInput', {
  description: 'What to change on an offering; only the fields given change.',
  fields: (t) => ({
    offeringId: t.globalID({ for: ServiceOfferingRef, required: true, description: 'The offering.' }),
    unitPrice: t.string({
      required: false,
      description:
        'The new catalogue price in pounds ("52.50"). Applies to subscriptions taken from now on: a subscription keeps the price it was taken at, and statements charge that, so nothing already billed (or being billed) changes.',
    }),
    allowedKinds: t.field({
      type: [OrganisationKindEnum],
      required: false,
      description: 'The kinds of organisation that may subscribe from now on; existing subscriptions are kept.',
    }),
    keywords: t.stringList({ required: false, description: 'The keywords, replacing the current ones.' }),
  }),
});

defineMutation('changeServiceOffering', {
  description:
    'Platform admins: changes an offering price, the kinds of organisation that may subscribe, or its keywords. Audited; a change that changes nothing writes nothing.',
  input: ChangeServiceOfferingInput,
  inputDescription: 'The change.',
  payload: ServiceOfferingPayload,
  callers: { platformAdmin: true },
  run: async (input, caller, tx) => {
    const { offering, changed } = await changeServiceOffering(tx, auditActor(caller), {
      offeringId: input.offeringId.id,
      unitPrice: input.unitPrice ?? undefined,
      allowedKinds: input.allowedKinds ?? undefined,
      keywords: input.keywords ?? undefined,
    });
    return { offering, replayed: !changed };
  },
});

const SlaDefinitionPayload = builder
  .objectRef<{ definition: SlaDefinitionRow; replayed: boolean }>('SlaDefinitionPayload')
  .implement({
    description: 'The SLA version published.',
    fields: (t) => ({
      slaDefinition: t.field({
        type: SlaDefinitionRef,
        description: 'The version.',
        extensions: compiledPayloadObject('definition'),
        resolve: (p) => p.definition,
      }),
      replayed: t.boolean({
        description: 'True when this version was already the newest (same targets, same time): nothing was written.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const PublishSlaDefinitionInput = builder.inputType('PublishSlaDefinitionInput', {
  description: 'The next version of an offering service levels.',
  fields: (t) => ({
    offeringId: t.globalID({ for: ServiceOfferingRef, required: true, description: 'The offering.' }),
    priority: t.field({
      type: IncidentPriorityEnum,
      required: false,
      description: 'Incidents only: the priority it is for. Omitted: every request of the offering.',
    }),
    targets: t.field({ type: SlaTargetsInput, required: true, description: 'The service levels.' }),
    effectiveFrom: t.field({
      type: 'DateTime',
      required: false,
      description:
        'When it takes effect (now, or later; never earlier, and after the version it follows). Requests raised from then on pin it; requests raised before keep theirs. Defaults to now.',
    }),
  }),
});

defineMutation('publishSlaDefinition', {
  description:
    'Platform admins: publishes the next SLA version of an offering (for every request, or for one incident priority). It never changes the clock of a request already raised.',
  input: PublishSlaDefinitionInput,
  inputDescription: 'The version.',
  payload: SlaDefinitionPayload,
  callers: { platformAdmin: true },
  run: (input, caller, tx) =>
    publishSlaDefinition(tx, auditActor(caller), {
      offeringId: input.offeringId.id,
      priority: input.priority ?? null,
      ...targetsOf(input.targets),
      effectiveFrom: input.effectiveFrom ?? null,
      now: new Date(),
    }),
});
