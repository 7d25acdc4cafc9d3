import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { SavingsOpportunityRef } from '../opportunities/savings-opportunity-type.ts';
import { LedgerEntryKindEnum, SavingsLedgerEntryRef } from './ledger-entry-type.ts';
import { type LedgerEntryRow, recordLedgerEntry } from './record-ledger-entry.ts';

const RecordSavingsLedgerEntryInput = builder.inputType('RecordSavingsLedgerEntryInput', {
  description:
    'One savings ledger entry. Estimates, actuals and restatements give opportunityId, fiscalYear and amount; a reversal gives reversesEntryId and reason only.',
  fields: (t) => ({
    kind: t.field({ type: LedgerEntryKindEnum, required: true, description: 'What the entry does.' }),
    opportunityId: t.globalID({
      for: SavingsOpportunityRef,
      required: false,
      description: 'The accepted or delivered opportunity (not for reversals).',
    }),
    fiscalYear: t.string({
      required: false,
      description: 'The fiscal year of the saving, e.g. "2017/18" (not for reversals).',
    }),
    amount: t.string({
      required: false,
      description:
        "The year's figure in pounds as a decimal string, zero or more, at most two places (not for reversals).",
    }),
    reversesEntryId: t.globalID({
      for: SavingsLedgerEntryRef,
      required: false,
      description: 'The entry to withdraw (reversals only).',
    }),
    reason: t.string({
      required: false,
      description: 'Why: required for restatements and reversals (1-2,000 characters).',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this entry (8-200 characters): sending it again returns the first entry.',
    }),
  }),
});

const RecordSavingsLedgerEntryPayload = builder
  .objectRef<{ entry: LedgerEntryRow; replayed: boolean }>('RecordSavingsLedgerEntryPayload')
  .implement({
    description: 'The entry recorded.',
    fields: (t) => ({
      savingsLedgerEntry: t.field({
        type: SavingsLedgerEntryRef,
        description: 'The entry.',
        extensions: compiledPayloadObject('entry'),
        resolve: (p) => p.entry,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already recorded it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

defineMutation('recordSavingsLedgerEntry', {
  description:
    'Appends an entry to the savings ledger (finance of the customer or of the partnership serving it). An estimate is pending until an actual settles the year; a settled year is corrected by a restatement; a reversal withdraws one entry. Nothing is ever changed or deleted. Idempotent by key.',
  input: RecordSavingsLedgerEntryInput,
  inputDescription: 'The entry.',
  payload: RecordSavingsLedgerEntryPayload,
  callers: { roles: ['finance'], action: 'Recording savings' },
  run: (input, caller, tx) =>
    recordLedgerEntry(tx, caller, {
      kind: input.kind,
      opportunityId: input.opportunityId?.id ?? null,
      fiscalYear: input.fiscalYear ?? null,
      amount: input.amount ?? null,
      reversesEntryId: input.reversesEntryId?.id ?? null,
      reason: input.reason ?? null,
      idempotencyKey: input.idempotencyKey,
    }),
});
