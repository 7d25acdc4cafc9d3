import {
  ConflictError,
  checkIdempotencyKey,
  ForbiddenError,
  money,
  NotFoundError,
  parseFiscalYear,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { requiredText } from '../access/billing-access.ts';
import { SavingsOpportunityRef } from '../opportunities/savings-opportunity-type.ts';
import { LedgerEntryKindEnum, SavingsLedgerEntryRef } from './ledger-entry-type.ts';
import { type LedgerEntryRow, type RecordLedgerEntryInput, recordLedgerEntry } from './record-ledger-entry.ts';

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
      savingsLedgerEntry: t.field({ type: SavingsLedgerEntryRef, description: 'The entry.', resolve: (p) => p.entry }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already recorded it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

builder.mutationField('recordSavingsLedgerEntry', (t) =>
  t.field({
    type: RecordSavingsLedgerEntryPayload,
    description:
      'Appends an entry to the savings ledger (finance of the customer or of the partnership serving it). An estimate is pending until an actual settles the year; a settled year is corrected by a restatement; a reversal withdraws one entry. Nothing is ever changed or deleted. Idempotent by key.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError, ConflictError], directResult: true },
    args: { input: t.arg({ type: RecordSavingsLedgerEntryInput, required: true, description: 'The entry.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['finance'], 'Recording savings');
      const tx = requestTransaction(context);
      const common = {
        recordedBy: actor.principal.subject,
        recordedByOrganisationId: actor.platformScope ? null : actor.organisationId,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
      };
      let entryInput: RecordLedgerEntryInput;
      if (input.kind === 'reversal') {
        for (const field of ['opportunityId', 'fiscalYear', 'amount'] as const) {
          if (input[field] !== null && input[field] !== undefined) {
            throw new ValidationError('A reversal takes only the entry it withdraws and a reason', `input.${field}`);
          }
        }
        if (!input.reversesEntryId) throw new ValidationError('Give the entry to reverse', 'input.reversesEntryId');
        entryInput = {
          ...common,
          kind: 'reversal',
          reversesEntryId: input.reversesEntryId.id,
          reason: requiredText(input.reason, 'input.reason', 'a reason for the reversal'),
        };
      } else {
        if (input.reversesEntryId) throw new ValidationError('Only a reversal names an entry', 'input.reversesEntryId');
        if (!input.opportunityId) throw new ValidationError('Give the savings opportunity', 'input.opportunityId');
        if (!input.fiscalYear) throw new ValidationError('Give the fiscal year', 'input.fiscalYear');
        if (!input.amount) throw new ValidationError('Give the amount', 'input.amount');
        entryInput = {
          ...common,
          kind: input.kind,
          opportunityId: input.opportunityId.id,
          fiscalYear: parseFiscalYear(input.fiscalYear, { field: 'input.fiscalYear' }),
          amount: money.parseMoney(input.amount, { field: 'input.amount' }),
          reason:
            input.kind === 'restatement'
              ? requiredText(input.reason, 'input.reason', 'a reason for the restatement')
              : input.reason?.trim() || null,
        };
      }
      const result = await recordLedgerEntry(tx, entryInput);
      if (!result.replayed) {
        const { entry } = result;
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: entry.tenantId,
            action: `savings_ledger.${entry.kind}_recorded`,
            targetType: 'savings_ledger_entry',
            targetId: entry.id,
            after: {
              opportunityId: entry.opportunityId,
              fiscalYear: entry.fiscalYear,
              amountPence: entry.amountPence.toString(),
              basis: entry.basis,
              reason: entry.reason,
            },
          },
        ]);
      }
      return result;
    },
  }),
);
