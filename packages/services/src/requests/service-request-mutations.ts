import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { findOrganisation, OrganisationRef } from '@ssp/tenants';
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
      serviceRequest: t.field({ type: ServiceRequestRef, description: 'The request.', resolve: (p) => p.request }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already made this change.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const allErrors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

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

builder.mutationField('raiseServiceRequest', (t) =>
  t.field({
    type: ServiceRequestPayload,
    description: 'Raises a request or incident against a subscribed offering. Idempotent by key.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: RaiseServiceRequestInput, required: true, description: 'The request.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['requester', 'tenant_admin', 'service_agent'], 'Raising a request');
      const tx = requestTransaction(context);
      const organisationId = input.organisationId?.id ?? actor.organisationId;
      const organisation = await findOrganisation(tx, organisationId);
      if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
      return raiseServiceRequest(tx, {
        organisationId,
        offeringId: input.offeringId.id,
        title: input.title,
        description: input.description,
        priority: input.priority ?? null,
        idempotencyKey: input.idempotencyKey,
        raisedBy: actor.principal.subject,
        now: new Date(),
      });
    },
  }),
);

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

builder.mutationField('changeServiceRequestStatus', (t) =>
  t.field({
    type: ServiceRequestPayload,
    description:
      'Moves a request along its lifecycle (new, in progress, waiting on customer, resolved, closed, cancelled); only allowed moves are accepted.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: ChangeServiceRequestStatusInput, required: true, description: 'The move.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      const request = await changeServiceRequestStatus(requestTransaction(context), {
        requestId: input.requestId.id,
        to: input.status,
        reason: input.reason ?? null,
        firstContactResolution: input.firstContactResolution ?? null,
        changedBy: actor.principal.subject,
        roles: actor.platformScope ? ['platform_admin'] : actor.roles,
        actorOrganisationId: actor.platformScope ? null : actor.organisationId,
        now: new Date(),
      });
      return { request, replayed: false };
    },
  }),
);

const AssignServiceRequestInput = builder.inputType('AssignServiceRequestInput', {
  description: 'Who works a request.',
  fields: (t) => ({
    requestId: t.globalID({ for: ServiceRequestRef, required: true, description: 'The request.' }),
    agent: t.string({ required: false, description: 'The agent (their subject); omit to unassign.' }),
  }),
});

builder.mutationField('assignServiceRequest', (t) =>
  t.field({
    type: ServiceRequestPayload,
    description: 'Service agents: gives a request to an agent.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: AssignServiceRequestInput, required: true, description: 'The assignment.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['service_agent'], 'Assigning a request');
      const request = await assignServiceRequest(requestTransaction(context), {
        requestId: input.requestId.id,
        agent: input.agent ?? null,
      });
      return { request, replayed: false };
    },
  }),
);

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

builder.mutationField('rateServiceRequest', (t) =>
  t.field({
    type: ServiceRequestPayload,
    description: 'Requesters: rate a resolved request, once.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: RateServiceRequestInput, required: true, description: 'The rating.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['requester', 'tenant_admin'], 'Rating a request');
      const request = await rateServiceRequest(requestTransaction(context), {
        requestId: input.requestId.id,
        score: input.score,
        raterOrganisationId: actor.platformScope ? null : actor.organisationId,
      });
      return { request, replayed: false };
    },
  }),
);

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
    comment: t.field({ type: CommentRef, description: 'The comment.', resolve: (p) => p.comment }),
  }),
});

builder.mutationField('commentOnServiceRequest', (t) =>
  t.field({
    type: CommentPayload,
    description: 'Adds a comment to a request you may see.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: CommentOnServiceRequestInput, required: true, description: 'The comment.' }) },
    resolve: async (_root, { input }, context) => ({
      comment: await commentOnServiceRequest(requestTransaction(context), {
        requestId: input.requestId.id,
        body: input.body,
        author: requestActor(context).principal.subject,
      }),
    }),
  }),
);
