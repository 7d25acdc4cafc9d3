import { type SQL, sql } from 'drizzle-orm';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  getVariableValues,
  Kind,
} from 'graphql';
import { queryRows } from '../../db/query-rows.ts';
import type { RequestContext } from '../request-context.ts';
import { type CompileScope, NotCompilable, SelectionCompiler } from './compile-selection.ts';

interface CompiledOperation {
  statements: [responseKey: string, statement: SQL | '__typename'][];
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * Compiles a query operation to one SQL statement per root field, or returns null when some part
 * of it is not something the compiler expresses (then the resolvers answer the whole operation,
 * as they always did). Nothing is sent to the database here.
 */
function compileOperation(args: ExecutionArgs, context: RequestContext): CompiledOperation | null {
  const actor = context.actor;
  if (!actor || !context.transaction) return null;
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation || operation.operation !== 'query') return null;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (coerced.errors) return null;
  const queryType = args.schema.getQueryType();
  if (!queryType) return null;
  const scope: CompileScope = {
    fragments: fragmentsOf(args.document),
    variables: coerced.coerced,
    actor,
    // Platform admins run on the partnership-wide path, which sees every tenant by design.
    tenantIds: actor.platformScope ? null : actor.visibleTenantIds,
  };
  const compiler = new SelectionCompiler(scope);
  const statements: CompiledOperation['statements'] = [];
  try {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (statements.some(([seen]) => seen === key)) return null;
      if (selection.name.value === '__typename') {
        statements.push([key, '__typename']);
        continue;
      }
      const field = queryType.getFields()[selection.name.value];
      if (!field) return null;
      statements.push([key, sql`select ${compiler.rootConnection(field, selection)} as result`]);
    }
  } catch (error) {
    // Not expressible (NotCompilable), or arguments the field's own resolver refuses with a
    // proper error: either way the resolvers answer.
    if (error instanceof NotCompilable || error instanceof Error) return null;
    return null;
  }
  return { statements };
}

/**
 * Answers a read-only operation with one SQL statement per root field, the nested relations
 * aggregated as JSON by PostgreSQL and only the selected columns read, in the request's own
 * transaction (row-level security applies; every tenant table is also bound to the tenant ids).
 * Null when the operation is not one the compiler takes: the caller then executes it normally.
 */
export async function executeCompiledRead(
  args: ExecutionArgs,
  context: RequestContext,
): Promise<ExecutionResult | null> {
  const compiled = compileOperation(args, context);
  if (!compiled) return null;
  const tx = context.transaction!;
  const data: Record<string, unknown> = {};
  for (const [key, statement] of compiled.statements) {
    if (statement === '__typename') {
      data[key] = args.schema.getQueryType()!.name;
      continue;
    }
    const rows = await queryRows<{ result: unknown }>(tx, statement);
    data[key] = rows[0]?.result ?? null;
  }
  return { data };
}
