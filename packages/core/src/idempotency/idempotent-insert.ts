import { CORE_ERRORS, ConflictError, type PlatformTransaction } from '@ssp/core';
import { and, eq, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A tenant table whose rows are created once per idempotency key. */
type IdempotentTable = PgTable & { tenantId: PgColumn; idempotencyKey: PgColumn; inputHash: PgColumn };

/**
 * The row an earlier call with this key made, checked against this call's input: a retry is
 * answered before validation runs again (the first call's own effect must not refuse its retry).
 */
export async function findReplay<Table extends IdempotentTable>(
  tx: PlatformTransaction,
  table: Table,
  key: { tenantId: string; idempotencyKey: string; inputHash: string },
): Promise<InferSelectModel<Table> | null> {
  const [existing] = (await tx
    .select()
    .from(table as PgTable)
    .where(
      and(eq(table.tenantId, key.tenantId), eq(table.idempotencyKey, key.idempotencyKey)),
    )) as (InferSelectModel<Table> & {
    inputHash: string;
  })[];
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
 * Inserts a row once per (tenant, idempotency key). Concurrent calls with one key meet on the
 * table's unique constraint: one insert wins, the others wait for it and read its row. The same
 * key with a different input hash is a ConflictError.
 */
export async function insertOnce<Table extends IdempotentTable>(
  tx: PlatformTransaction,
  table: Table,
  row: InferInsertModel<Table> & { tenantId: string; idempotencyKey: string; inputHash: string },
): Promise<{ row: InferSelectModel<Table>; replayed: boolean }> {
  // The generic table type loses drizzle's column inference, so the builders are typed loosely
  // here and the result is typed by the caller's table.
  const inserted = (await tx
    .insert(table)
    .values(row as never)
    .onConflictDoNothing({ target: [table.tenantId, table.idempotencyKey] })
    .returning()) as InferSelectModel<Table>[];
  if (inserted[0]) return { row: inserted[0], replayed: false };

  const existing = await findReplay(tx, table, row);
  if (!existing) throw new Error('An idempotency key conflicted but its row is not visible');
  return { row: existing, replayed: true };
}
