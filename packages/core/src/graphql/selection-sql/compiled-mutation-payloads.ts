import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  GraphQLError,
  type GraphQLField,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLUnionType,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { PlatformRelations } from '../../db/platform-schema.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { RequestContext } from '../request-context.ts';
import { type CompileScope, SelectionCompiler } from './compile-selection.ts';
import { COMPILED_PAYLOAD_OBJECT_EXTENSION, type CompiledPayloadObject } from './compiled-root-read.ts';
import { computeMarked, fragmentsOf } from './execute-compiled-read.ts';
import { answerRefusals } from './refused-fields.ts';

/** The row a payload field's resolver returned: its id, and its tenant for a tenant table. */
interface PayloadRow {
  id: string;
  tenantId?: string;
}

/** A payload field the compiler answers: where it sits in the answer, and what was asked of it. */
interface PlannedPayloadField {
  rootKey: string;
  /** The payload's property holding the row. */
  property: string;
  /** Whether the mutation field may not be null (a null payload then nulls the whole answer). */
  rootNonNull: boolean;
  payloadType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** A payload field's object as read in the mutation's savepoint, with the refusals its statement wrote. */
interface ReadPayload {
  value: unknown;
  refusals: SelectionCompiler['refusals'];
}

/** What a request's mutation has planned, and what it has read so far (by response path). */
interface PendingPayloads {
  args: ExecutionArgs;
  relations: PlatformRelations;
  planned: PlannedPayloadField[];
  read: Map<string, ReadPayload>;
}

// Per request (its context): the payload reads planned for the mutation being executed.
const pending = new WeakMap<object, PendingPayloads>();

function pathKey(rootKey: string, fieldKey: string): string {
  return JSON.stringify([rootKey, fieldKey]);
}

function isPayloadRow(value: unknown): value is PayloadRow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PayloadRow).id === 'string' &&
    ((value as PayloadRow).tenantId === undefined || typeof (value as PayloadRow).tenantId === 'string')
  );
}

function payloadProperty(field: GraphQLField<unknown, unknown>): string | null {
  const marked = (field.extensions as Record<string, unknown>)[COMPILED_PAYLOAD_OBJECT_EXTENSION] as
    | CompiledPayloadObject
    | undefined;
  return typeof marked?.property === 'string' ? marked.property : null;
}

/**
 * Reads the payload objects the compiler answers for the mutation field at `rootKey`, from the
 * payload its resolver returned, in the request's current transaction. Called by the mutation's
 * savepoint before it is released: on Citus a tenant admitted inside the savepoint (a retried
 * onboarding admits the organisation the first one created) is not in the context of worker
 * connections opened after the release, so a read there would not see it.
 */
export async function readCompiledPayloads(context: RequestContext, rootKey: string, payload: unknown): Promise<void> {
  const state = pending.get(context);
  const tx = context.transaction;
  if (!state || !tx || typeof payload !== 'object' || payload === null) return;
  for (const planned of state.planned) {
    if (planned.rootKey !== rootKey) continue;
    const row = (payload as Record<string, unknown>)[planned.property];
    if (!isPayloadRow(row)) continue;
    // Compiled again for the row written: its id and tenant are in the statement's text.
    const compiler = payloadCompiler(state.args, context, state.relations)!;
    const statement = compiledPayloadSql(compiler, planned, row);
    const key = planned.node.alias?.value ?? planned.node.name.value;
    if (!statement) throw new Error(`The payload field ${planned.payloadType.name}.${key} no longer compiles`);
    const [read] = await queryRows<{ result: unknown }>(tx, statement);
    state.read.set(pathKey(rootKey, key), {
      value: await computeMarked(read?.result ?? null, compiler.computed, context),
      refusals: compiler.refusals,
    });
  }
}

// A row that stands for the one the mutation will write, to try whether the compiler takes a
// selection before the mutation runs (random per process, so no input can name it).
const STAND_IN_ROW: PayloadRow = { id: randomUUID(), tenantId: randomUUID() };

function named(type: GraphQLOutputType): GraphQLOutputType {
  return type instanceof GraphQLNonNull ? type.ofType : type;
}

