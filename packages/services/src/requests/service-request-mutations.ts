import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { ServiceOfferingRef } from '../catalogue/service-offering-type.ts';
import { changeServiceRequestStatus } from './change-service-request-status.ts';
import { raiseServiceRequest, type ServiceRequestRow } from './raise-service-request.ts';
import { assignServiceRequest, commentOnServiceRequest, rateServiceRequest } from './record-request-details.ts';
import { CommentRef, IncidentPriorityEnum, RequestStatusEnum, ServiceRequestRef } from './service-request-type.ts';

const ServiceRequestPayload = builder
  .objectRef<{ request: ServiceRequestRow; replayed: boolean }>('ServiceRequestPayload')
  .implement({
    description: 'The request after the change.',
    fields: (t) => ({
      serviceRequest: t.field({
        type: ServiceRequestRef,
        description: 'The request.',
        extensions: compiledPayloadObject('request'),
        resolve: (p) => p.request,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already made this change.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const RaiseServiceRequestInput = builder.inputType('RaiseServiceRequestInput', {
  description: 'A new request or incident.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Who it is for; defaults to the organisation you act for (agents may raise for those they serve).',
    }),
    offeringId: t.globalID({ for: ServiceOfferingRef, required: true, description: 'A subscribed offering.' }),
    title: t.string({ required: true, description: 'What is asked for, in a line (1-200 characters).' }),
    description: t.string({ required: true, description: 'The detail (up to 10,000 characters).' }),
    priority: t.field({
      type: IncidentPriorityEnum,
      required: false,
      description: 'Incidents only, and required for them.',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this raise (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

defineMutation('raiseServiceRequest', {
  description: 'Raises a request or incident against a subscribed offering. Idempotent by key.',
  input: RaiseServiceRequestInput,
  inputDescription: 'The request.',
  payload: ServiceRequestPayload,
  callers: { roles: ['requester', 'tenant_admin', 'service_agent'], action: 'Raising a request' },
  run: (input, caller, tx) =>
    raiseServiceRequest(tx, caller, {
      organisationId: input.organisationId?.id ?? caller.actor.organisationId,
      offeringId: input.offeringId.id,
      title: input.title,
      description: input.description,
      priority: input.priority ?? null,
      idempotencyKey: input.idempotencyKey,
      now: new Date(),
    }),
});

const ChangeServiceRequestStatusInput = builder.inputType('ChangeServiceRequestStatusInput', {
  description: 'A move along the request lifecycle.',
  fields: (t) => ({
    requestId: t.globalID({ for: ServiceRequestRef, required: true, description: 'The request.' }),
    status: t.field({ type: RequestStatusEnum, required: true, description: 'The status to move to.' }),
    reason: t.string({ required: false, description: 'Why; required when waiting on the customer or cancelling.' }),
    firstContactResolution: t.boolean({
      required: false,
      description: 'Required when resolving: was it resolved at the first point of contact?',
    }),
  }),
});

defineMutation('changeServiceRequestStatus', {
  description:
    'Moves a request along its lifecycle (new, in progress, waiting on customer, resolved, closed, cancelled); only allowed moves are accepted.',
  input: ChangeServiceRequestStatusInput,
  inputDescription: 'The move.',
  payload: ServiceRequestPayload,
  // Which moves a caller may make depends on its roles and on whose request it is: the service decides.
  callers: { authenticated: true },
  run: async (input, caller, tx) => ({
    request: await changeServiceRequestStatus(tx, caller, {
      requestId: input.requestId.id,
      to: input.status,
      reason: input.reason ?? null,
      firstContactResolution: input.firstContactResolution ?? null,
      now: new Date(),
    }),
    replayed: false,
  }),
});

const AssignServiceRequestInput = builder.inputType('AssignServiceRequestInput', {
  description: 'Who works a request.',
  fields: (t) => ({
    requestId: t.globalID({ for: ServiceRequestRef, required: true, description: 'The request.' }),
    agent: t.string({ required: false, description: 'The agent (their subject); omit to unassign.' }),
  }),
});

defineMutation('assignServiceRequest', {
  description: 'Service agents: gives a request to an agent.',
  input: AssignServiceRequestInput,
  inputDescription: 'The assignment.',
  payload: ServiceRequestPayload,
  callers: { roles: ['service_agent'], action: 'Assigning a request' },
  run: async (input, caller, tx) => ({
    request: await assignServiceRequest(tx, caller, { requestId: input.requestId.id, agent: input.agent ?? null }),
    replayed: false,
  }),
});

const RateServiceRequestInput = builder.inputType('RateServiceRequestInput', {
  description: 'The customer satisfaction with a resolved request.',
  fields: (t) => ({
    requestId: t.globalID({ for: ServiceRequestRef, required: true, description: 'The request.' }),
    score: t.int({
      required: true,
      description: '1 (very poor) to 5 (excellent); 4 and 5 count as good or excellent.',
    }),
  }),
});

defineMutation('rateServiceRequest', {
  description: 'Requesters: rate a resolved request, once.',
  input: RateServiceRequestInput,
  inputDescription: 'The rating.',
  payload: ServiceRequestPayload,
  callers: { roles: ['requester', 'tenant_admin'], action: 'Rating a request' },
  run: async (input, caller, tx) => ({
    request: await rateServiceRequest(tx, caller, { requestId: input.requestId.id, score: input.score }),
    replayed: false,
  }),
});

const CommentOnServiceRequestInput = builder.inputType('CommentOnServiceRequestInput', {
  description: 'A comment on a request.',
  fields: (t) => ({
    requestId: t.globalID({ for: ServiceRequestRef, required: true, description: 'The request.' }),
    body: t.string({ required: true, description: 'The comment (1-10,000 characters).' }),
  }),
});

const CommentPayload = builder.objectRef<{ comment: typeof CommentRef.$inferType }>('CommentPayload').implement({
  description: 'The comment added.',
  fields: (t) => ({
    comment: t.field({
      type: CommentRef,
      description: 'The comment.',
      extensions: compiledPayloadObject('comment'),
      resolve: (p) => p.comment,
    }),
  }),
});

defineMutation('commentOnServiceRequest', {
  description: 'Adds a comment to a request you may see.',
  input: CommentOnServiceRequestInput,
  inputDescription: 'The comment.',
  payload: CommentPayload,
  callers: { authenticated: true },
  run: async (input, caller, tx) => ({
    comment: await commentOnServiceRequest(tx, caller, { requestId: input.requestId.id, body: input.body }),
  }),
});
