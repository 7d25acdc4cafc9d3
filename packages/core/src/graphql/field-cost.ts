import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './page-size.ts';

/**
 * What each field costs in the query price (Shopify's model): an object 1, a scalar or enum 0,
 * a connection 2 plus its page size times what each item costs, so page sizes multiply through
 * the nesting. Prices are read from the literal or variable `first`/`last` before anything runs.
 */
export const FIELD_COST = {
  object: 1,
  connection: 2,
  /** The assumed length of a plain list (not a connection), which has no page size to read. */
  listLength: 10,
} as const;

/** Connections are the types Pothos' relay plugin makes: they have `pageInfo` and `edges`. */
export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && 'edges' in fields;
}

/** The lists inside a connection: their length is the connection's page size, counted there. */
const CONNECTION_ITEMS = new Set(['edges', 'nodes']);

function pageSize(args: Record<string, unknown>): number {
  const size = args.first ?? args.last;
  return typeof size === 'number' && Number.isFinite(size) ? Math.max(size, 0) : DEFAULT_PAGE_SIZE;
}

/** The complexity plugin's `fieldComplexity`: the cost of one field and its multiplier. */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): { field: number; multiplier: number } {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return { field: 0, multiplier: 1 };
  if (isConnectionType(type)) return { field: FIELD_COST.connection, multiplier: pageSize(args) };
  if (type.name === 'PageInfo') return { field: 0, multiplier: 1 };
  if (isListType(getNullableType(field.type))) {
    // The connection already multiplies its items by the page size.
    if (CONNECTION_ITEMS.has(field.name) && field.args.length === 0) return { field: FIELD_COST.object, multiplier: 1 };
    // Each item is an object: its own price too, once per item.
    const length = Array.isArray(args.ids) ? args.ids.length : FIELD_COST.listLength;
    return { field: FIELD_COST.object * length, multiplier: length };
  }
  return { field: FIELD_COST.object, multiplier: 1 };
}
