import { createHash } from 'node:crypto';
import { ConflictError, type PlatformTransaction, ValidationError } from '@ssp/core';
import { and, eq, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A tenant table whose rows are created once per idempotency key. */
type IdempotentTable = PgTable & { tenantId: PgColumn; idempotencyKey: PgColumn; inputHash: PgColumn };

/** Refuses a key outside 8-200 characters (short keys collide; long ones are abuse). */
export function checkIdempotencyKey(key: string, field = 'input.idempotencyKey'): string {
  if (key.length < 8 || key.length > 200)
    throw new ValidationError('The idempotency key is 8 to 200 characters', field);
  return key;
}

/** What makes two calls "the same": everything the client sent except the key, hashed. */
export function hashInput(values: readonly unknown[]): string {
  const json = JSON.stringify(values, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha256').update(json).digest('hex');
}

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
    throw new ConflictError('This idempotency key was already used with a different input');
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
