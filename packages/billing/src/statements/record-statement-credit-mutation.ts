import { checkIdempotencyKey, compiledPayloadObject, money } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { requiredText } from '../access/billing-access.ts';
import type { CreditRow } from './monthly-statement.ts';
import { StatementCreditRef } from './monthly-statement-type.ts';
import { recordStatementCredit } from './record-statement-credit.ts';
import { parseStatementMonth } from './statement-month.ts';

const RecordStatementCreditInput = builder.inputType('RecordStatementCreditInput', {
  description: 'A credit on a monthly statement.',
  fields: (t) => ({
    organisationId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation credited.' }),
    month: t.string({ required: true, description: 'The statement month, YYYY-MM.' }),
    amount: t.string({
      required: true,
      description: 'The credit in pounds as a decimal string (not zero; negative corrects an earlier credit).',
    }),
    reason: t.string({ required: true, description: 'Why (1-2,000 characters).' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this credit (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

const RecordStatementCreditPayload = builder
  .objectRef<{ credit: CreditRow; replayed: boolean }>('RecordStatementCreditPayload')
  .implement({
    description: 'The credit recorded.',
    fields: (t) => ({
      credit: t.field({
        type: StatementCreditRef,
        description: 'The credit.',
        extensions: compiledPayloadObject('credit'),
        resolve: (p) => p.credit,
      }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already recorded it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

defineMutation('recordStatementCredit', {
  description:
    'Credits an organisation on a monthly statement (finance of the partnership serving it, or a platform admin). Append-only; idempotent by key.',
  input: RecordStatementCreditInput,
  inputDescription: 'The credit.',
  payload: RecordStatementCreditPayload,
  callers: { roles: ['finance'], action: 'Crediting a statement' },
  run: (input, caller, tx) =>
    recordStatementCredit(tx, caller, {
      organisationId: input.organisationId.id,
      month: parseStatementMonth(input.month, 'input.month'),
      amount: money.parseMoney(input.amount, { field: 'input.amount', allowNegative: true }),
      reason: requiredText(input.reason, 'input.reason', 'a reason'),
      idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
    }),
});
