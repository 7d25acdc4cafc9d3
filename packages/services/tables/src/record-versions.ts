import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, foreignKey, integer, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns that make a payroll or recruitment record bitemporal. The record's own times (when a
 * change was received, a check processed...) say when things happened, as the caller tells us;
 * `recorded_at` says when we learned of them, by the database clock. A correction never updates:
 * it is a new row with `corrects_id` naming the record's first version and the next `version`,
 * so "what did we know on 1 March" is the newest version of each record recorded by then.
 * Rows that refer to a record (a change to its pay period) name the first version's id, which
 * stays the record's id through every correction.
 */
export const recordVersionColumns = () => ({
  /** When we recorded this version (the database clock; never given by a caller). */
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  /** Null for a record's first version; otherwise the first version's id. */
  correctsId: uuid('corrects_id'),
  /** 1 for the first version, then 2, 3... for each correction. */
  version: integer('version').notNull().default(1),
  /** The import that recorded this version (null for seeded rows). */
  importId: uuid('import_id'),
  /**
   * A retraction: this version withdraws the record (sent in error, never happened). Lists and
   * reports known from its recording on leave the record out; before it they still count it. A
   * later correction may restore it. Never set by an update: it is a version like any other.
   */
  retracted: boolean('retracted').notNull().default(false),
  /** The record's id in every version (its first version's id): what rows referring to it name. */
  recordId: uuid('record_id').notNull().generatedAlwaysAs(sql`coalesce(corrects_id, id)`),
});

type VersionedColumns = {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  correctsId: AnyPgColumn;
  version: AnyPgColumn;
  importId: AnyPgColumn;
};

/**
 * Its constraints: a correction corrects a first version of the same tenant's table, one row per
 * version (two corrections racing for the same version: one fails); its index is also the one
 * the "newest version known at" anti-join reads (empty until something is corrected).
 */
export function recordVersionConstraints(
  tableName: string,
  t: VersionedColumns,
  imports: { tenantId: AnyPgColumn; id: AnyPgColumn },
) {
  return [
    foreignKey({
      name: `${tableName}_corrects_fk`,
      columns: [t.tenantId, t.correctsId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: `${tableName}_import_fk`,
      columns: [t.tenantId, t.importId],
      foreignColumns: [imports.tenantId, imports.id],
    }),
    uniqueIndex(`${tableName}_version_key`).on(t.tenantId, t.correctsId, t.version).where(sql`corrects_id is not null`),
  ];
}
