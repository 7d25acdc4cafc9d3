import { type PlatformTransaction, queryRows } from '@ssp/core';
import { sql } from 'drizzle-orm';
import { findImport, importKeyLock } from './import-records.ts';
import type { ImportKindName } from './record-kind.ts';

export interface RecordImportStatus {
  state: 'running' | 'written' | 'not_found';
  kind: ImportKindName | null;
  importId: string | null;
  rows: number | null;
  corrections: number | null;
  recordedAt: Date | null;
}

/**
 * Where an import stands. A writing import holds its key's lock to the end of its transaction and
 * is invisible until it commits, so "running" is read from the lock: when it cannot be taken,
 * another transaction is writing under this key. Taken, it is held only to the end of this read.
 */
export async function recordImportStatus(
  tx: PlatformTransaction,
  tenantId: string,
  importKey: string,
): Promise<RecordImportStatus> {
  const none = { kind: null, importId: null, rows: null, corrections: null, recordedAt: null };
  const [lock] = await queryRows<{ free: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${importKeyLock(tenantId, importKey)}, 0)) as free`,
  );
  if (!lock?.free) return { state: 'running', ...none };
  const written = await findImport(tx, tenantId, importKey);
  if (!written) return { state: 'not_found', ...none };
  return {
    state: 'written',
    kind: written.kind,
    importId: written.id,
    rows: written.rowCount,
    corrections: written.corrections,
    recordedAt: written.recordedAt,
  };
}
