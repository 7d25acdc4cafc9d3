import * as tables from '@ssp/billing-tables';
import {
  findReplay,
  idempotencyInputHash,
  insertOnce,
  type MutationCaller,
  type money,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { findVisibleOrganisation, requireServingPartner } from '../access/billing-access.ts';
import type { StatementMonth } from './statement-month.ts';

export type StatementCreditRow = typeof tables.statementCredits.$inferSelect;

/**
 * Credits an organisation on a month's statement (append-only; a wrong credit is answered by a
 * negative one, never edited), by the partnership serving it or a platform admin. Idempotent by
 * key: a retry returns the first credit and records nothing more.
 */
export async function recordStatementCredit(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    organisationId: string;
    month: StatementMonth;
    amount: money.Money;
    reason: string;
    idempotencyKey: string;
  },
): Promise<{ credit: StatementCreditRow; replayed: boolean }> {
  requireServingPartner(caller.actor, input.organisationId, 'Crediting a statement');
  await findVisibleOrganisation(tx, input.organisationId);
  if (input.amount.pence === 0n) throw new ValidationError('A credit is not zero', 'input.amount');
  const inputHash = idempotencyInputHash([
    input.organisationId,
    input.month.firstDay,
    input.amount.pence,
    input.reason,
  ]);
  const key = { tenantId: input.organisationId, idempotencyKey: input.idempotencyKey, inputHash };
  const replay = await findReplay(tx, tables.statementCredits, key);
  if (replay) return { credit: replay, replayed: true };
  const { row, replayed } = await insertOnce(tx, tables.statementCredits, {
    ...key,
    statementMonth: input.month.firstDay,
    amountPence: input.amount.pence,
    reason: input.reason,
    recordedBy: caller.actor.principal.subject,
  });
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: input.organisationId,
        action: 'statement_credit.recorded',
        targetType: 'statement_credit',
        targetId: row.id,
        after: { month: row.statementMonth, amountPence: row.amountPence.toString() },
      },
    ]);
  }
  return { credit: row, replayed };
}
