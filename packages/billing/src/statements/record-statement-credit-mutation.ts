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
import { builder, MoneyRef } from '@ssp/schema';
import { auditActor, OrganisationRef, recordAuditEvents } from '@ssp/tenants';
import {
  findVisibleOrganisation,
  requireBillingReader,
  requiredText,
  requireServingPartner,
} from '../access/billing-access.ts';
import { PaymentProfileEnum } from '../charges/affordability-charge-type.ts';
import {
  type CreditRow,
  type InstalmentLine,
  type MonthlyStatement,
  monthlyStatement,
  type UsageLine,
} from './monthly-statement.ts';
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
      credit: t.field({ type: StatementCreditRef, description: 'The credit.', resolve: (p) => p.credit }),
      replayed: t.boolean({
        description: 'True when an earlier call with the same idempotency key already recorded it.',
        resolve: (p) => p.replayed,
      }),
    }),
  });

builder.mutationField('recordStatementCredit', (t) =>
  t.field({
    type: RecordStatementCreditPayload,
    description:
      'Credits an organisation on a monthly statement (finance of the partnership serving it, or a platform admin). Append-only; idempotent by key.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError, ConflictError], directResult: true },
    args: { input: t.arg({ type: RecordStatementCreditInput, required: true, description: 'The credit.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      const organisationId = input.organisationId.id;
      requireServingPartner(actor, organisationId, 'Crediting a statement');
      const tx = requestTransaction(context);
      await findVisibleOrganisation(tx, organisationId);
      const result = await recordStatementCredit(tx, {
        organisationId,
        month: parseStatementMonth(input.month, 'input.month'),
        amount: money.parseMoney(input.amount, { field: 'input.amount', allowNegative: true }),
        reason: requiredText(input.reason, 'input.reason', 'a reason'),
        recordedBy: actor.principal.subject,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
      });
      if (!result.replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId,
            action: 'statement_credit.recorded',
            targetType: 'statement_credit',
            targetId: result.credit.id,
            after: { month: result.credit.statementMonth, amountPence: result.credit.amountPence.toString() },
          },
        ]);
      }
      return result;
    },
  }),
);
