import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { SavingsOpportunityRef } from '../opportunities/savings-opportunity-type.ts';
import {
  BusinessCaseLineKindEnum,
  BusinessCaseLineRef,
  BusinessCaseMeasureEnum,
  BusinessCaseRecurrenceEnum,
  BusinessCaseRef,
  StatedFigureComparatorEnum,
} from './business-case-type.ts';
import { type BusinessCaseRow, createBusinessCase } from './create-business-case.ts';
import { type BusinessCaseLineRow, linkLineToOpportunity } from './link-line-to-opportunity.ts';

const BusinessCasePayload = builder
  .objectRef<{ businessCase: BusinessCaseRow; replayed: boolean }>('BusinessCasePayload')
  .implement({
    description: 'The business case recorded.',
    fields: (t) => ({
      businessCase: t.field({
        type: BusinessCaseRef,
        description: 'The case.',
        extensions: compiledPayloadObject('businessCase'),
        resolve: (p) => p.businessCase,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already recorded it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const WorkstreamInput = builder.inputType('BusinessCaseWorkstreamInput', {
  description: 'A workstream of a new business case.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description: 'Your key for it in this input, which lines name (1-100 characters).',
    }),
    name: t.string({ required: true, description: 'Its name (1-200 characters).' }),
    savingsLow: t.string({
      required: false,
      description: 'The low end of its savings range, a decimal string of pounds (at most two decimals, not negative).',
    }),
    savingsHigh: t.string({
      required: false,
      description: 'The high end of its savings range (not below the low end).',
    }),
  }),
});

const ProfileAmountInput = builder.inputType('BusinessCaseProfileAmountInput', {
  description: 'A line’s amount in one year of its profile.',
  fields: (t) => ({
    year: t.int({ required: true, description: 'Year 1, 2, 3... (1-50).' }),
    amount: t.string({
      required: true,
      description:
        'The amount, a decimal string of pounds (at most two decimals, not negative): for a recurring line the increase in its annual amount from this year on, for a one-off line the amount in this year.',
    }),
  }),
});

const LineInput = builder.inputType('BusinessCaseLineInput', {
  description: 'A saving or investment line: give either a year profile or a total over the term.',
  fields: (t) => ({
    key: t.string({ required: false, description: 'Your key for it in this input, which stated figures name.' }),
    workstreamKey: t.string({ required: false, description: 'The key of its workstream; omit for a case-wide line.' }),
    name: t.string({ required: true, description: 'What it is (1-300 characters).' }),
    kind: t.field({ type: BusinessCaseLineKindEnum, required: true, description: 'Saving or investment.' }),
    recurrence: t.field({ type: BusinessCaseRecurrenceEnum, required: true, description: 'Recurring or one-off.' }),
    cashable: t.boolean({ required: true, description: 'Whether it is cash; investments always are.' }),
    profile: t.field({
      type: [ProfileAmountInput],
      required: false,
      description: 'Its year profile, each year at most once.',
    }),
    termAmount: t.string({
      required: false,
      description:
        'Its amount over the whole term when there is no profile (a decimal string of pounds, not negative).',
    }),
    note: t.string({ required: false, description: 'Where its figures come from (up to 2,000 characters).' }),
  }),
});

const StatedFigureInput = builder.inputType('BusinessCaseStatedFigureInput', {
  description: 'A figure the source document states, kept verbatim to be shown beside the exact computed figure.',
  fields: (t) => ({
    label: t.string({ required: true, description: 'What the figure is (1-300 characters).' }),
    measure: t.field({
      type: BusinessCaseMeasureEnum,
      required: true,
      description: 'Which computed figure it states.',
    }),
    year: t.int({ required: false, description: 'For a lines total: the profile year it states.' }),
    amount: t.string({
      required: false,
      description: 'The stated amount, a decimal string of pounds (required for every measure but payback).',
    }),
    months: t.int({ required: false, description: 'For a payback period: the months stated (0-1200).' }),
    comparator: t.field({
      type: StatedFigureComparatorEnum,
      required: false,
      description: 'How the figure bounds the truth (default exactly).',
    }),
    quote: t.string({ required: true, description: 'The document’s words, verbatim (1-2,000 characters).' }),
    lineKeys: t.stringList({ required: false, description: 'For a lines total: the keys of the lines it adds up.' }),
  }),
});

const CreateBusinessCaseInput = builder.inputType('CreateBusinessCaseInput', {
  description: 'A new business case with its workstreams, lines and stated figures, recorded all or nothing.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Whose case it is; defaults to the organisation you act for (or one delegated to it).',
    }),
    title: t.string({ required: true, description: 'Its title (1-300 characters).' }),
    summary: t.string({ required: false, description: 'What it proposes (up to 10,000 characters).' }),
    source: t.string({ required: false, description: 'Where it comes from (a document), if anywhere.' }),
    firstFiscalYear: t.string({ required: false, description: 'The fiscal year of Year 1, written "2023/24".' }),
    termYears: t.int({
      required: true,
      description: 'The years it runs over (1-50): the N of its return over the term.',
    }),
    workstreams: t.field({ type: [WorkstreamInput], required: true, description: 'Its workstreams (may be empty).' }),
    lines: t.field({ type: [LineInput], required: true, description: 'Its lines (at least one).' }),
    statedFigures: t.field({
      type: [StatedFigureInput],
      required: false,
      description: 'The figures its source states, to be compared with the computed ones.',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this case (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

defineMutation('createBusinessCase', {
  description:
    'Finance: records a business case for the organisation you act for (or one delegated to it). Amounts are decimal strings; every total is computed from the lines. Idempotent by key.',
  input: CreateBusinessCaseInput,
  inputDescription: 'The case.',
  payload: BusinessCasePayload,
  callers: { roles: ['finance'], action: 'Recording a business case' },
  run: (input, caller, tx) =>
    createBusinessCase(tx, caller, {
      organisationId: input.organisationId?.id ?? caller.actor.organisationId,
      title: input.title,
      summary: input.summary,
      source: input.source,
      firstFiscalYear: input.firstFiscalYear,
      termYears: input.termYears,
      workstreams: input.workstreams,
      lines: input.lines,
      statedFigures: input.statedFigures,
      idempotencyKey: input.idempotencyKey,
    }),
});

const LinkPayload = builder
  .objectRef<{ line: BusinessCaseLineRow; replayed: boolean }>('BusinessCaseLinePayload')
  .implement({
    description: 'The business-case line after the link.',
    fields: (t) => ({
      line: t.field({
        type: BusinessCaseLineRef,
        description: 'The line.',
        extensions: compiledPayloadObject('line'),
        resolve: (p) => p.line,
      }),
      replayed: t.boolean({
        description: 'True when the line was already linked to the opportunity.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

const LinkInput = builder.inputType('LinkBusinessCaseLineToSavingsOpportunityInput', {
  description: 'A saving line and a savings opportunity of the same organisation that delivers it.',
  fields: (t) => ({
    lineId: t.globalID({ for: BusinessCaseLineRef, required: true, description: 'The saving line.' }),
    savingsOpportunityId: t.globalID({
      for: SavingsOpportunityRef,
      required: true,
      description: 'The savings opportunity that delivers it.',
    }),
  }),
});

defineMutation('linkBusinessCaseLineToSavingsOpportunity', {
  description:
    'Finance: links a saving line of a business case to a savings opportunity that delivers it, so benefitsRealisation sets the ledger’s figures against the line’s plan. Linking again changes nothing.',
  input: LinkInput,
  inputDescription: 'The link.',
  payload: LinkPayload,
  callers: { roles: ['finance'], action: 'Linking a business case to savings' },
  run: (input, caller, tx) =>
    linkLineToOpportunity(tx, caller, { lineId: input.lineId.id, opportunityId: input.savingsOpportunityId.id }),
});