/** The selection compiler for this request's payload reads: each read bound to its row's tenant. */
function payloadCompiler(args: ExecutionArgs, context: RequestContext, relations: PlatformRelations) {
  const operation = getOperationAST(args.document, args.operationName)!;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (coerced.errors) return null;
  const scope: CompileScope = {
    fragments: fragmentsOf(args.document),
    variables: coerced.coerced,
    actor: context.actor!,
    // The platform path sees every tenant; anyone else's reads are bound to the tenant the
    // payload's row names (a new customer's rows, once onboarded, are its own, not the caller's).
    tenantIds: context.actor!.platformScope ? null : 'known',
  };
  return new SelectionCompiler(scope, relations);
}

function compiledPayloadSql(
  compiler: SelectionCompiler,
  planned: PlannedPayloadField,
  row: PayloadRow,
): ReturnType<typeof sql> | null {
  const type = named(planned.field.type);
  if (!(type instanceof GraphQLObjectType) || !planned.node.selectionSet) return null;
  try {
    const written = compiler.ctes.length;
    const object = compiler.payloadObject(type, planned.node.selectionSet, row);
    const ctes = compiler.ctes.slice(written);
    const withs = ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
    return sql`${withs}select ${object} as result`;
  } catch {
    // Not expressible (NotCompilable), or arguments a resolver refuses with a proper error:
    // either way the resolvers answer.
    return null;
  }
}

/**
 * Plans the operation's payload fields the compiler answers and rewrites the document so that
 * graphql's execution resolves only their `__typename` (the row is recorded by its resolver).
 * Null when nothing of the operation is taken: it then runs as it always did.
 */
function planPayloads(
  args: ExecutionArgs,
  context: RequestContext,
  relations: PlatformRelations,
): { document: DocumentNode; planned: PlannedPayloadField[] } | null {
  const operation = getOperationAST(args.document, args.operationName);
  const mutationType = args.schema.getMutationType();
  if (operation?.operation !== 'mutation' || !mutationType) return null;
  // One mutation per operation: a later mutation's writes must not show in an earlier payload.
  const roots = operation.selectionSet.selections.filter(
    (selection) => !(selection.kind === Kind.FIELD && selection.name.value === '__typename'),
  );
  const root = roots[0];
  if (roots.length !== 1 || root?.kind !== Kind.FIELD || root.directives?.length || !root.selectionSet) return null;
  const mutationField = mutationType.getFields()[root.name.value];
  if (!mutationField) return null;
  const rootKey = root.alias?.value ?? root.name.value;
  const compiler = payloadCompiler(args, context, relations);
  if (!compiler) return null;
  const planned: PlannedPayloadField[] = [];
  const seen = new Set<string>();

  /** The selections of `type` (the payload, or the union holding it) with the taken fields reduced to `__typename`. */
  const rewrite = (type: GraphQLOutputType, selectionSet: SelectionSetNode): SelectionSetNode | null => {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) return null;
      // A named fragment may be spread elsewhere too: the payload is then left to the resolvers.
      if (selection.kind === Kind.FRAGMENT_SPREAD) return null;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const inner = condition ? args.schema.getType(condition) : type;
        if (inner instanceof GraphQLObjectType || inner instanceof GraphQLUnionType) {
          const rewritten = rewrite(inner as GraphQLOutputType, selection.selectionSet);
          if (!rewritten) return null;
          selections.push({ ...selection, selectionSet: rewritten });
        } else selections.push(selection);
        continue;
      }
      if (!(type instanceof GraphQLObjectType) || selection.name.value === '__typename') {
        selections.push(selection);
        continue;
      }
      const key = selection.alias?.value ?? selection.name.value;
      const field = type.getFields()[selection.name.value];
      const property = field ? payloadProperty(field) : null;
      if (!field || !property || !selection.selectionSet || selection.arguments?.length) {
        selections.push(selection);
        continue;
      }
      // One object per response key: graphql would merge two selections of one key.
      if (seen.has(key)) return null;
      seen.add(key);
      const candidate = {
        rootKey,
        property,
        rootNonNull: mutationField.type instanceof GraphQLNonNull,
        payloadType: type,
        field,
        node: selection,
      };
      if (!compiledPayloadSql(compiler, candidate, STAND_IN_ROW)) {
        selections.push(selection);
        continue;
      }
      planned.push(candidate);
      selections.push({
        ...selection,
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
        },
      });
    }
    return { ...selectionSet, selections };
  };

  const rewritten = rewrite(named(mutationField.type), root.selectionSet);
  if (!rewritten || planned.length === 0) return null;
  const rewrittenOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: {
      ...operation.selectionSet,
      selections: operation.selectionSet.selections.map((selection) =>
        selection === root ? { ...root, selectionSet: rewritten } : selection,
      ),
    },
  };
  return {
    planned,
    document: {
      ...args.document,
      definitions: args.document.definitions.map((definition) =>
        definition === operation ? rewrittenOperation : definition,
      ),
    },
  };
}

