import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  getVariableValues,
  Kind,
} from 'graphql';
import type { Actor } from '../../auth/principal.ts';
import type { PlatformRelations } from '../../db/platform-schema.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { RequestContext } from '../request-context.ts';
import { COMPUTED_MARK, type CompileScope, type ComputedField, SelectionCompiler } from './compile-selection.ts';
import {
  COMPILED_NODE_READ_EXTENSION,
  COMPILED_OBJECT_READ_EXTENSION,
  COMPILED_VIEWER_READ_EXTENSION,
} from './compiled-root-read.ts';
import { RawJson, stringifyWithRawJson } from './raw-json-result.ts';
import { answerRefusals, type RefusedField } from './refused-fields.ts';

/** A statement's text split at its parameters, and each parameter: a constant, or a tenant id by position. */
interface CompiledStatement {
  parts: string[];
  params: ({ value: unknown } | { tenant: number })[];
}

export interface CompiledOperation {
  statements: [responseKey: string, statement: CompiledStatement | '__typename'][];
  computed: ComputedField[];
  /** The fields the statements refuse (marks in their JSON, answered as scope-auth's errors). */
  refusals: RefusedField[];
}

/** A compile, and whether it was decided for the caller's organisation, not only its roles. */
interface Compiled {
  operation: CompiledOperation | null;
  perOrganisation: boolean;
}

/** Replaces each computed field's marked row data in the statement's JSON by the field's value. */
export async function computeMarked(value: unknown, computed: ComputedField[], context: unknown): Promise<unknown> {
  // Every computed field of the answer at once, so the loaders they use batch as under graphql.
  const pending: Promise<void>[] = [];
  const visit = (holder: Record<string, unknown> | unknown[], key: string | number) => {
    const item = (holder as Record<string | number, unknown>)[key];
    if (item === null || typeof item !== 'object') return;
    if (Array.isArray(item)) {
      for (let index = 0; index < item.length; index += 1) visit(item, index);
      return;
    }
    const record = item as Record<string, unknown>;
    const mark = record[COMPUTED_MARK];
    if (typeof mark === 'number') {
      pending.push(
        computed[mark]!(record.source as Record<string, unknown>, context).then((result) => {
          (holder as Record<string | number, unknown>)[key] = result;
        }),
      );
      return;
    }
    for (const child of Object.keys(record)) visit(record, child);
  };
  const root = { value };
  visit(root, 'value');
  await Promise.all(pending);
  return root.value;
}

const dialect = new PgDialect();
// Compiled with stand-ins for the tenant ids, so one compile serves every tenant (random per
// process, so no argument can ever spell one).
const TENANT_STAND_IN = `\u0000tenant:${randomUUID()}:`;

/** Renders a compiled statement once, keeping where each parameter goes. */
function rendered(statement: SQL): CompiledStatement {
  const query = dialect.sqlToQuery(statement);
  const parts = query.sql.split(/\$\d+\b/);
  // The compiler writes no `$n` of its own; if anything did, do not cache a split we cannot trust.
  if (parts.length !== query.params.length + 1) throw new Error('unexpected parameter marks');
  return {
    parts,
    params: query.params.map((value) =>
      typeof value === 'string' && value.startsWith(TENANT_STAND_IN)
        ? { tenant: Number(value.slice(TENANT_STAND_IN.length)) }
        : { value },
    ),
  };
}

function bound(statement: CompiledStatement, tenantIds: readonly string[]): SQL {
  const chunks: SQL[] = [sql.raw(statement.parts[0]!)];
  statement.params.forEach((param, index) => {
    chunks.push(
      sql`${'tenant' in param ? tenantIds[param.tenant] : param.value}`,
      sql.raw(statement.parts[index + 1]!),
    );
  });
  return sql.join(chunks);
}

export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
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
function compileOperation(args: ExecutionArgs, actor: Actor, relations: PlatformRelations): Compiled {
  let compiler: SelectionCompiler | undefined;
  const operation = compileWith(args, actor, relations, (created) => {
    compiler = created;
  });
  return { operation, perOrganisation: compiler?.perOrganisation ?? false };
}

