import type { RequestContext } from '@ssp/core';
import { type FragmentDefinitionNode, GraphQLError, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * `__schema`, the whole schema at once, is what tools fetch. `__type(name:)` stays open: the
 * GraphQL-over-HTTP conformance audits use it anonymously, and what it tells of a guessed type
 * name, validation errors tell anonymous callers anyway ("Cannot query field x on type Y").
 */
const INTROSPECTION_FIELDS = new Set(['__schema']);

/** Whether a root selection asks for the schema (`__typename` is not introspection of it). */
function asksForSchema(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return asksForSchema(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return asksForSchema(fragment.selectionSet, fragments, seen);
  });
}

/**
 * The schema is read with a token, in every mode: an anonymous caller gets no schema dump, only
 * what validation errors say (and those carry no suggestions outside development).
 * Partner developers have `schema.graphql` and a token from `/oauth/token` or `pnpm cli token`.
 */
export function introspectionNeedsTokenPlugin(): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if ((args.contextValue as RequestContext).principal) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of args.document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      if (!asksForSchema(operation.selectionSet, fragments)) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            'Unauthenticated: introspection needs a bearer token (send Authorization: Bearer <token>).',
            {
              extensions: {
                code: 'UNAUTHENTICATED',
                http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="shared-services"' } },
              },
            },
          ),
        ],
      });
    },
  };
}