/** A located error of the payload's object, its path from the operation's root. */
function underRoot(error: GraphQLError, rootKey: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    path: [rootKey, ...(error.path ?? [])],
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: error.extensions,
  });
}

/**
 * Runs a mutation operation whose payload fields the selection compiler takes: the mutation's
 * resolver writes as always (graphql's execution, `execute`), then, in its savepoint
 * (`readCompiledPayloads`), each such payload object is read by the id and tenant of the row the
 * payload holds, in one statement (read-your-writes), with the authorization decisions the
 * compiler makes for queries; graphql's execution resolves only their `__typename`. Null when the operation is not such a mutation: the caller executes it normally.
 */
export async function executeMutationWithCompiledPayloads(
  args: ExecutionArgs,
  context: RequestContext,
  relations: PlatformRelations,
  execute: (args: ExecutionArgs) => Promise<ExecutionResult>,
): Promise<ExecutionResult | null> {
  const tx = context.transaction;
  if (!context.actor || !tx) return null;
  const plan = planPayloads(args, context, relations);
  if (!plan) return null;
  const state: PendingPayloads = { args, relations, planned: plan.planned, read: new Map() };
  pending.set(context, state);
  let result: ExecutionResult;
  try {
    result = await execute({ ...args, document: plan.document });
  } finally {
    pending.delete(context);
  }
  let data = result.data as Record<string, unknown> | null | undefined;
  const errors = [...(result.errors ?? [])];
  const fragments = fragmentsOf(args.document);
  for (const planned of plan.planned) {
    const payload = data?.[planned.rootKey] as Record<string, unknown> | null | undefined;
    const key = planned.node.alias?.value ?? planned.node.name.value;
    if (!payload || payload[key] === null || payload[key] === undefined) continue;
    const read = state.read.get(pathKey(planned.rootKey, key));
    // The resolver gave an object the savepoint did not read (its payload held no row).
    if (!read) throw new Error(`The payload field ${planned.payloadType.name}.${key} was not read`);
    const holder: Record<string, unknown> = { [key]: read.value };
    // The payload's object may not be null: the null goes up, as graphql's execution takes it.
    const nullPayload = () => {
      if (!data) return;
      if (planned.rootNonNull) data = null;
      else data[planned.rootKey] = null;
    };
    if (holder[key] === null && planned.field.type instanceof GraphQLNonNull) {
      errors.push(
        new GraphQLError(
          `Cannot return null for non-nullable field ${planned.payloadType.name}.${planned.field.name}.`,
          { nodes: [planned.node], path: [planned.rootKey, key] },
        ),
      );
      nullPayload();
      continue;
    }
    if (read.refusals.length) {
      const answered = answerRefusals(
        holder,
        planned.payloadType,
        { kind: Kind.SELECTION_SET, selections: [planned.node] },
        fragments,
        read.refusals,
      );
      errors.push(...answered.errors.map((error) => underRoot(error, planned.rootKey)));
      if (!answered.data) {
        nullPayload();
        continue;
      }
    }
    payload[key] = holder[key];
  }
  const answer: ExecutionResult = { ...result, data };
  return errors.length ? { ...answer, errors } : answer;
}
