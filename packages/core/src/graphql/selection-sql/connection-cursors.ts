import { decodeBase64, decodeCursorChunk, encodeBase64, encodeCursorChunk, encodeCursorTuple } from '@pothos/core';
import type { Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Cursors as `@pothos/plugin-drizzle` writes and reads them (`base64("DC:" + chunk)`, one tagged
 * chunk per ordering column, a tuple for several), so that a cursor from a compiled page pages
 * the resolvers' connection and the other way round.
 */
export function drizzleCursor(values: readonly unknown[]): string {
  return encodeBase64(`DC:${values.length === 1 ? encodeCursorChunk(values[0]) : encodeCursorTuple([...values])}`);
}

/**
 * The ordering values a cursor holds, by the ordering's keys; null when it is not a cursor of
 * this ordering (the resolvers then answer, with the plugin's own error).
 */
export function parseDrizzleCursor(cursor: unknown, keys: readonly string[]): Record<string, unknown> | null {
  if (typeof cursor !== 'string') return null;
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('DC:')) return null;
    const parsed = decodeCursorChunk(decoded.slice(3));
    const values = keys.length === 1 ? [parsed] : parsed;
    // A shorter cursor (issued before a column joined the ordering) is the plugin's case, not ours.
    if (!Array.isArray(values) || values.length !== keys.length) return null;
    return Object.fromEntries(keys.map((key, index) => [key, values[index]]));
  } catch {
    return null;
  }
}

/**
 * The order the plugin pages a table by: the declared one and, when no unique set of non-null
 * columns is covered by it, the primary key appended in the last column's direction (the plugin's
 * tie-breaker), so the compiled page and its cursors are the resolvers' own.
 */
export function pagingOrder(
  table: Record<string, unknown>,
  orderBy: Record<string, 'asc' | 'desc'>,
): Record<string, 'asc' | 'desc'> {
  const config = getTableConfig(table as unknown as PgTable);
  // Keys and columns by SQL name: the dialect builds the keys' and constraints' columns apart from
  // the table's own (without notNull), so they are looked up by name, as the plugin does.
  const keyOf = new Map<string, string>();
  const own = new Map<string, Column>();
  for (const [key, value] of Object.entries(table)) {
    if (value && typeof value === 'object' && 'columnType' in value) {
      keyOf.set((value as Column).name, key);
      own.set((value as Column).name, value as Column);
    }
  }
  const ordered = (column: Column) => {
    const key = keyOf.get(column.name);
    return key !== undefined && key in orderBy;
  };
  const notNull = (column: Column) => own.get(column.name)?.notNull ?? column.notNull;
  const uniqueSets: Column[][] = [
    ...config.columns.filter((column) => column.primary || column.isUnique).map((column) => [column as Column]),
    ...config.primaryKeys.map((key) => key.columns as Column[]),
    ...config.uniqueConstraints.map((constraint) => constraint.columns as Column[]),
  ].filter((columns) => columns.length > 0);
  if (uniqueSets.some((columns) => columns.every((column) => notNull(column) && ordered(column)))) return orderBy;
  const primary = config.columns.find((column) => column.primary);
  const tieBreaker: Column[] = primary
    ? [primary as Column]
    : ((config.primaryKeys.find((key) => key.columns.length > 0)?.columns as Column[] | undefined) ??
      (config.columns.filter((column) => column.isUnique && notNull(column as Column)).slice(0, 1) as Column[]));
  const directions = Object.values(orderBy);
  const direction = directions[directions.length - 1] ?? 'asc';
  const order = { ...orderBy };
  for (const column of tieBreaker) {
    const key = keyOf.get(column.name);
    if (key !== undefined && !(key in order)) order[key] = direction;
  }
  return order;
}
