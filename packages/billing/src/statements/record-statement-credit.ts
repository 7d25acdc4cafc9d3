import * as tables from '@ssp/billing-tables';
import { findReplay, insertOnce, idempotencyInputHash, type money, type PlatformTransaction, ValidationError } from '@ssp/core';

import type { StatementMonth } from './statement-month.ts';

export type StatementCreditRow = typeof tables.statementCredits.$inferSelect;

/**
 * Credits an organisation on a month's statement (append-only; a wrong credit is answered by a
 * negative one, never edited). Idempotent by key.
 */
export async function recordStatementCredit(
  tx: PlatformTransaction,
  input: {
    organisationId: string;
    month: StatementMonth;
    amount: money.Money;
    reason: string;
    recordedBy: string;
    idempotencyKey: string;
  },
): Promise<{ credit: StatementCreditRow; replayed: boolean }> {
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
    recordedBy: input.recordedBy,
  });
  return { credit: row, replayed };
}
