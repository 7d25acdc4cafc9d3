import { getColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PlatformTransaction } from './platform-database.ts';

const SQL_TYPE = /^[a-z_][a-z0-9_ ]*(\[\])?$/;

/** The row a table takes (its insert model). */
type Insert<T> = T extends { $inferInsert: infer Row } ? Row : never;

/**
 * Writes many rows with one statement and one bound parameter: the rows as a JSON array, which
 * `jsonb_to_recordset` turns back into typed columns inside the database. A VALUES list binds a
 * parameter per field (3,000 to 5,000 for a batch of 300 schools), each built by the query builder,
 * sent, parsed and planned one by one; here the client builds one JSON string and the plan is the
 * same whatever the number of rows. `columns` names the columns written, each with its SQL type
 * (the rest take their defaults); every row gives a value (or null) for each. Row-level security,
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
  const record = sql.join(
    written.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(column.type)}`),
    sql`, `,
  );
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(written.map((column) => [column.name, (row as Record<string, unknown>)[column.key] ?? null])),
    ),
  );
  const result = await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as r(${record})${
      options.onConflict === 'do-nothing' ? sql` on conflict do nothing` : sql``
    }`,
  );
  // Both drivers report the rows written: `pg` as rowCount, PGlite as affectedRows.
  const { rowCount, affectedRows } = result as unknown as { rowCount?: number | null; affectedRows?: number };
  const count = rowCount ?? affectedRows;
  if (typeof count !== 'number') throw new Error('insertRows: the driver did not report the rows written');
  return count;
}
