import { computedFromRowExtension, describedEnumValues, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { OrganisationRef } from '@ssp/tenants';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';
import { IncidentPriorityEnum } from '../catalogue/catalogue-enums.ts';
import { fulfilmentClock, responseClock, SlaClockRef } from './sla-clock-type.ts';

export const RequestStatusEnum = builder.enumType('RequestStatus', {
  description: 'Where a request is in its lifecycle.',
  values: describedEnumValues<(typeof tables.requestStatus.enumValues)[number]>({
    new: 'Raised, not yet picked up.',
    in_progress: 'Being worked on.',
    waiting_on_customer: 'Waiting for the customer: the SLA clock is paused.',
    resolved: 'Done, awaiting the customer closing it (or re-opening it).',
    closed: 'Finished (final).',
    cancelled: 'Withdrawn (final).',
  }),
});

// Declared with the catalogue's enums (SLA definitions are per priority too).
export { IncidentPriorityEnum };

export const StatusChangeRef = builder.drizzleObject('serviceRequestStatusChanges', {
  name: 'RequestStatusChange',
  description: 'One entry of a request append-only status history.',
  fields: (t) => ({
    status: t.expose('status', { type: RequestStatusEnum, description: 'The status entered.' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why (the pause reason when waiting on the customer).',
    }),
    changedBy: t.exposeString('changedBy', { description: 'Who made the change.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', description: 'When.' }),
  }),
});

export const CommentRef = builder.drizzleObject('serviceRequestComments', {
  name: 'RequestComment',
  description: 'A comment on a request.',
  fields: (t) => ({
    author: t.exposeString('author', { description: 'Who wrote it.' }),
    body: t.exposeString('body', { description: 'What they wrote.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
  }),
});

/** What the SLA clocks read: the history, the pinned SLA version and the organisation nation. */
const clockSelection = {
  columns: { raisedAt: true },
  with: {
    statusChanges: { orderBy: { changedAt: 'asc' as const } },
    slaDefinition: true,
    organisation: {
      columns: { nation: true },
      // The nation's current calendar: one row, so a new holiday moves every open clock at once.
      with: { calendar: { columns: { version: true, holidayEpochDays: true } } },
    },
  },
} as const;

export const ServiceRequestRef = builder.drizzleNode('serviceRequests', {
  name: 'ServiceRequest',
  ...readableBy(SERVICES_READ_RULES.ServiceRequest),
  description: 'A request or incident raised by an organisation against one of its subscriptions.',
  id: { column: (request) => request.id, description: 'Opaque global id.' },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'Short reference to quote, e.g. SR-7K2M9QXA.' }),
    title: t.exposeString('title', { description: 'What is asked for, in a line.' }),
    description: t.exposeString('description', { description: 'The detail.' }),
    priority: t.expose('priority', {
      type: IncidentPriorityEnum,
      nullable: true,
      description: 'Incidents only: how urgent.',
    }),
    status: t.expose('status', { type: RequestStatusEnum, description: 'Where it is in its lifecycle.' }),
    organisation: t.relation('organisation', { description: 'The organisation that raised it.' }),
    offering: t.relation('offering', { description: 'The catalogue offering it was raised against.' }),
    slaDefinition: t.relation('slaDefinition', { description: 'The SLA version in force when it was raised.' }),
    raisedBy: t.exposeString('raisedBy', { description: 'Who raised it.' }),
    assignedAgent: t.exposeString('assignedAgent', { nullable: true, description: 'The service agent working it.' }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime', description: 'When it was raised: the clocks start here.' }),
    importedFrom: t.exposeString('importedFrom', {
      nullable: true,
      description:
        'For a request imported with its history (`importServiceRequestHistory`): the system it came from; null for a request raised here.',
    }),
    externalReference: t.exposeString('externalReference', {
      nullable: true,
      description: 'For an imported request: its reference in the system it came from.',
    }),
    importedAt: t.expose('importedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'For an imported request: when we recorded it (the database clock); reports as of before then leave it out.',
    }),
    firstContactResolution: t.exposeBoolean('firstContactResolution', {
      nullable: true,
      description: 'Whether it was resolved at the first point of contact (known once resolved).',
    }),
    satisfactionScore: t.exposeInt('satisfactionScore', {
      nullable: true,
      description: 'The customer rating after resolution: 1 (very poor) to 5 (excellent).',
    }),
    history: t.relation('statusChanges', {
      description: 'Every status it has been in, oldest first (append-only).',
      query: { orderBy: { changedAt: 'asc' } },
    }),
    comments: t.relation('comments', {
      description: 'The conversation, oldest first.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
    fulfilmentSla: t.field({
      type: SlaClockRef,
      description: 'The fulfilment clock: due time, time remaining or overrun, breached or not.',
      select: clockSelection,
      extensions: computedFromRowExtension,
      args: {
        asOf: t.arg({
          type: 'DateTime',
          required: false,
          description: 'The clock as it stood at this instant (the status history up to then); defaults to now.',
        }),
      },
      resolve: (request, args) => fulfilmentClock(request, args.asOf ?? new Date()),
    }),
    responseSla: t.field({
      type: SlaClockRef,
      nullable: true,
      description: 'The first-response clock, when the SLA sets one (e.g. ICT: 30 minutes).',
      select: clockSelection,
      extensions: computedFromRowExtension,
      args: {
        asOf: t.arg({
          type: 'DateTime',
          required: false,
          description: 'The clock as it stood at this instant (the status history up to then); defaults to now.',
        }),
      },
      resolve: (request, args) => responseClock(request, args.asOf ?? new Date()),
    }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'serviceRequests', (t) =>
  t.relatedConnection(
    'serviceRequests',
    {
      description: 'The requests this organisation has raised, newest first.',
      query: { orderBy: { raisedAt: 'desc', id: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'OrganisationServiceRequestConnection', description: 'A page of an organisation requests.' },
    { name: 'OrganisationServiceRequestEdge' },
  ),
);
