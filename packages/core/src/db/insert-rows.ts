import { getColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PlatformTransaction } from './platform-database.ts';

const SQL_TYPE = /^[a-z_][a-z0-9_ ]*(\[\])?$/;

/**
 * PostgreSQL binds at most 65,535 parameters to one statement; a batch past this many values is
 * written by several statements (in the caller's transaction, so still all or nothing).
 */
const MAX_VALUES_PER_STATEMENT = 20_000;

/** The row a table takes (its insert model). */
type Insert<T> = T extends { $inferInsert: infer Row } ? Row : never;

/** An array as PostgreSQL's text form (`{"a","b"}`), every element quoted. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values
    .map((value) => (value === null ? 'NULL' : `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`))
    .join(',')}}`;
}

/**
 * One value as the text PostgreSQL reads for its column type: both drivers then bind the same
 * thing (`pg` and PGlite serialise arrays, dates and objects each their own way).
 */
function asText(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  if (Array.isArray(value)) return arrayLiteral(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Writes many rows with one multi-row `INSERT ... VALUES` (or a few, past
 * MAX_VALUES_PER_STATEMENT values), each value bound as text and cast to its column's type.
 * Never `INSERT ... SELECT`: Citus runs that as a COPY into the shards, which PostgreSQL refuses
 * under row-level security; a VALUES list it splits by shard and sends as INSERTs, checked by
 * the policies like any other. `columns` names the columns written, each with its SQL type (the
 * rest take their defaults); every row gives a value (or null) for each. Row-level security,
 * constraints and triggers apply as to any INSERT. `onConflict: 'do-nothing'` skips rows that
 * would break a unique constraint. Returns the number of rows written.
 */
export async function insertRows<T extends PgTable>(
  tx: PlatformTransaction,
  table: T,
  columns: { [K in keyof Insert<T>]?: string },
  rows: readonly { [K in keyof Insert<T>]?: Insert<T>[K] | null }[],
  options: { onConflict?: 'do-nothing' } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const known = getColumns(table) as Record<string, { name: string }>;
  const written = Object.entries(columns as Record<string, string>).map(([key, type]) => {
    const column = known[key];
    if (!column || !SQL_TYPE.test(type)) throw new Error(`insertRows: no column ${key} of type ${type}`);
    return { key, name: column.name, type };
  });
  const names = sql.join(
    written.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const rowsPerStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / written.length));
  let count = 0;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows.slice(start, start + rowsPerStatement).map(
      (row) =>
        sql`(${sql.join(
          written.map(
            (column) =>
              sql`${asText((row as Record<string, unknown>)[column.key], column.type)}::text::${sql.raw(column.type)}`,
          ),
          sql`, `,
        )})`,
    );
    const statement: SQL = sql`insert into ${table} (${names}) values ${sql.join(values, sql`, `)}${
      options.onConflict === 'do-nothing' ? sql` on conflict do nothing` : sql``
    }`;
    const result = await tx.execute(statement);
    // Both drivers report the rows written: `pg` as rowCount, PGlite as affectedRows.
    const { rowCount, affectedRows } = result as unknown as { rowCount?: number | null; affectedRows?: number };
    const inserted = rowCount ?? affectedRows;
    if (typeof inserted !== 'number') throw new Error('insertRows: the driver did not report the rows written');
    count += inserted;
  }
  return count;
}
