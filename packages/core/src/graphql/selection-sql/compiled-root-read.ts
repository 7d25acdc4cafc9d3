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

/**
 * What a root field answering one object by id tells the selection compiler (`organisation(id:)`):
 * the table, and the arguments as the row's id; `null` when the arguments name something the
 * compiler does not express (another type's id), so the resolver answers instead.
 */
export interface CompiledObjectRead {
  /** The drizzle relations key of the table the object is read from. */
  table: string;
  /** The id of the row the arguments ask for. */
  id: (args: Record<string, unknown>) => string | null;
}

/**
 * What the `viewer` root field tells the selection compiler: which of its fields is the caller's
 * own organisation (read from `table` by the actor's organisation id). The viewer's other fields
 * come from the token, not from a row, so a selection asking for them goes to the resolvers.
 */
export interface CompiledViewerRead {
  /** The drizzle relations key of the organisations table. */
  table: string;
  /** The viewer's field answering the caller's own organisation. */
  organisationField: string;
}

/**
 * What Relay's `node(id:)` or `nodes(ids:)` tells the selection compiler: which argument holds
 * the global ids. Each id's type is read from the id itself; a Node type that is a drizzle model
 * is read from its table by id (any other is left to the field's resolver).
 */
export type CompiledNodeRead = { argument: 'id' } | { argument: 'ids'; most: number };

export type ColumnCondition = string | number | boolean | { ilike: string };

export const COMPILED_READ_EXTENSION = 'compiledRead';

/** The field extension that registers a root list field with the selection compiler. */
export function compiledReadExtension(read: CompiledRootRead): Record<string, unknown> {
  return { [COMPILED_READ_EXTENSION]: read };
}

export const COMPILED_OBJECT_READ_EXTENSION = 'compiledObjectRead';

/** The field extension that registers a root field reading one object by id with the selection compiler. */
export function compiledObjectReadExtension(read: CompiledObjectRead): Record<string, unknown> {
  return { [COMPILED_OBJECT_READ_EXTENSION]: read };
}

export const COMPILED_VIEWER_READ_EXTENSION = 'compiledViewerRead';

/** The field extension that registers the `viewer` root field with the selection compiler. */
export function compiledViewerReadExtension(read: CompiledViewerRead): Record<string, unknown> {
  return { [COMPILED_VIEWER_READ_EXTENSION]: read };
}

export const COMPILED_NODE_READ_EXTENSION = 'compiledNodeRead';

/** The field extension that registers `node` or `nodes` with the selection compiler. */
export function compiledNodeReadExtension(read: CompiledNodeRead): Record<string, unknown> {
  return { [COMPILED_NODE_READ_EXTENSION]: read };
}

/**
 * Marks a mutation payload's field answering a drizzle object (the charge set, the organisation
 * onboarded), held by the payload as `property` (the row the field's resolver returns): once the
 * mutation has written, the selection compiler reads that object by the row's id and tenant, in
 * one statement in the mutation's own savepoint, instead of the drizzle plugin's resolvers.
 */
export interface CompiledPayloadObject {
  /** The payload's property holding the row (its `id`, and its `tenantId` for a tenant table). */
  property: string;
}

export const COMPILED_PAYLOAD_OBJECT_EXTENSION = 'compiledPayloadObject';

/** The field extension that registers a payload's object field with the selection compiler. */
export function compiledPayloadObject(property: string): Record<string, unknown> {
  return { [COMPILED_PAYLOAD_OBJECT_EXTENSION]: { property } satisfies CompiledPayloadObject };
}

/**
 * Marks a field with a `select` whose resolver computes its value from the selected row data
 * alone (no loader, no query, no side effect, no use of `info`), so the selection compiler may
 * read that data in its statement and run the resolver on it.
 */
export const COMPUTED_FROM_ROW_EXTENSION = 'computedFromRow';

export const computedFromRowExtension = { [COMPUTED_FROM_ROW_EXTENSION]: true } as const;
