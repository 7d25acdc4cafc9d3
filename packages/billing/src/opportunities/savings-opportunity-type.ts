import type * as tables from '@ssp/billing-tables';
import {
  computedFromRowExtension,
  describedEnumValues,
  listableBy,
  money,
  pageSizeOptions,
  readableBy,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { BILLING_READ_RULES } from '../access/read-rules.ts';

export const SavingsCategoryEnum = builder.enumType('SavingsCategory', {
  description: 'What kind of saving an opportunity is.',
  values: describedEnumValues<(typeof tables.savingsCategory.enumValues)[number]>({
    return_of_affordability: 'Affordability handed back to the customer (e.g. Return of Schedule 11 affordability).',
    licence_reduction: 'Fewer or cheaper software licences.',
    site_reduction: 'Fewer sites (rollouts that let sites close).',
    printing: 'Printing and print contracts.',
    telephony: 'Fixed and mobile telephony.',
    staffing: 'Staff savings from a reorganisation.',
    policy_change: 'A change of policy (e.g. no DBS rechecks every 3 years).',
    supplier_change: 'Moving a service to another supplier.',
    other: 'Anything else.',
  }),
});

export const SavingsRecurrenceEnum = builder.enumType('SavingsRecurrence', {
  description: 'Whether a saving repeats.',
  values: describedEnumValues<(typeof tables.savingsRecurrence.enumValues)[number]>({
    recurring: 'Saves every year.',
    one_off: 'Saves once.',
  }),
});

export const SavingsTargetEnum = builder.enumType('SavingsTarget', {
  description: 'What a saving counts against.',
  values: describedEnumValues<(typeof tables.savingsTarget.enumValues)[number]>({
    affordability_charge: 'The affordability charge: it covers a reduction.',
    other_budget: "Another budget of the customer's (named): shown apart, it covers no reduction.",
  }),
});

export const SavingsOpportunityStatusEnum = builder.enumType('SavingsOpportunityStatus', {
  description: 'Where a savings opportunity is.',
  values: describedEnumValues<(typeof tables.savingsOpportunityStatus.enumValues)[number]>({
    proposed: 'Proposed by the partnership, awaiting the customer.',
    accepted: 'Accepted by the customer; savings may be recorded.',
    rejected: 'Rejected by the customer, with a reason.',
    delivered: 'Delivered by the partnership.',
  }),
});

export const SavingsOpportunityRef = builder.drizzleNode('savingsOpportunities', {
  name: 'SavingsOpportunity',
  ...readableBy(BILLING_READ_RULES.SavingsOpportunity),
  description:
    'A way the partnership proposes to take cost out so a reduction stays cost-neutral; the customer accepts or rejects it, and the savings ledger records what it saved each year.',
  id: { column: (opportunity) => opportunity.id, description: 'Opaque global id.' },
  fields: (t) => ({
    organisation: t.relation('organisation', { description: 'The customer it saves for.' }),
    title: t.exposeString('title', { description: 'What it is, in a line.' }),
    description: t.exposeString('description', {
      description: 'The detail and any notes (gross or net, how it may vary).',
    }),
    category: t.expose('category', { type: SavingsCategoryEnum, description: 'What kind of saving.' }),
    cashable: t.exposeBoolean('cashable', { description: 'Whether it releases cash (or only capacity).' }),
    recurrence: t.expose('recurrence', { type: SavingsRecurrenceEnum, description: 'Recurring or one-off.' }),
    countsAgainst: t.expose('countsAgainst', { type: SavingsTargetEnum, description: 'What it counts against.' }),
    budgetName: t.exposeString('budgetName', {
      nullable: true,
      description: "The customer's budget it counts against, when not the affordability charge.",
    }),
    estimatedAnnualSaving: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'What the partnership expected it to save a year when proposing it.',
      select: { columns: { estimatedAnnualPence: true } },
      extensions: computedFromRowExtension,
      resolve: (opportunity) =>
        opportunity.estimatedAnnualPence === null ? null : money.fromPence(opportunity.estimatedAnnualPence),
    }),
    status: t.expose('status', { type: SavingsOpportunityStatusEnum, description: 'Where it is.' }),
    proposedBy: t.exposeString('proposedBy', { description: 'Who proposed it.' }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime', description: 'When.' }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Who accepted or rejected it.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When.' }),
    decisionReason: t.exposeString('decisionReason', {
      nullable: true,
      description: 'Why it was rejected (always given), or a note on accepting it.',
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When it was delivered.' }),
    ledgerEntries: t.relatedConnection(
      'ledgerEntries',
      {
        description: 'Its savings ledger entries, in the order they were recorded.',
        query: { orderBy: { recordedAt: 'asc', id: 'asc' } },
        ...pageSizeOptions,
      },
      { name: 'SavingsLedgerEntryConnection', description: 'A page of savings ledger entries.' },
      { name: 'SavingsLedgerEntryEdge' },
    ),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'savingsOpportunities', (t) =>
  t.relatedConnection(
    'savingsOpportunities',
    {
      description: 'The savings opportunities proposed for this organisation, oldest first. Finance and tenant admins.',
      ...listableBy(BILLING_READ_RULES.SavingsOpportunity),
      args: {
        status: t.arg({
          type: SavingsOpportunityStatusEnum,
          required: false,
          description: 'Only opportunities in this status.',
        }),
      },
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: { proposedAt: 'asc', id: 'asc' },
      }),
      ...pageSizeOptions,
    },
    { name: 'SavingsOpportunityConnection', description: 'A page of savings opportunities.' },
    { name: 'SavingsOpportunityEdge' },
  ),
);
