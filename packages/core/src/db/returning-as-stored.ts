import { type Column, getColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Reads PostgreSQL's text form of a one-dimensional array of plain labels (`{a,b}`). */
function parseLabelArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value);
  if (text === '{}') return [];
  return text
    .slice(1, -1)
    .split(',')
    .map((label) => label.replace(/^"(.*)"$/, '$1'));
}

/** Whether drizzle selects this column through a cast (`"roles"::text[]`, for an enum array). */
export function isEnumArray(column: Column): boolean {
  const { columnType, dimensions } = column as unknown as { columnType: string; dimensions?: number };
  return columnType === 'PgEnumColumn' && (dimensions ?? 0) > 0;
}

/** Typed as the table's own columns: each one returned as stored reads back as the same value. */
type ReturnedColumns<T extends PgTable> = T['_']['columns'];

/**
 * Every column of `table` for a `RETURNING`, as stored: drizzle selects an enum array through a
 * cast to `text[]`, and Citus refuses anything but immutable functions in a `RETURNING` clause
 * (the cast runs the enum's output function, which is only stable). Here such a column comes back
 * uncast and its text form is parsed in the application. Use `.returning(returningAsStored(t))`
 * in place of a bare `.returning()` on a table with an enum array (the conventions test checks).
 */
export function returningAsStored<T extends PgTable>(table: T): ReturnedColumns<T> {
  const columns = getColumns(table) as Record<string, Column>;
  return Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [
      key,
      isEnumArray(column) ? sql`${sql.identifier(column.name)}`.mapWith(parseLabelArray) : column,
    ]),
  ) as ReturnedColumns<T>;
}
