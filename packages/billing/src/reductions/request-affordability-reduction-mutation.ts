import { checkIdempotencyKey, compiledPayloadObject, money, parseFiscalYear } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { requiredText } from '../access/billing-access.ts';
import { ReductionRequestRef } from './reduction-request-type.ts';
import { type ReductionRequestRow, requestAffordabilityReduction } from './request-affordability-reduction.ts';

const RequestAffordabilityReductionInput = builder.inputType('RequestAffordabilityReductionInput', {
  description: 'A reduction of the annual affordability charge from a fiscal year on.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'The organisation asking; defaults to the one you act for (only it may ask).',
    }),
    amount: t.string({
      required: true,
      description: 'The reduction a year, in pounds as a decimal string (more than zero, at most two places).',
    }),
    fromFiscalYear: t.string({ required: true, description: 'The first fiscal year it applies to, e.g. "2017/18".' }),
    reason: t.string({ required: true, description: 'Why (1-2,000 characters).' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this request (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

const RequestAffordabilityReductionPayload = builder
  .objectRef<{ reduction: ReductionRequestRow; replayed: boolean }>('RequestAffordabilityReductionPayload')
  .implement({
    description: 'The reduction requested.',
    fields: (t) => ({
      reductionRequest: t.field({
        type: ReductionRequestRef,
        description: 'The request.',
        extensions: compiledPayloadObject('reduction'),
        resolve: (p) => p.reduction,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already made it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

defineMutation('requestAffordabilityReduction', {
  description:
    "Asks for the organisation's annual affordability charge to fall by an amount from a fiscal year on. The organisation's own finance people only; refused if it would take a charge already set below zero. Idempotent by key.",
  input: RequestAffordabilityReductionInput,
  inputDescription: 'The reduction.',
  payload: RequestAffordabilityReductionPayload,
  callers: { roles: ['finance'], action: 'Requesting an affordability reduction' },
  run: (input, caller, tx) =>
    requestAffordabilityReduction(tx, caller, {
      organisationId: input.organisationId?.id ?? caller.actor.organisationId,
      amount: money.parseMoney(input.amount, { field: 'input.amount' }),
      fromFiscalYear: parseFiscalYear(input.fromFiscalYear, { field: 'input.fromFiscalYear' }),
      reason: requiredText(input.reason, 'input.reason', 'a reason'),
      idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
    }),
});
