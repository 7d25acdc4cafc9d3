import {
  ConflictError,
  checkIdempotencyKey,
  ForbiddenError,
  money,
  NotFoundError,
  requestActor,
  requestTransaction,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor, OrganisationRef, recordAuditEvents } from '@ssp/tenants';
import { findVisibleOrganisation, requireCustomer, requireServingPartner } from '../access/billing-access.ts';
import {
  decideSavingsOpportunity,
  lockSavingsOpportunity,
  type SavingsDecision,
} from './decide-savings-opportunity.ts';
import { proposeSavingsOpportunity, type SavingsOpportunityRow } from './propose-savings-opportunity.ts';
import {
  SavingsCategoryEnum,
  SavingsOpportunityRef,
  SavingsRecurrenceEnum,
  SavingsTargetEnum,
} from './savings-opportunity-type.ts';

const allErrors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

const SavingsOpportunityPayload = builder
  .objectRef<{ opportunity: SavingsOpportunityRow; replayed: boolean }>('SavingsOpportunityPayload')
  .implement({
    description: 'The opportunity after the change.',
    fields: (t) => ({
      savingsOpportunity: t.field({
        type: SavingsOpportunityRef,
        description: 'The opportunity.',
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

builder.mutationField('proposeSavingsOpportunity', (t) =>
  t.field({
    type: SavingsOpportunityPayload,
    description:
      'The partnership proposes a savings opportunity to a customer it serves (finance acting for the partnership, or a platform admin). Idempotent by key.',
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: ProposeSavingsOpportunityInput, required: true, description: 'The proposal.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      const organisationId = input.organisationId.id;
      requireServingPartner(actor, organisationId, 'Proposing a savings opportunity');
      const tx = requestTransaction(context);
      await findVisibleOrganisation(tx, organisationId);
      const result = await proposeSavingsOpportunity(tx, {
        organisationId,
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
        proposedByOrganisationId: actor.organisationId,
        proposedBy: actor.principal.subject,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
      });
      if (!result.replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId,
            action: 'savings_opportunity.proposed',
            targetType: 'savings_opportunity',
            targetId: result.opportunity.id,
            after: { title: result.opportunity.title, status: result.opportunity.status },
          },
        ]);
      }
      return result;
    },
  }),
);

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

/** Accepting and rejecting are the customer's; delivering is the partnership's. */
function requireDecider(
  actor: ReturnType<typeof requestActor>,
  opportunity: SavingsOpportunityRow,
  decision: SavingsDecision,
): void {
  if (decision === 'deliver') requireServingPartner(actor, opportunity.tenantId, 'Marking a saving delivered');
  else requireCustomer(actor, opportunity.tenantId, 'Accepting or rejecting a savings opportunity');
}

builder.mutationField('decideSavingsOpportunity', (t) =>
  t.field({
    type: SavingsOpportunityPayload,
    description:
      "Moves a savings opportunity on: the customer's finance people accept it or reject it with a reason; the partnership's mark an accepted one delivered. Recorded in the audit trail.",
    authScopes: { authenticated: true },
    errors: { types: allErrors, directResult: true },
    args: { input: t.arg({ type: DecideSavingsOpportunityInput, required: true, description: 'The decision.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      const tx = requestTransaction(context);
      const opportunity = await lockSavingsOpportunity(tx, input.opportunityId.id);
      const decision = input.decision as SavingsDecision;
      requireDecider(actor, opportunity, decision);
      const reason = input.reason?.trim() || null;
      if (reason !== null && reason.length > 2000) {
        throw new ValidationError('The reason is at most 2,000 characters', 'input.reason');
      }
      const updated = await decideSavingsOpportunity(tx, {
        opportunity,
        decision,
        reason,
        decidedBy: actor.principal.subject,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: opportunity.tenantId,
          action: `savings_opportunity.${updated.status}`,
          targetType: 'savings_opportunity',
          targetId: opportunity.id,
          before: { status: opportunity.status },
          after: { status: updated.status, reason },
        },
      ]);
      return { opportunity: updated, replayed: false };
    },
  }),
);