function compileWith(
  args: ExecutionArgs,
  actor: Actor,
  relations: PlatformRelations,
  created: (compiler: SelectionCompiler) => void,
): CompiledOperation | null {
  // A context widened by delegations is held only by the database (up to 10,000 schools), and
  // each read of a table evaluates its read policy over that whole context. So a page of
  // organisations reads its ids once and each of its lists for the whole page at once (a lookup
  // correlated with each row would pay the policy per row: 606-680 ms for a 10,000-school page
  // against 147-190 ms through the resolvers); an organisation read by id binds its lists to that
  // organisation's id, its children's lists to the children's ids (one shard on Citus, where the
  // resolvers' lateral join is refused); a page of a tenant table (a service agent's requests
  // across the tenants delegated to it) binds its rows to the request's tenants, each related row
  // to its parent row's tenant (Citus refuses the resolvers' lateral join from the LIMITed page to
  // its children).
  const widened = !actor.platformScope && actor.visibleTenantCount > 1;
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'query') return null;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (coerced.errors) return null;
  const queryType = args.schema.getQueryType();
  if (!queryType) return null;
  const scope: CompileScope = {
    fragments: fragmentsOf(args.document),
    variables: coerced.coerced,
    actor,
    // Platform admins run on the partnership-wide path, which sees every tenant by design.
    tenantIds: actor.platformScope ? null : widened ? 'known' : [`${TENANT_STAND_IN}0`],
  };
  const compiler = new SelectionCompiler(scope, relations);
  created(compiler);
  const roots: [key: string, root: SQL | '__typename', ctes: SQL[]][] = [];
  try {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (roots.some(([seen]) => seen === key)) return null;
      if (selection.name.value === '__typename') {
        roots.push([key, '__typename', []]);
        continue;
      }
      const field = queryType.getFields()[selection.name.value];
      if (!field) return null;
      const extensions = field.extensions ?? {};
      const written = compiler.ctes.length;
      const root =
        COMPILED_NODE_READ_EXTENSION in extensions
          ? compiler.rootNode(args.schema, field, selection)
          : COMPILED_VIEWER_READ_EXTENSION in extensions
            ? compiler.viewerObject(field, selection)
            : COMPILED_OBJECT_READ_EXTENSION in extensions
              ? compiler.rootObject(field, selection)
              : compiler.rootConnection(field, selection);
      roots.push([key, root, compiler.ctes.slice(written)]);
    }
  } catch {
    // Not expressible (NotCompilable), or arguments the field's own resolver refuses with a
    // proper error: either way the resolvers answer.
    return null;
  }
  // Without computed fields or refusals the answer is PostgreSQL's JSON text as it is (RawJson);
  // computed fields and refusals are filled in on the parsed value.
  const asText = compiler.computed.length === 0 && compiler.refusals.length === 0;
  const statements: CompiledOperation['statements'] = roots.map(([key, root, ctes]) => {
    if (root === '__typename') return [key, root];
    const withs = ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
    return [
      key,
      rendered(asText ? sql`${withs}select ${root}::text as result` : sql`${withs}select ${root} as result`),
    ];
  });
  return { statements, computed: compiler.computed, refusals: compiler.refusals };
}

// Per parsed document (yoga keeps one per query text), per what else shapes the statement: the
// operation, the variables, and who asks (scopes, platform path, how many tenants).
const compiledOperations = new WeakMap<DocumentNode, Map<string, Compiled>>();
const MAX_SHAPES_PER_DOCUMENT = 100;

/**
 * Compiles a query operation for `actor` to one SQL statement per root field, or null when the
 * compiler does not take it (the resolvers then answer). Cached per document and shape.
 */
export function compileRead(args: ExecutionArgs, actor: Actor, relations: PlatformRelations): CompiledOperation | null {
  const key = JSON.stringify([
    args.operationName ?? null,
    args.variableValues ?? null,
    actor.roles,
    actor.platformScope,
    actor.visibleTenantCount > 1,
  ]);
  let shapes = compiledOperations.get(args.document);
  if (!shapes) {
    shapes = new Map();
    compiledOperations.set(args.document, shapes);
  }
  // A compile that depended on the caller's organisation (a row rule decided for a fixed parent)
  // is kept per organisation; the shape's entry says so.
  const organisationKey = `${key}#${actor.organisationId}`;
  const cached = shapes.get(key);
  if (cached && !cached.perOrganisation) return cached.operation;
  const own = cached && shapes.get(organisationKey);
  if (own) return own.operation;
  const compiled = compileOperation(args, actor, relations);
  if (shapes.size >= MAX_SHAPES_PER_DOCUMENT) shapes.clear();
  shapes.set(key, compiled);
  if (compiled.perOrganisation) shapes.set(organisationKey, compiled);
  return compiled.operation;
}

/** The statements of a compiled operation, in order, bound to the caller's own organisation. */
export function compiledReadStatements(compiled: CompiledOperation, organisationId: string): SQL[] {
  // The one stand-in a statement may hold is the caller's own organisation.
  const tenantIds = [organisationId];
  const statements: SQL[] = [];
  for (const [, statement] of compiled.statements) {
    if (statement !== '__typename') statements.push(bound(statement, tenantIds));
  }
  return statements;
}

/**
 * The operation's answer from its statements' rows (as `compiledReadStatements` listed them),
 * the computed fields computed on them with `context`.
 */
export async function answerCompiledRead(
  compiled: CompiledOperation,
  rows: readonly Record<string, unknown>[][],
  args: ExecutionArgs,
  context: RequestContext,
): Promise<ExecutionResult> {
  const data: Record<string, unknown> = {};
  const queryType = args.schema.getQueryType()!;
  let next = 0;
  for (const [key, statement] of compiled.statements) {
    if (statement === '__typename') {
      data[key] = queryType.name;
      continue;
    }
    const result = rows[next]?.[0]?.result ?? null;
    next += 1;
    if (compiled.computed.length) data[key] = await computeMarked(result, compiled.computed, context);
    else data[key] = typeof result === 'string' ? new RawJson(result) : result;
  }
  if (compiled.refusals.length) {
    const operation = getOperationAST(args.document, args.operationName)!;
    const answered = answerRefusals(
      data,
      queryType,
      operation.selectionSet,
      fragmentsOf(args.document),
      compiled.refusals,
    );
    return answered.errors.length ? { data: answered.data, errors: answered.errors } : { data: answered.data };
  }
  // Yoga serialises a result with its own `stringify` (see RawJson).
  return compiled.computed.length ? { data } : ({ data, stringify: stringifyWithRawJson } as ExecutionResult);
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
  relations: PlatformRelations,
): Promise<ExecutionResult | null> {
  const actor = context.actor;
  const tx = context.transaction;
  if (!actor || !tx) return null;
  const compiled = compileRead(args, actor, relations);
  if (!compiled) return null;
  const rows: Record<string, unknown>[][] = [];
  for (const statement of compiledReadStatements(compiled, actor.organisationId)) {
    rows.push(await queryRows(tx, statement));
  }
  return answerCompiledRead(compiled, rows, args, context);
}
