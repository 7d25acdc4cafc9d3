import { and, eq, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PlatformTransaction } from '../db/platform-database.ts';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ConflictError } from '../errors/domain-error.ts';

// The one idempotency helper: every creating mutation stores its key and the hash of its input
// (idempotency-key.ts) on the row it creates, under a unique constraint that starts with the
// tenant. A retry with the same key and input gets the first row back (`replayed: true`); the
// same key with other input is IDEMPOTENCY_KEY_REUSED.

/** A tenant table whose rows are created once per idempotency key. */
export type IdempotentTable = PgTable & { tenantId: PgColumn; idempotencyKey: PgColumn; inputHash: PgColumn };

/** The key of one creating call: the tenant, the client's key and the hash of what it sent. */
export interface IdempotencyKeyOf {
  tenantId: string;
  idempotencyKey: string;
  inputHash: string;
}

export interface IdempotencyScope<Table extends IdempotentTable> {
  /**
   * Columns besides the tenant that the table's unique key holds, with their values: a key is
   * the client's within its own organisation (`lendingMemberId` of a loan, say), so two members
   * of one partnership may use the same key.
   */
  within?: ReadonlyArray<[column: keyof Table['_']['columns'] & keyof Table, value: unknown]>;
}

function keyCondition<Table extends IdempotentTable>(
  table: Table,
  key: IdempotencyKeyOf,
  scope: IdempotencyScope<Table>,
): SQL | undefined {
  return and(
    eq(table.tenantId, key.tenantId),
    ...(scope.within ?? []).map(([column, value]) => eq(table[column] as PgColumn, value)),
    eq(table.idempotencyKey, key.idempotencyKey),
  );
}

/**
 * The row an earlier call with this key made, checked against this call's input: a retry is
 * answered before validation runs again (the first call's own effect must not refuse its retry).
 */
export async function findReplay<Table extends IdempotentTable>(
  tx: PlatformTransaction,
  table: Table,
  key: IdempotencyKeyOf,
  scope: IdempotencyScope<Table> = {},
): Promise<InferSelectModel<Table> | null> {
  const [existing] = (await tx
    .select()
    .from(table as PgTable)
    .where(keyCondition(table, key, scope))) as (InferSelectModel<Table> & { inputHash: string })[];
  if (!existing) return null;
  if (existing.inputHash !== key.inputHash) {
    throw new ConflictError(
      'This idempotency key was already used with a different input',
      CORE_ERRORS.IDEMPOTENCY_KEY_REUSED,
    );
  }
  return existing;
}

/**
 * Inserts a row once per (tenant, scope, idempotency key). Concurrent calls with one key meet on
 * the table's unique constraint: one insert wins, the others wait for it and read its row. The
 * same key with a different input hash is a ConflictError.
 */
export async function insertOnce<Table extends IdempotentTable>(
  tx: PlatformTransaction,
  table: Table,
  row: InferInsertModel<Table> & IdempotencyKeyOf,
  scope: IdempotencyScope<Table> = {},
): Promise<{ row: InferSelectModel<Table>; replayed: boolean }> {
  // The generic table type loses drizzle's column inference, so the builders are typed loosely
  // here and the result is typed by the caller's table.
  const target = [table.tenantId, ...(scope.within ?? []).map(([column]) => table[column] as PgColumn)];
  const inserted = (await tx
    .insert(table)
    .values(row as never)
    .onConflictDoNothing({ target: [...target, table.idempotencyKey] })
    .returning()) as InferSelectModel<Table>[];
  if (inserted[0]) return { row: inserted[0], replayed: false };

  const existing = await findReplay(tx, table, row, scope);
  if (!existing) throw new Error('An idempotency key conflicted but its row is not visible');
  return { row: existing, replayed: true };
}
