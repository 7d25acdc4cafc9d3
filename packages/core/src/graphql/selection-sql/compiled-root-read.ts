/**
 * What a root list field tells the selection compiler so that it can answer the field with one
 * SQL statement instead of its resolver. Attached to the field as the `compiledRead` extension;
 * the field's own resolver stays, and answers whatever the compiler declines.
 */
export interface CompiledRootRead {
  /** The drizzle relations key of the table the field lists. */
  table: string;
  /** The page order, as the resolver's `orderBy` (column key to direction); keys unique together. */
  orderBy: Record<string, 'asc' | 'desc'>;
  /**
   * The field's arguments as equality (or `ilike`) conditions on column keys; `null` when the
   * arguments ask for something the compiler does not express, so the resolver answers instead.
   */
  where: (args: Record<string, unknown>) => Record<string, ColumnCondition> | null;
}

export type ColumnCondition = string | number | boolean | { ilike: string };

export const COMPILED_READ_EXTENSION = 'compiledRead';

/** The field extension that registers a root list field with the selection compiler. */
export function compiledReadExtension(read: CompiledRootRead): Record<string, unknown> {
  return { [COMPILED_READ_EXTENSION]: read };
}

/**
 * Marks a field with a `select` whose resolver computes its value from the selected row data
 * alone (no loader, no query, no side effect, no use of `info`), so the selection compiler may
 * read that data in its statement and run the resolver on it.
 */
export const COMPUTED_FROM_ROW_EXTENSION = 'computedFromRow';

export const computedFromRowExtension = { [COMPUTED_FROM_ROW_EXTENSION]: true } as const;
