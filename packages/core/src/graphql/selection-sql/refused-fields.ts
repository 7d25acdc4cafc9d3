import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  locatedError,
  type SelectionSetNode,
} from 'graphql';
import { roleRefusal } from '../unauthorized-error.ts';
import { collectFields } from './compile-selection.ts';

/**
 * A field the compiled statement refuses: where its value would be, the statement writes a mark,
 * and the answer puts scope-auth's error there instead (the field's error at its path, the null
 * going up to the nearest nullable place, as graphql's execution does).
 */
export interface RefusedField {
  /** The type and field scope-auth would name (`Your roles do not allow Type.field`). */
  typeName: string;
  fieldName: string;
  node: FieldNode;
}

// Random per process, so no row's JSON (a JSON column) can ever spell a mark.
const REFUSED_MARK = `$refused:${randomUUID()}`;

/** The mark the statement writes in place of refusal number `index`. */
export function refusedMark(index: number): SQL {
  return sql`json_build_object(${sql.raw(`'${REFUSED_MARK}'`)}, ${sql.raw(String(index))})`;
}

function markOf(value: unknown): number | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const mark = (value as Record<string, unknown>)[REFUSED_MARK];
  return typeof mark === 'number' ? mark : null;
}

/**
 * Puts the refusals' errors in the answer of the root fields (`data`, parsed), in the order graphql
 * executes them: once a null reaches a non-null place, what is left of that object or list is not
 * completed (and its errors not raised), as when graphql's execution stops there.
 */
export function answerRefusals(
  data: Record<string, unknown>,
  queryType: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  refusals: readonly RefusedField[],
): { data: Record<string, unknown> | null; errors: GraphQLError[] } {
  const errors: GraphQLError[] = [];
  const scope = { fragments };

  /** Completes `holder[key]`; false when it became null by an error in a place that may not be null. */
  const complete = (
    type: GraphQLOutputType,
    node: FieldNode,
    holder: Record<string | number, unknown>,
    key: string | number,
    path: (string | number)[],
  ): boolean => {
    const value = holder[key];
    const mark = markOf(value);
    if (mark !== null) {
      const refused = refusals[mark]!;
      errors.push(locatedError(roleRefusal(refused.typeName, refused.fieldName), [refused.node], path));
      holder[key] = null;
      return !(type instanceof GraphQLNonNull);
    }
    if (value === null || value === undefined || typeof value !== 'object') return true;
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    let whole = true;
    if (inner instanceof GraphQLList) {
      const items = value as unknown[];
      for (let index = 0; index < items.length && whole; index += 1) {
        whole = complete(inner.ofType, node, items as unknown as Record<number, unknown>, index, [...path, index]);
      }
    } else if (inner instanceof GraphQLObjectType && node.selectionSet) {
      whole = completeObject(inner, node.selectionSet, value as Record<string, unknown>, path);
    }
    if (whole) return true;
    holder[key] = null;
    return !(type instanceof GraphQLNonNull);
  };

  const completeObject = (
    type: GraphQLObjectType,
    selection: SelectionSetNode,
    value: Record<string, unknown>,
    path: (string | number)[],
  ): boolean => {
    for (const [key, node] of collectFields(type, selection, scope)) {
      const field = type.getFields()[node.name.value];
      if (!field) continue;
      if (!complete(field.type, node, value, key, [...path, key])) return false;
    }
    return true;
  };

  return { data: completeObject(queryType, selectionSet, data, []) ? data : null, errors };
}
