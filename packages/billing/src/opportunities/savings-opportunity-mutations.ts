import { checkIdempotencyKey, compiledPayloadObject, money } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { decideSavingsOpportunity, type SavingsDecision } from './decide-savings-opportunity.ts';
import { proposeSavingsOpportunity, type SavingsOpportunityRow } from './propose-savings-opportunity.ts';
import {
  SavingsCategoryEnum,
  SavingsOpportunityRef,
  SavingsRecurrenceEnum,
  SavingsTargetEnum,
} from './savings-opportunity-type.ts';

const SavingsOpportunityPayload = builder
  .objectRef<{ opportunity: SavingsOpportunityRow; replayed: boolean }>('SavingsOpportunityPayload')
  .implement({
    description: 'The opportunity after the change.',
    fields: (t) => ({
      savingsOpportunity: t.field({
        type: SavingsOpportunityRef,
        description: 'The opportunity.',
        extensions: compiledPayloadObject('opportunity'),
        resolve: (p) => p.opportunity,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already made it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const ProposeSavingsOpportunityInput = builder.inputType('ProposeSavingsOpportunityInput', {
  description: 'A savings opportunity for a customer.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The customer it would save for.',
    }),
    title: t.string({ required: true, description: 'What it is, in a line (1-300 characters).' }),
    description: t.string({ required: false, description: 'The detail and notes (up to 10,000 characters).' }),
    category: t.field({ type: SavingsCategoryEnum, required: true, description: 'What kind of saving.' }),
    cashable: t.boolean({ required: true, description: 'Whether it releases cash.' }),
    recurrence: t.field({ type: SavingsRecurrenceEnum, required: true, description: 'Recurring or one-off.' }),
    countsAgainst: t.field({ type: SavingsTargetEnum, required: true, description: 'What it counts against.' }),
    budgetName: t.string({
      required: false,
      description: "The customer's budget, required when it counts against another budget (and only then).",
    }),
    estimatedAnnualSaving: t.string({
      required: false,
      description: 'What it is expected to save a year, in pounds as a decimal string (zero or more).',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this proposal (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

defineMutation('proposeSavingsOpportunity', {
  description:
    'The partnership proposes a savings opportunity to a customer it serves (finance acting for the partnership, or a platform admin). Idempotent by key.',
  input: ProposeSavingsOpportunityInput,
  inputDescription: 'The proposal.',
  payload: SavingsOpportunityPayload,
  callers: { roles: ['finance'], action: 'Proposing a savings opportunity' },
  run: (input, caller, tx) =>
    proposeSavingsOpportunity(tx, caller, {
      organisationId: input.organisationId.id,
      title: input.title,
      description: input.description ?? '',
      category: input.category,
      cashable: input.cashable,
      recurrence: input.recurrence,
      countsAgainst: input.countsAgainst,
      budgetName: input.budgetName ?? null,
      estimatedAnnual:
        input.estimatedAnnualSaving === null || input.estimatedAnnualSaving === undefined
          ? null
          : money.parseMoney(input.estimatedAnnualSaving, { field: 'input.estimatedAnnualSaving' }),
      idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
    }),
});

const SavingsDecisionEnum = builder.enumType('SavingsOpportunityDecision', {
  description: 'A decision on a savings opportunity.',
  values: {
    ACCEPT: { value: 'accept', description: 'The customer accepts a proposed opportunity.' },
    REJECT: { value: 'reject', description: 'The customer rejects a proposed opportunity (a reason is required).' },
    DELIVER: { value: 'deliver', description: 'The partnership marks an accepted opportunity delivered.' },
  } as const,
});

const DecideSavingsOpportunityInput = builder.inputType('DecideSavingsOpportunityInput', {
  description: 'A decision on a savings opportunity.',
  fields: (t) => ({
    opportunityId: t.globalID({ for: SavingsOpportunityRef, required: true, description: 'The opportunity.' }),
    decision: t.field({ type: SavingsDecisionEnum, required: true, description: 'Accept, reject or deliver.' }),
    reason: t.string({ required: false, description: 'Why: required to reject (1-2,000 characters).' }),
  }),
});

defineMutation('decideSavingsOpportunity', {
  description:
    "Moves a savings opportunity on: the customer's finance people accept it or reject it with a reason; the partnership's mark an accepted one delivered. Recorded in the audit trail.",
  input: DecideSavingsOpportunityInput,
  inputDescription: 'The decision.',
  payload: SavingsOpportunityPayload,
  // Whose decision it is depends on whose opportunity it is: the service asks, after finding it.
  callers: { authenticated: true },
  run: async (input, caller, tx) => ({
    opportunity: await decideSavingsOpportunity(tx, caller, {
      opportunityId: input.opportunityId.id,
      decision: input.decision as SavingsDecision,
      reason: input.reason ?? null,
    }),
    replayed: false,
  }),
});
