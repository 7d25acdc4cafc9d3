import type { FieldComplexity, FieldComplexityValue } from '@pothos/plugin-complexity';
import { DEFAULT_PAGE_SIZE, isConnectionType } from '@ssp/core';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A mutation's own price on top of what it selects: it writes, and writes cost more than reads. */
export const MUTATION_FIELD_COST = 10;
/** The price of a field no price was given for (the complexity plugin gives every field one). */
const UNPRICED_FIELD = { field: 1, listMultiplier: 10 };

export interface OperationPrice {
  /** Shopify's `requestedQueryCost`: page sizes multiplied through the nesting. */
  cost: number;
  /** The most connections nested inside one another anywhere in the operation. */
  connectionNesting: number;
  /**
   * The largest page asked of a connection nested inside the same connection (`children` under
   * `children`, directly or through `parent`): 0 when none is. Such a walk can reach the same
   * rows again at every level, so its pages are held small (see `MAX_RECURSIVE_PAGE_SIZE`).
   */
  recursivePageSize: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  context: object;
  /** Fragment names spread on the way here: validation refuses cycles, this is belt and braces. */
  path: ReadonlySet<string>;
  /** The connections (`Type.field`) this selection sits inside. */
  connections: ReadonlySet<string>;
}

function pageSizeOf(args: Record<string, unknown>): number {
  const size = args.first ?? args.last;
  return typeof size === 'number' ? size : DEFAULT_PAGE_SIZE;
}

function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    // Arguments that do not coerce fail the field when it runs; price it at its defaults.
    return {};
  }
}

/**
 * A field's own price and multiplier, as `@pothos/plugin-complexity` put it on the field
 * (`extensions.complexity`; ours is `fieldCost` in core), called with the arguments as GraphQL
 * coerces them. Not the plugin's own walker: it maps arguments through Pothos first, which decodes
 * global ids and throws on a malformed one, and an operation that cannot be priced must not run.
 */
function fieldPrice(walk: Walk, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const option = field.extensions?.complexity as FieldComplexity<object, Record<string, unknown>> | undefined;
  const value: FieldComplexityValue | undefined =
    typeof option === 'function'
      ? option(args, walk.context, field as GraphQLField<unknown, object, Record<string, unknown>>)
      : option;
  const isList = isListType(getNullableType(field.type));
  if (typeof value === 'number') return { own: value, multiplier: isList ? UNPRICED_FIELD.listMultiplier : 1 };
  return {
    own: value?.field ?? UNPRICED_FIELD.field,
    multiplier: value?.multiplier ?? (isList ? UNPRICED_FIELD.listMultiplier : 1),
  };
}

function priceSelection(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLNamedType): OperationPrice {
  let cost = 0;
  let connectionNesting = 0;
  let recursivePageSize = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue; // __typename, and introspection: priced as nothing
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const args = argumentsOf(walk, field, selection);
      const { own, multiplier } = fieldPrice(walk, field, args);
      const fieldType = getNamedType(field.type);
      const connection = isConnectionType(fieldType) ? `${type.name}.${field.name}` : null;
      if (connection && walk.connections.has(connection)) {
        recursivePageSize = Math.max(recursivePageSize, pageSizeOf(args));
      }
      const innerWalk = connection ? { ...walk, connections: new Set([...walk.connections, connection]) } : walk;
      const inner = selection.selectionSet
        ? priceSelection(innerWalk, selection.selectionSet, fieldType)
        : { cost: 0, connectionNesting: 0, recursivePageSize: 0 };
      cost += own + Math.max(multiplier, 0) * inner.cost;
      connectionNesting = Math.max(connectionNesting, inner.connectionNesting + (connection ? 1 : 0));
      recursivePageSize = Math.max(recursivePageSize, inner.recursivePageSize);
      continue;
    }
    let fragmentWalk = walk;
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (!fragment || walk.path.has(selection.name.value)) continue;
      fragmentWalk = { ...walk, path: new Set([...walk.path, selection.name.value]) };
    }
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    if (!condition) continue;
    // A fragment on each member of a union or interface is priced as if all of them came back.
    const inner = priceSelection(fragmentWalk, fragment.selectionSet, condition);
    cost += inner.cost;
    connectionNesting = Math.max(connectionNesting, inner.connectionNesting);
    recursivePageSize = Math.max(recursivePageSize, inner.recursivePageSize);
  }
  return { cost, connectionNesting, recursivePageSize };
}

/** The root fields an operation selects, fragments on the root type included. */
function rootFieldCount(fragments: Map<string, FragmentDefinitionNode>, selectionSet: SelectionSetNode): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1;
    else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (fragment) count += rootFieldCount(fragments, fragment.selectionSet);
    }
  }
  return count;
}

/**
 * Prices one operation of a validated document with the variables it was sent with, before
 * anything runs: null when the variables do not fit the operation (execution then refuses it
 * before any resolver, and before the request's transaction does any work).
 */
export function priceOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context: object,
): OperationPrice | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors || !coerced.coerced) return null;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk: Walk = {
    schema,
    fragments,
    variables: coerced.coerced,
    context,
    path: new Set(),
    connections: new Set(),
  };
  const price = priceSelection(walk, operation.selectionSet, rootType);
  const mutationCost =
    operation.operation === 'mutation' ? MUTATION_FIELD_COST * rootFieldCount(fragments, operation.selectionSet) : 0;
  return { ...price, cost: Math.ceil(price.cost + mutationCost) };
}
