import { type PlatformTransaction, queryRows } from '@ssp/core';
import { type SQL, sql } from 'drizzle-orm';
import type { HeldRecord } from './record-kind.ts';

/**
 * The records already held under some keys, each with its record id (its first version's id)
 * and its newest version. `query` selects `key`, `record_id` and `version` rows for the keys
 * (a relation `wanted(key)` to join, bound as one JSON parameter whatever their number), one per version; the newest wins. A key is the same in every version
 * (a correction keeps it), so grouping by it groups a record's versions.
 */
export async function heldRecords(
  tx: PlatformTransaction,
  keys: readonly string[],
  query: (keys: SQL) => SQL,
): Promise<Map<string, HeldRecord>> {
  const held = new Map<string, HeldRecord>();
  if (keys.length === 0) return held;
  const rows = await queryRows<{ key: string; record_id: string; version: number }>(
    tx,
    sql`select key, record_id, max(version)::int as version from (${query(sql`jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as wanted(key)`)}) as versions
        group by key, record_id`,
  );
  for (const row of rows) held.set(row.key, { recordId: row.record_id, version: row.version });
  return held;
}

/** The rows of a table keyed by its `reference` column. */
export const byReference =
  (table: string, tenantId: string) =>
  (keys: SQL): SQL =>
    sql`select t.reference as key, t.record_id, t.version from ${sql.identifier(table)} as t join ${keys} on wanted.key = t.reference
        where t.tenant_id = ${tenantId}`;
