import { type Column, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  type GraphQLSchema,
  getArgumentValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Actor } from '../../auth/principal.ts';
import { listRuleOf, mayListUnder, mayReadType, readRuleOfType, rowReadRuleOf } from '../../auth/read-access.ts';
import type { PlatformRelations } from '../../db/platform-schema.ts';
import { encodeGlobalId, tryDecodeGlobalId } from '../global-id.ts';
import {
  COMPILED_NODE_READ_EXTENSION,
  COMPILED_OBJECT_READ_EXTENSION,
  COMPILED_READ_EXTENSION,
  COMPILED_VIEWER_READ_EXTENSION,
  COMPUTED_FROM_ROW_EXTENSION,
  type ColumnCondition,
  type CompiledNodeRead,
  type CompiledObjectRead,
  type CompiledRootRead,
  type CompiledViewerRead,
} from './compiled-root-read.ts';
import { drizzleCursor, pagingOrder, parseDrizzleCursor } from './connection-cursors.ts';
import { type RefusedField, refusedMark } from './refused-fields.ts';
import { scopesAllow } from './scope-check.ts';

/**
 * What the statement's text fixes about a row: its id, its tenant (a root field read by id), or
 * the ids of the rows it is among (a root page, as a select of their ids).
 */
interface Known {
  id: string | null;
  tenant: string | null;
  among?: SQL;
  /**
   * In a widened context, the row's tenant is bound in the statement by its own condition: a root
   * page's rows to the request's tenants, a related row to its parent row's tenant (the relation
   * joins on tenant_id).
   */
  rowTenant?: boolean;
  /** The common table expression holding the rows of the root page (`among` is their ids). */
  pageRows?: string;
}

const UNKNOWN: Known = { id: null, tenant: null };

/** Thrown inside the compiler when a selection holds something it does not express. */
export class NotCompilable extends Error {}

function decline(why: string): never {
  throw new NotCompilable(why);
}

interface TableEntry {
  table: Record<string, unknown>;
  name: string;
  relations: Record<string, RelationEntry>;
}

interface RelationEntry {
  relationType: 'one' | 'many';
  targetTableName: string;
  sourceColumns: { _: { key: string } }[];
  targetColumns: { _: { key: string } }[];
  where: unknown;
  throughTable?: unknown;
}

/** What one compile needs: the document's fragments and variables, and who is asking. */
export interface CompileScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  actor: Actor;
  /**
   * How tenant tables are bound: null on the platform path (every tenant); the caller's own
   * organisation; or, for a context widened by delegations, `'known'`: each tenant table is bound
   * to the tenant its parent fixes in the statement's text (an organisation read by id), and
   * anything else is left to the resolvers.
   */
  tenantIds: readonly [string] | 'known' | null;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GraphQL name as a SQL string literal (names are restricted to [_A-Za-z0-9], so no quoting issue). */
function nameLiteral(name: string): SQL {
  if (!NAME.test(name)) decline(`unexpected name ${name}`);
  return sql.raw(`'${name}'`);
}

function column(alias: string, table: TableEntry, key: string): { sql: SQL; column: Column } {
  const found = table.table[key] as Column | undefined;
  if (!found || typeof found !== 'object' || !('columnType' in found)) decline(`no column ${key} on ${table.name}`);
  return { sql: sql`${sql.identifier(alias)}.${sql.identifier(found.name)}`, column: found };
}

/**
 * A relation's own filter as conditions on its rows (aliased `alias`). The compiler writes the one
 * form the relations use, a `RAW` condition over the target's columns (the records' newest
 * version); any other filter is not expressed here and the resolvers answer.
 */
function relationFilter(relation: { where?: unknown }, target: TableEntry, alias: string): SQL[] {
  const filter = relation.where;
  if (filter === undefined || typeof filter === 'symbol') return [];
  const raw = (filter as { RAW?: unknown }).RAW;
  if (Object.keys(filter as object).length !== 1 || typeof raw !== 'function') decline('relation filter');
  const columns = new Proxy({} as Record<string, SQL>, {
    get: (_, key) => (typeof key === 'string' ? column(alias, target, key).sql : undefined),
  });
  return [sql`(${(raw as (table: Record<string, SQL>) => SQL)(columns)})`];
}

function unwrap(type: GraphQLOutputType): { named: GraphQLOutputType; list: boolean } {
  let current = type;
  let list = false;
  while (current instanceof GraphQLNonNull || current instanceof GraphQLList) {
    if (current instanceof GraphQLList) {
      if (list) decline('nested lists');
      list = true;
    }
    current = current.ofType;
  }
  return { named: current, list };
}

interface Extensions {
  pothosOptions?: { authScopes?: unknown; grantScopes?: unknown; skipTypeScopes?: unknown };
  pothosExposedField?: string;
  pothosDrizzleSelect?: unknown;
  pothosDrizzleModel?: string;
  pothosDrizzleTotalCount?: boolean;
  [COMPILED_READ_EXTENSION]?: CompiledRootRead;
  [COMPILED_OBJECT_READ_EXTENSION]?: CompiledObjectRead;
  [COMPILED_VIEWER_READ_EXTENSION]?: CompiledViewerRead;
  [COMPILED_NODE_READ_EXTENSION]?: CompiledNodeRead;
}

function extensionsOf(thing: { extensions?: unknown }): Extensions {
  return (thing.extensions ?? {}) as Extensions;
}

/** Whether scope-auth lets the caller through the scope map of a type or field; what it does not read, declined. */
function scopesDecision(thing: { extensions?: unknown }, scope: CompileScope): boolean {
  const options = extensionsOf(thing).pothosOptions;
  if (options?.grantScopes !== undefined || options?.skipTypeScopes !== undefined) decline('scope grants');
  const allowed = scopesAllow(options?.authScopes, scope.actor);
  if (allowed === undefined) decline('scopes');
  return allowed;
}

function checkScopes(thing: { extensions?: unknown }, scope: CompileScope): void {
  // Refused: where no refusal is written in the statement, the resolvers answer, and scope-auth says why.
  if (!scopesDecision(thing, scope)) decline('scopes');
}

/** The fields a selection set asks of `type`, by response key (fragments folded in). */
export function collectFields(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  scope: Pick<CompileScope, 'fragments'>,
  into: Map<string, FieldNode> = new Map(),
): Map<string, FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) decline('directives');
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const earlier = into.get(key);
      if (earlier) {
        // One field asked twice under one key (validation has made them the same field with the
        // same arguments): one value, its sub-selections merged in order, as graphql merges them.
        if (earlier.selectionSet && selection.selectionSet) {
          into.set(key, {
            ...earlier,
            selectionSet: {
              ...earlier.selectionSet,
              selections: [...earlier.selectionSet.selections, ...selection.selectionSet.selections],
            },
          });
        } else if (earlier.selectionSet || selection.selectionSet) decline('repeated response key');
        continue;
      }
      into.set(key, selection);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : (scope.fragments[selection.name.value] ?? decline('fragment'));
    const condition = fragment.typeCondition?.name.value;
    if (condition && condition !== type.name && !type.getInterfaces().some((iface) => iface.name === condition)) {
      continue;
    }
    collectFields(type, fragment.selectionSet, scope, into);
  }
  return into;
}

function stringLiteralOrder(table: TableEntry, alias: string, orderBy: Record<string, unknown>): SQL {
  const parts = Object.entries(orderBy).map(([key, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') decline('order direction');
    return sql`${column(alias, table, key).sql} ${sql.raw(direction)}`;
  });
  if (parts.length === 0) decline('no order');
  return sql.join(parts, sql`, `);
}

/** A connection's sub-selection: what of nodes, edges, pageInfo and totalCount is asked. */
interface ConnectionAsk {
  fields: [string, SQL | 'nodes' | 'edges' | 'totalCount'][];
  nodeType: GraphQLObjectType;
  nodeSelection: SelectionSetNode | null;
  edgeKeys: [string, 'node' | SQL][] | null;
  /** Whether an edge's cursor or the page's start or end cursor is asked (each row's cursor is then read). */
  cursors: boolean;
}

/**
 * How a page is paged, for its cursors and pageInfo: the alias of its rows (each with its
 * position `n` and its cursor `c`), and whether it starts after a cursor.
 */
interface Paging {
  rows: string;
  after: boolean;
}

/** A computed field's value from the row data its `select` read (the field's own resolver, then its sub-selection). */
export type ComputedField = (source: Record<string, unknown>, context: unknown) => Promise<unknown>;

/** Where a computed field's row data sits in the statement's JSON, until it is computed. */
export const COMPUTED_MARK = '$computed';

export class SelectionCompiler {
  #aliases = 0;
  /** The computed fields of this compile, by the index their marks carry. */
  readonly computed: ComputedField[] = [];

  readonly #registry: Record<string, TableEntry>;

  constructor(
    private readonly scope: CompileScope,
    relations: PlatformRelations,
  ) {
    this.#registry = relations as unknown as Record<string, TableEntry>;
  }

  #alias(): string {
    this.#aliases += 1;
    return `s${this.#aliases}`;
  }

  /**
   * `and tenant_id = ...` for a tenant table: bound to the caller's organisation, and to the
   * tenant the statement fixes (in a widened context, that one alone must be there).
   */
  #tenantBound(alias: string, table: TableEntry, target: Pick<Known, 'tenant' | 'rowTenant'>): SQL[] {
    if (!('tenantId' in table.table)) return [];
    const tenantId = column(alias, table, 'tenantId').sql;
    const knownTenant = target.tenant;
    // The tenant the statement's text fixes, on every path (the platform's too): one shard.
    const known = knownTenant === null ? [] : [sql`${tenantId} = ${knownTenant}::uuid`];
    if (this.scope.tenantIds === null) return known;
    if (this.scope.tenantIds === 'known') {
      if (known.length || target.rowTenant) return known;
      decline('tenant not fixed');
    }
    return [sql`${tenantId} = ${this.scope.tenantIds[0]}::uuid`, ...known];
  }

  /**
   * The statement's common table expressions (a page's lists read for the whole page at once),
   * in order; each root field's statement takes those written while it was compiled.
   */
  readonly ctes: SQL[] = [];

  /** What a relation's target rows share with a parent the statement fixes: the tenant they are bound to. */
  #knownTarget(relation: RelationEntry, table: TableEntry, known: Known): Known {
    let tenant: string | null = null;
    let id: string | null = null;
    let rowTenant = false;
    relation.sourceColumns.forEach((source, index) => {
      // A tenant row's organisation (the registry row its tenant_id names): its id is that tenant.
      const targetTable = this.#registry[relation.targetTableName];
      if (
        source._.key === 'tenantId' &&
        relation.targetColumns[index]?._.key === 'id' &&
        targetTable &&
        !('tenantId' in targetTable.table)
      ) {
        id = known.tenant;
      }
      if (relation.targetColumns[index]?._.key !== 'tenantId') return;
      if (source._.key === 'tenantId') {
        tenant = known.tenant;
        rowTenant = known.rowTenant === true;
      } else if (source._.key === 'id' && !('tenantId' in table.table)) tenant = known.id;
    });
    return { id, tenant, ...(rowTenant ? { rowTenant } : {}), ...this.#amongTarget(relation, table, known) };
  }

  /**
   * The ids a relation's target rows are among when their parents are among a root page, for a
   * relation between tables without tenants (an organisation's children, its parent): a select of
   * every target row of any parent in the page (more than the children's pages hold, which is
   * harmless: the lists read for them are looked up by each one's id).
   */
  #amongTarget(relation: RelationEntry, table: TableEntry, known: Known): { among?: SQL } {
    if (!known.among || relation.sourceColumns.length !== 1 || relation.throughTable) return {};
    const target = this.#registry[relation.targetTableName];
    if (!target || 'tenantId' in table.table || 'tenantId' in target.table) return {};
    const sourceKey = relation.sourceColumns[0]!._.key;
    const targetKey = relation.targetColumns[0]?._.key;
    if (!targetKey) return {};
    const alias = this.#alias();
    const parents =
      sourceKey === 'id'
        ? known.among
        : sql`select ${column(alias, table, sourceKey).sql} from ${sql.identifier(tableName(table))} as ${sql.identifier(alias)} where ${column(alias, table, 'id').sql} in (${known.among})`;
    const rows = this.#alias();
    return {
      among: sql`select ${column(rows, target, 'id').sql} from ${sql.identifier(tableName(target))} as ${sql.identifier(rows)} where ${column(rows, target, targetKey).sql} in (${parents})`,
    };
  }

  /**
   * For a relation between registry rows under a page of the registry in a widened context (the
   * parents among the page's ids), the relation's one column on each side; null otherwise.
   */
  #widenedRegistryKey(
    relation: RelationEntry,
    table: TableEntry,
    target: TableEntry,
    known: Known,
  ): { source: string; target: string } | null {
    if (this.scope.tenantIds !== 'known' || !known.among) return null;
    if (relation.sourceColumns.length !== 1 || relation.throughTable) return null;
    if ('tenantId' in table.table || 'tenantId' in target.table) return null;
    const targetKey = relation.targetColumns[0]?._.key;
    return targetKey ? { source: relation.sourceColumns[0]!._.key, target: targetKey } : null;
  }

  /**
   * The ids of the rows a page of a relation between registry rows holds (an organisation's
   * children), for the lists read for that whole page at once (#hoistedConnection): the page of a
   * parent the statement fixes by id (the viewer's organisation, `organisation(id:)`), or each
   * parent's page under a root page. Exactly the page's rows (its order, filters and `first + 1`),
   * so those lists read the tenants the answer shows and no other (a county's 566 schools are
   * not all read for a page of 10). Null when the parents are not fixed so.
   */
  #pageAmong(
    relation: RelationEntry,
    target: TableEntry,
    known: Known,
    page: { filters: SQL[]; childAlias: string; orderBy: Record<string, unknown>; limit: number },
  ): SQL | null {
    if (relation.sourceColumns.length !== 1 || relation.throughTable || 'tenantId' in target.table) return null;
    if (relation.sourceColumns[0]!._.key !== 'id') return null;
    const targetKey = relation.targetColumns[0]?._.key;
    if (!targetKey || (known.id === null && !known.among)) return null;
    // The page's filters are written over the child's alias: the ids are read under that alias.
    const rows = sql.identifier(page.childAlias);
    const from = sql`${sql.identifier(tableName(target))} as ${rows}`;
    const parentKey = column(page.childAlias, target, targetKey).sql;
    const id = column(page.childAlias, target, 'id').sql;
    const order = stringLiteralOrder(target, page.childAlias, page.orderBy);
    const limit = sql.raw(String(page.limit));
    if (known.id !== null) {
      const where = sql.join([sql`${parentKey} = ${known.id}::uuid`, ...page.filters], sql` and `);
      return sql`select ${id} from ${from} where ${where} order by ${order} limit ${limit}`;
    }
    const where = sql.join([sql`${parentKey} in (${known.among})`, ...page.filters], sql` and `);
    const ranked = sql.identifier(this.#alias());
    return sql`select ${ranked}."id" from (select ${id} as "id", row_number() over (partition by ${parentKey} order by ${order}) as "n" from ${from} where ${where}) as ${ranked} where ${ranked}."n" <= ${limit}`;
  }

  /**
   * The JSON object for one row of `table` (aliased `alias`) as `type` with this selection;
   * `known` is what the statement's text fixes about the row.
   */
  object(
    type: GraphQLObjectType,
    table: TableEntry,
    alias: string,
    selectionSet: SelectionSetNode,
    known: Known = UNKNOWN,
  ): SQL {
    if (extensionsOf(type).pothosDrizzleModel !== table.name) decline(`type ${type.name} is not on ${table.name}`);
    const readable = this.#typeScopesAllow(type, known);
    const fields = collectFields(type, selectionSet, this.scope);
    if (fields.size > 50) decline('too many fields for json_build_object');
    const pairs: SQL[] = [];
    for (const [key, node] of fields) {
      // A type the caller may not read: scope-auth refuses each of its fields (not __typename).
      const value =
        readable || node.name.value === '__typename'
          ? this.#field(type, table, alias, node, known)
          : this.#refusal(type, node);
      pairs.push(sql`${nameLiteral(key)}, ${value}`);
    }
    return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
  }

  #field(type: GraphQLObjectType, table: TableEntry, alias: string, node: FieldNode, known: Known): SQL {
    const name = node.name.value;
    if (name === '__typename') return nameLiteral(type.name);
    const field = type.getFields()[name] ?? decline(`no field ${name}`);
    const scopes = this.#checkFieldScopes(field, known);
    if (scopes.ownParent) {
      // Written for the caller's own organisation only (the registry shows a caller seeing its
      // own organisation no other; the condition says so in the statement too).
      const own = (this.scope.tenantIds as readonly [string])[0];
      const value = scopes.refused
        ? this.#refusal(type, node)
        : this.#fieldValue(type, table, alias, node, known, field);
      return sql`(case when ${column(alias, table, 'id').sql} = ${own}::uuid then ${value} end)`;
    }
    if (scopes.refused) return this.#refusal(type, node);
    return this.#fieldValue(type, table, alias, node, known, field);
  }

  #fieldValue(
    type: GraphQLObjectType,
    table: TableEntry,
    alias: string,
    node: FieldNode,
    known: Known,
    field: GraphQLField<unknown, unknown>,
  ): SQL {
    const name = node.name.value;
    const extensions = extensionsOf(field);
    const args = getArgumentValues(field, node, this.scope.variables);

    if (name === 'id' && type.getInterfaces().some((iface) => iface.name === 'Node')) {
      // The Relay id the builder's encodeGlobalId writes: base64("Type:id"), on one line.
      const id = column(alias, table, 'id').sql;
      return sql`translate(encode(convert_to(${nameLiteral(type.name)} || ':' || ${id}::text, 'UTF8'), 'base64'), E'\n', '')`;
    }
    if (extensions.pothosExposedField && Object.keys(args).length === 0) {
      return this.#scalar(field, column(alias, table, extensions.pothosExposedField));
    }
    if (typeof extensions.pothosDrizzleSelect === 'function') {
      return this.#relation(field, table, alias, node, args, known);
    }
    if (extensions.pothosDrizzleSelect && typeof extensions.pothosDrizzleSelect === 'object') {
      return this.#computed(field, table, alias, node, args, known);
    }
    decline(`field ${type.name}.${name} has its own resolver`);
  }

  /**
   * A field's scopes; a list field's rule function (`listableBy`) is decided here from the rule
   * it declares: by the caller's roles and, when the rule narrows by row, by the parent the
   * statement fixes (the statement then depends on the caller's organisation: `perOrganisation`).
   */
  #checkFieldScopes(field: GraphQLField<unknown, unknown>, known: Known): { refused: boolean; ownParent: boolean } {
    const listRule = listRuleOf(field);
    const options = extensionsOf(field).pothosOptions;
    if (!listRule || typeof options?.authScopes !== 'function') {
      return { refused: !scopesDecision(field, this.scope), ownParent: false };
    }
    if (options.grantScopes !== undefined || options.skipTypeScopes !== undefined) decline('scope grants');
    const actor = this.scope.actor;
    // Refused: the statement writes the refusal; not decidable here: the resolvers answer.
    const decided = (allowed: boolean | undefined): boolean => allowed ?? decline('list rule');
    if (!listRule.rule.row || actor.platformScope) {
      return { refused: !decided(mayListUnder(listRule, actor, null)), ownParent: false };
    }
    this.perOrganisation = true;
    if (known.id !== null) {
      return { refused: !decided(mayListUnder(listRule, actor, { id: known.id })), ownParent: false };
    }
    // A caller seeing its own organisation alone sees no other organisation (the registry's read
    // policy): the parent is its own, decided so, and the field is written for that parent only.
    if (!Array.isArray(this.scope.tenantIds)) decline('list rule for an unknown parent');
    return { refused: !decided(mayListUnder(listRule, actor, { id: actor.organisationId })), ownParent: true };
  }

  /** The refusals this compile wrote, by the index their marks carry. */
  readonly refusals: RefusedField[] = [];

  /** scope-auth's refusal of `type`'s field `node`, written in the statement as a mark (see refused-fields.ts). */
  #refusal(type: GraphQLObjectType, node: FieldNode): SQL {
    this.refusals.push({ typeName: type.name, fieldName: node.name.value, node });
    return refusedMark(this.refusals.length - 1);
  }

  /**
   * A type's scopes; a row rule (`rowReadableBy`) that reads only the row's tenant is decided
   * for the tenant the statement binds the rows to (the statement then depends on the caller's
   * organisation: `perOrganisation`).
   */
  #typeScopesAllow(type: GraphQLObjectType, known: Known): boolean {
    const rule = rowReadRuleOf(type);
    const options = extensionsOf(type).pothosOptions;
    if (!rule || typeof options?.authScopes !== 'function') return scopesDecision(type, this.scope);
    if (options.grantScopes !== undefined || options.skipTypeScopes !== undefined) decline('scope grants');
    const actor = this.scope.actor;
    if (!mayReadType(rule, actor)) return false;
    if (actor.platformScope || !rule.row) return true;
    const columns = rule.rowColumns ?? [];
    if (columns.length !== 1 || columns[0] !== 'tenantId') decline('row rule');
    // The rows' tenant: the one the statement fixes, or the caller's own, which every tenant
    // table of the statement is bound to when the caller sees its own organisation alone.
    const tenant = known.tenant ?? (Array.isArray(this.scope.tenantIds) ? actor.organisationId : null);
    if (tenant === null) decline('row rule');
    this.perOrganisation = true;
    return rule.row({ tenantId: tenant }, actor);
  }

  /** Whether the statements depend on the caller's own organisation (not only its roles). */
  perOrganisation = false;

  #scalar(field: GraphQLField<unknown, unknown>, target: { sql: SQL; column: Column }): SQL {
    const { named, list } = unwrap(field.type);
    if (list) decline('list scalar');
    const columnType = target.column.columnType;
    if (named instanceof GraphQLEnumType) {
      if (columnType !== 'PgEnumColumn' && columnType !== 'PgText') decline('enum column type');
      const cases = named.getValues().map((value) => {
        if (typeof value.value !== 'string') decline('enum value');
        // The schema's own values, written as literals so the statement text is fixed.
        return sql`when ${sql.raw(`'${value.value.replaceAll("'", "''")}'`)} then ${nameLiteral(value.name)}`;
      });
      return sql`(case ${target.sql}::text ${sql.join(cases, sql` `)} end)`;
    }
    if (!(named instanceof GraphQLScalarType)) decline('object without relation');
    switch (named.name) {
      case 'DateTime':
        if (columnType !== 'PgTimestamp') decline('DateTime column type');
        // Date#toISOString: UTC, milliseconds, `Z`.
        return sql`to_char(${target.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'String':
      case 'ID':
        // A date column read as a string (`mode: 'string'`): PostgreSQL's text, YYYY-MM-DD, as drizzle gives it.
        if (!['PgText', 'PgVarchar', 'PgChar', 'PgUUID', 'PgEnumColumn', 'PgDateString'].includes(columnType)) {
          decline('string type');
        }
        return sql`${target.sql}::text`;
      case 'Int':
        if (!['PgInteger', 'PgSmallInt'].includes(columnType)) decline('int type');
        return target.sql;
      case 'Boolean':
        if (columnType !== 'PgBoolean') decline('boolean type');
        return target.sql;
      case 'JSON':
        // The stored document as it is (jsonb's own normal form, as drizzle reads it back).
        if (columnType !== 'PgJsonb') decline('JSON column type');
        return target.sql;
      default:
        decline(`scalar ${named.name}`);
    }
  }

  /**
   * A relation field: asks the drizzle plugin's own select for the field (so the field's `query`,
   * its order and page size, are the ones the resolvers would use), then writes a correlated
   * subquery joined on the relation's columns (tenant_id among them) and bound to the tenants.
   */
  #relation(
    field: GraphQLField<unknown, unknown>,
    table: TableEntry,
    alias: string,
    node: FieldNode,
    args: Record<string, unknown>,
    known: Known,
  ): SQL {
    const select = extensionsOf(field).pothosDrizzleSelect as (...input: unknown[]) => unknown;
    const connectionKeys = new Set<string>();
    let nested: { query: Record<string, unknown>; connection: boolean } | undefined;
    const planned = select(
      args,
      {},
      (query: Record<string, unknown>, options?: { paths?: unknown }) => {
        nested = { query: query ?? {}, connection: options?.paths !== undefined };
        return {};
      },
      () => connectionKeys,
      undefined,
    ) as { with?: Record<string, unknown>; extras?: Record<string, unknown>; columns?: Record<string, unknown> };
    if (!planned || typeof planned !== 'object' || 'then' in planned) decline('async select');
    const relationNames = Object.keys(planned.with ?? {});
    if (relationNames.length !== 1 || !nested) decline('select is not one relation');
    if (Object.keys(planned.columns ?? {}).length > 0) decline('relation selects parent columns');
    const relationName = relationNames[0]!;
    const relation = table.relations[relationName] ?? decline(`no relation ${relationName}`);
    if (relation.throughTable) decline('through table');
    const target = this.#registry[relation.targetTableName] ?? decline('target table');
    const { named, list } = unwrap(field.type);
    if (!(named instanceof GraphQLObjectType)) decline('relation type');
    const childAlias = this.#alias();
    const conditions = relation.sourceColumns.map((source, index) => {
      const targetKey = relation.targetColumns[index]?._.key ?? decline('relation columns');
      return sql`${column(childAlias, target, targetKey).sql} = ${column(alias, table, source._.key).sql}`;
    });
    const targetKnown = this.#knownTarget(relation, table, known);
    const {
      orderBy,
      limit,
      columns,
      where: queryWhere,
      ...rest
    } = nested.query as {
      orderBy?: unknown;
      limit?: unknown;
      columns?: object;
      where?: unknown;
    };
    // Written where the rows are read correlated with their parent (not for a list read for a
    // whole page at once, whose rows are bound by the page's ids instead).
    const where = () =>
      sql.join(
        [
          ...conditions,
          ...this.#tenantBound(childAlias, target, targetKnown),
          ...relationFilter(relation, target, childAlias),
          ...queryFilter(queryWhere, target, childAlias),
        ],
        sql` and `,
      );
    // A connection's columns are its cursor's, which the compiler does not write.
    const extra = Object.keys(rest);
    if (!nested.connection && columns && Object.keys(columns).length) decline('relation columns');
    if (nested.connection) {
      // Paged forward (first, after); the plugin's own query carries the cursor's keyset filter.
      if (args.before != null || args.last != null) decline('cursor arguments');
      if (typeof limit !== 'number' || extra.length) decline('connection query');
      const pageAmong = this.#pageAmong(relation, target, known, {
        filters: [...relationFilter(relation, target, childAlias), ...queryFilter(queryWhere, target, childAlias)],
        childAlias,
        orderBy: (orderBy ?? {}) as Record<string, unknown>,
        limit,
      });
      if (pageAmong) targetKnown.among = pageAmong;
      // Every tenant's rows (the platform path) under a page of organisations: Citus plans no
      // correlated subquery from the registry (a reference table) to a tenant table, so the
      // page's lists are read at once, grouped by tenant, and looked up by the parent's id.
      const byParentId =
        relation.sourceColumns.length === 1 &&
        relation.sourceColumns[0]!._.key === 'id' &&
        relation.targetColumns[0]?._.key === 'tenantId';
      // So too in a widened context (a page of its organisations): each list bound to the page's ids.
      const pageWide = this.scope.tenantIds === null || this.scope.tenantIds === 'known';
      if (pageWide && known.among && byParentId && !('tenantId' in table.table)) {
        if (args.after != null) decline('a cursor for every parent of a page');
        const cte = this.#hoistedConnection(named, target, childAlias, node, {
          where: sql.join(
            [
              sql`${column(childAlias, target, 'tenantId').sql} in (${known.among})`,
              ...relationFilter(relation, target, childAlias),
              ...queryFilter(queryWhere, target, childAlias),
            ],
            sql` and `,
          ),
          orderBy: stringLiteralOrder(target, childAlias, (orderBy ?? {}) as Record<string, unknown>),
          first: limit - 1,
        });
        const found = this.#alias();
        return sql`coalesce((select ${sql.identifier(found)}.v from ${sql.identifier(cte.name)} as ${sql.identifier(found)} where ${sql.identifier(found)}.k = ${column(alias, table, 'id').sql}), ${cte.empty})`;
      }
      // A page of the registry in a widened context: the registry's read policy is evaluated once
      // per scan of the registry, so a subquery correlated with each row of the page would pay it
      // per row (10,000 schools: 7.6 ms a row). Each parent's page of registry rows (its children)
      // is read for the whole page at once instead, partitioned by the parent they belong to.
      const registryKey = this.#widenedRegistryKey(relation, table, target, known);
      if (registryKey) {
        if (args.after != null) decline('a cursor for every parent of a page');
        const cte = this.#hoistedConnection(
          named,
          target,
          childAlias,
          node,
          {
            where: sql.join(
              [
                sql`${column(childAlias, target, registryKey.target).sql} in (${known.among})`,
                ...relationFilter(relation, target, childAlias),
                ...queryFilter(queryWhere, target, childAlias),
              ],
              sql` and `,
            ),
            orderBy: stringLiteralOrder(target, childAlias, (orderBy ?? {}) as Record<string, unknown>),
            first: limit - 1,
          },
          { key: registryKey.target, known: targetKnown },
        );
        const found = this.#alias();
        return sql`coalesce((select ${sql.identifier(found)}.v from ${sql.identifier(cte.name)} as ${sql.identifier(found)} where ${sql.identifier(found)}.k = ${column(alias, table, registryKey.source).sql}), ${cte.empty})`;
      }
      return this.#connection(
        named,
        target,
        childAlias,
        node,
        {
          from: sql`${sql.identifier(tableName(target))} as ${sql.identifier(childAlias)}`,
          where: where(),
          orderBy: stringLiteralOrder(target, childAlias, (orderBy ?? {}) as Record<string, unknown>),
          first: limit - 1,
          // The plugin's order (with its tie-breaker), whose values its cursors hold.
          cursorKeys: Object.keys(orderBy ?? {}),
          after: args.after != null,
        },
        targetKnown,
      );
    }
    if (extra.length || limit !== undefined) decline('relation query');
    const selection = node.selectionSet ?? decline('relation without selection');
    const row = this.object(named, target, childAlias, selection, targetKnown);
    const registryKey = relation.relationType === 'one' && this.#widenedRegistryKey(relation, table, target, known);
    if (registryKey) {
      // A row of a widened registry page's own registry row (its parent), read for the whole
      // page at once, for the same reason as its children (above).
      if (list) decline('one relation as list');
      const sources = this.#alias();
      const name = `c${this.ctes.length + 1}`;
      const matched = column(childAlias, target, registryKey.target).sql;
      this.ctes.push(
        sql`${sql.identifier(name)} as materialized (select ${matched} as k, ${row} as v from ${sql.identifier(tableName(target))} as ${sql.identifier(childAlias)} where ${matched} in (select ${column(sources, table, registryKey.source).sql} from ${known.pageRows ? sql.identifier(known.pageRows) : sql.identifier(tableName(table))} as ${sql.identifier(sources)} where ${column(sources, table, 'id').sql} in (${known.among}))${sql.join(relationFilter(relation, target, childAlias).map((condition) => sql` and ${condition}`))})`,
      );
      const found = sql.identifier(this.#alias());
      return sql`(select ${found}.v from ${sql.identifier(name)} as ${found} where ${found}.k = ${column(alias, table, registryKey.source).sql})`;
    }
    const from = sql`from ${sql.identifier(tableName(target))} as ${sql.identifier(childAlias)} where ${where()}`;
    if (relation.relationType === 'one') {
      if (list) decline('one relation as list');
      return sql`(select ${row} ${from} limit 1)`;
    }
    if (!list) decline('many relation as object');
    const order = orderBy
      ? sql` order by ${stringLiteralOrder(target, childAlias, orderBy as Record<string, unknown>)}`
      : sql``;
    return sql`(select coalesce(json_agg(${row}${order}), '[]'::json) ${from})`;
  }

  #connectionAsk(type: GraphQLObjectType, node: FieldNode, first: number, paging: Paging | null): ConnectionAsk {
    const fields = collectFields(type, node.selectionSet ?? decline('connection without selection'), this.scope);
    const ask: ConnectionAsk = {
      fields: [],
      nodeType: undefined as never,
      nodeSelection: null,
      edgeKeys: null,
      cursors: false,
    };
    const nodesField = type.getFields().nodes ?? decline('connection without nodes');
    const { named } = unwrap(nodesField.type);
    if (!(named instanceof GraphQLObjectType)) decline('connection node type');
    ask.nodeType = named;
    for (const [key, child] of fields) {
      const name = child.name.value;
      if (name === '__typename') {
        ask.fields.push([key, nameLiteral(type.name)]);
      } else if (name === 'nodes') {
        if (ask.nodeSelection) decline('nodes twice');
        ask.nodeSelection = child.selectionSet ?? decline('nodes without selection');
        ask.fields.push([key, 'nodes']);
      } else if (name === 'edges') {
        const edgeType = unwrap(type.getFields().edges!.type).named as GraphQLObjectType;
        ask.edgeKeys = [];
        for (const [edgeKey, edgeField] of collectFields(edgeType, child.selectionSet!, this.scope)) {
          if (edgeField.name.value === '__typename') ask.edgeKeys.push([edgeKey, nameLiteral(edgeType.name)]);
          else if (edgeField.name.value === 'node') {
            if (ask.nodeSelection) decline('node selected twice');
            ask.nodeSelection = edgeField.selectionSet ?? decline('node without selection');
            ask.edgeKeys.push([edgeKey, 'node']);
          } else if (edgeField.name.value === 'cursor' && paging) {
            ask.cursors = true;
            ask.edgeKeys.push([edgeKey, sql`${sql.identifier(paging.rows)}.c`]);
          } else decline(`edge field ${edgeField.name.value}`);
        }
        ask.fields.push([key, 'edges']);
      } else if (name === 'pageInfo') {
        ask.fields.push([key, this.#pageInfo(type, child, first, paging, ask)]);
      } else if (name === 'totalCount') {
        const totalCount = type.getFields().totalCount!;
        checkScopes(totalCount, this.scope);
        ask.fields.push([key, 'totalCount']);
      } else {
        decline(`connection field ${name}`);
      }
    }
    return ask;
  }

  /** pageInfo as the plugin answers it for a page paged forward (`first`, and `after` or not). */
  #pageInfo(type: GraphQLObjectType, node: FieldNode, first: number, paging: Paging | null, ask: ConnectionAsk): SQL {
    const pageInfoType = unwrap(type.getFields().pageInfo!.type).named as GraphQLObjectType;
    const pairs: SQL[] = [];
    const cursorAt = (end: 'first' | 'last') => {
      if (!paging) decline('cursor of a page read for a whole page of parents');
      ask.cursors = true;
      const rows = sql.identifier(paging.rows);
      const direction = sql.raw(end === 'first' ? 'asc' : 'desc');
      return sql`(array_agg(${rows}.c order by ${rows}.n ${direction}) filter (where ${rows}.n <= ${sql.raw(String(first))}))[1]`;
    };
    for (const [key, child] of collectFields(pageInfoType, node.selectionSet!, this.scope)) {
      const name = child.name.value;
      if (name === '__typename') pairs.push(sql`${nameLiteral(key)}, ${nameLiteral(pageInfoType.name)}`);
      else if (name === 'hasNextPage') pairs.push(sql`${nameLiteral(key)}, count(*) > ${sql.raw(String(first))}`);
      // Paged forward: something comes before exactly when the page starts after a cursor.
      else if (name === 'hasPreviousPage')
        pairs.push(sql`${nameLiteral(key)}, ${sql.raw(paging?.after ? 'true' : 'false')}`);
      else if (name === 'startCursor') pairs.push(sql`${nameLiteral(key)}, ${cursorAt('first')}`);
      else if (name === 'endCursor') pairs.push(sql`${nameLiteral(key)}, ${cursorAt('last')}`);
      else decline(`pageInfo field ${name}`);
    }
    return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
  }

  /**
   * A page: the first `first + 1` rows in order (the extra one only tells whether a next page
   * exists), each built as JSON where it is read, aggregated in order.
   */
  #connection(
    type: GraphQLObjectType,
    table: TableEntry,
    alias: string,
    node: FieldNode,
    page: {
      from: SQL;
      where: SQL;
      orderBy: SQL;
      first: number;
      cursorKeys: readonly string[];
      after: boolean;
      /** Where the connection's rows are counted, when the page is read from fewer (its own rows). */
      count?: { from: SQL; where: SQL };
    },
    known: Known = UNKNOWN,
  ): SQL {
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > 100) decline('page size');
    const pageRows = this.#alias();
    const ask = this.#connectionAsk(type, node, page.first, { rows: pageRows, after: page.after });
    const row = ask.nodeSelection ? this.object(ask.nodeType, table, alias, ask.nodeSelection, known) : sql`null`;
    // The rows a page after a cursor counts are the connection's, not the page's: left to the resolvers.
    if (page.after && ask.fields.some(([, value]) => value === 'totalCount')) decline('totalCount after a cursor');
    const cursor = ask.cursors ? sql`, ${this.#cursor(table, alias, page.cursorKeys)} as c` : sql``;
    const first = sql.raw(String(page.first));
    const inPage = sql`filter (where ${sql.identifier(pageRows)}.n <= ${first})`;
    const nodeJson = sql`${sql.identifier(pageRows)}.j`;
    const pairs = ask.fields.map(([key, value]) => {
      if (value === 'nodes') {
        return sql`${nameLiteral(key)}, coalesce(json_agg(${nodeJson} order by ${sql.identifier(pageRows)}.n) ${inPage}, '[]'::json)`;
      }
      if (value === 'edges') {
        const edge = sql.join(
          (ask.edgeKeys ?? []).map(([edgeKey, edgeValue]) =>
            edgeValue === 'node'
              ? sql`${nameLiteral(edgeKey)}, ${nodeJson}`
              : sql`${nameLiteral(edgeKey)}, ${edgeValue}`,
          ),
          sql`, `,
        );
        return sql`${nameLiteral(key)}, coalesce(json_agg(json_build_object(${edge}) order by ${sql.identifier(pageRows)}.n) ${inPage}, '[]'::json)`;
      }
      if (value === 'totalCount') {
        const counted = page.count ?? page;
        return sql`${nameLiteral(key)}, (select count(*)::int from ${counted.from} where ${counted.where})`;
      }
      return sql`${nameLiteral(key)}, ${value}`;
    });
    const body = sql.join(pairs, sql`, `);
    return sql`(select json_build_object(${body}) from (select ${row} as j${cursor}, row_number() over (order by ${page.orderBy}) as n from ${page.from} where ${page.where} order by ${page.orderBy} limit ${sql.raw(String(page.first + 1))}) as ${sql.identifier(pageRows)})`;
  }

  /** A row's cursor: its ordering values read in the statement, encoded as the plugin encodes them once read. */
  #cursor(table: TableEntry, alias: string, keys: readonly string[]): SQL {
    if (keys.length === 0) decline('cursor without an order');
    const values = keys.map((key) => sourceValue(column(alias, table, key)));
    const index = this.computed.length;
    this.computed.push(async (source) =>
      drizzleCursor((source as unknown as unknown[]).map((value, position) => values[position]![1](value))),
    );
    return sql`json_build_object(${sql.raw(`'${COMPUTED_MARK}'`)}, ${sql.raw(String(index))}, 'source', json_build_array(${sql.join(
      values.map(([expression]) => expression),
      sql`, `,
    )}))`;
  }

  /**
   * The rows after a cursor in `order`, as the plugin's keyset filter: those where the first
   * ordering column that differs from the cursor's value is past it in the ordering's direction.
   */
  #afterCursor(table: TableEntry, alias: string, order: Record<string, 'asc' | 'desc'>, cursor: unknown): SQL {
    const keys = Object.keys(order);
    const values = parseDrizzleCursor(cursor, keys) ?? decline('cursor');
    const compared = (key: string) => {
      const target = column(alias, table, key);
      const value = values[key];
      if (value === null || value === undefined) decline('cursor with a null value');
      return { sql: target.sql, value: sql.param(value, target.column) };
    };
    const parts = keys.map((key, index) => {
      const earlier = keys.slice(0, index).map((previous) => {
        const { sql: target, value } = compared(previous);
        return sql`${target} = ${value}`;
      });
      const { sql: target, value } = compared(key);
      const past = sql`${target} ${sql.raw(order[key] === 'asc' ? '>' : '<')} ${value}`;
      return sql`(${sql.join([...earlier, past], sql` and `)})`;
    });
    return sql`(${sql.join(parts, sql` or `)})`;
  }

  /**
   * A page of a list for every parent of a root page at once, as a common table expression:
   * each parent's (tenant's) first `first + 1` rows in order, built as JSON, aggregated per
   * tenant (`k`, the connection `v`). Partitioned and grouped by `tenant_id`, the distribution
   * column: on Citus every shard answers for its tenants. `empty` is a parent's connection
   * without rows.
   */
  #hoistedConnection(
    type: GraphQLObjectType,
    table: TableEntry,
    alias: string,
    node: FieldNode,
    page: { where: SQL; orderBy: SQL; first: number },
    rowsOf: { key: string; known: Known } = {
      key: 'tenantId',
      // In a widened context the rows' tenants are bound by the page's condition (`tenant_id in`
      // the parents' ids), each related tenant row to its row's tenant (the relation joins on it).
      known: { id: null, tenant: null, ...(this.scope.tenantIds === 'known' ? { rowTenant: true } : {}) },
    },
  ): { name: string; empty: SQL } {
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > 100) decline('page size');
    const ask = this.#connectionAsk(type, node, page.first, null);
    const known = rowsOf.known;
    const row = ask.nodeSelection ? this.object(ask.nodeType, table, alias, ask.nodeSelection, known) : sql`null`;
    const rows = sql.identifier(alias);
    const first = sql.raw(String(page.first));
    const inPage = sql`filter (where ${rows}."__n" <= ${first})`;
    const pairs: SQL[] = [];
    const empty: SQL[] = [];
    for (const [key, value] of ask.fields) {
      if (value === 'nodes' || value === 'edges') {
        const item =
          value === 'nodes'
            ? row
            : sql`json_build_object(${sql.join(
                (ask.edgeKeys ?? []).map(([edgeKey, edgeValue]) =>
                  edgeValue === 'node'
                    ? sql`${nameLiteral(edgeKey)}, ${row}`
                    : sql`${nameLiteral(edgeKey)}, ${edgeValue}`,
                ),
                sql`, `,
              )})`;
        pairs.push(sql`${nameLiteral(key)}, coalesce(json_agg(${item} order by ${rows}."__n") ${inPage}, '[]'::json)`);
        empty.push(sql`${nameLiteral(key)}, '[]'::json`);
      } else if (value === 'totalCount') {
        pairs.push(sql`${nameLiteral(key)}, max(${rows}."__total")::int`);
        empty.push(sql`${nameLiteral(key)}, 0`);
      } else {
        pairs.push(sql`${nameLiteral(key)}, ${value}`);
        // pageInfo counts the rows it sees: none.
        empty.push(sql`${nameLiteral(key)}, ${value}`);
      }
    }
    const tenant = column(alias, table, rowsOf.key).sql;
    const name = `c${this.ctes.length + 1}`;
    // Materialised in a widened context: read once, not inlined into a lookup per parent row
    // (which would pay the read policy's tenant list per row).
    const materialized = this.scope.tenantIds === 'known' ? sql` materialized` : sql``;
    this.ctes.push(
      sql`${sql.identifier(name)} as${materialized} (select ${tenant} as k, json_build_object(${sql.join(pairs, sql`, `)}) as v from (select ${rows}.*, row_number() over (partition by ${tenant} order by ${page.orderBy}) as "__n", count(*) over (partition by ${tenant}) as "__total" from ${sql.identifier(tableName(table))} as ${rows} where ${page.where}) as ${rows} where ${rows}."__n" <= ${sql.raw(String(page.first + 1))} group by ${tenant})`,
    );
    // The same connection over no rows: one row (grouped as a whole) over an empty set, so that
    // pageInfo's count(*) is 0.
    return {
      name,
      empty: sql`(select json_build_object(${sql.join(empty, sql`, `)}) from (select 1 where false) as ${rows} group by ())`,
    };
  }

  /**
   * A field with a `select` and its own resolver (an SLA clock): the statement reads what the
   * select asks, shaped as drizzle would hand it over, and the resolver runs on that after the
   * statement, as it would have under the drizzle plugin.
   */
  #computed(
    field: GraphQLField<unknown, unknown>,
    table: TableEntry,
    alias: string,
    node: FieldNode,
    args: Record<string, unknown>,
    known: Known,
  ): SQL {
    const extensions = field.extensions as { pothosOriginalResolve?: unknown; pothosOptions?: { errors?: unknown } };
    const resolve = extensions.pothosOriginalResolve;
    if (typeof resolve !== 'function' || extensions.pothosOptions?.errors) decline('computed field resolver');
    // Only fields that say their value is a pure function of the row data they select: a resolver
    // that loads more (a dataloader, shared-read receipts) is left to graphql's execution.
    if ((field.extensions as Record<string, unknown>)[COMPUTED_FROM_ROW_EXTENSION] !== true)
      decline(`not pure: ${field.name}`);
    const source = this.#source(table, alias, extensionsOf(field).pothosDrizzleSelect as DrizzleSelect, known);
    if (source.joins.length) decline('row data joined at the root');
    const complete = this.#completer(field.type, node.selectionSet);
    const index = this.computed.length;
    this.computed.push(async (row, context) => {
      const value = await resolve(source.revive(row), args, context, undefined);
      return complete(value, context);
    });
    return sql`json_build_object(${sql.raw(`'${COMPUTED_MARK}'`)}, ${sql.raw(String(index))}, 'source', ${source.sql})`;
  }

  /** The row data a drizzle `select` names, keyed as drizzle keys it, and how to turn it back into drizzle's values. */
  #source(
    table: TableEntry,
    alias: string,
    select: DrizzleSelect,
    known: Known,
  ): { sql: SQL; joins: SQL[]; revive: (row: Record<string, unknown>) => Record<string, unknown> } {
    const { columns = {}, with: relationsAsked = {}, ...rest } = select;
    // Joined into the FROM of the subquery reading this table (see below).
    const joins: SQL[] = [];
    if (Object.keys(rest).some((key) => key !== 'orderBy')) decline('select with extras or filters');
    const all = Object.keys(columns).length === 0 && Object.keys(relationsAsked).length === 0;
    const keys = all
      ? Object.keys(table.table).filter((key) => {
          const value = table.table[key] as { columnType?: unknown } | undefined;
          return typeof value === 'object' && value !== null && 'columnType' in value;
        })
      : Object.entries(columns)
          .filter(([, wanted]) => wanted === true)
          .map(([key]) => key);
    const pairs: SQL[] = [];
    const revivers: [string, (value: unknown) => unknown][] = [];
    for (const key of keys) {
      const target = column(alias, table, key);
      const [expression, revive] = sourceValue(target);
      pairs.push(sql`${sql.raw(`'${key}'`)}, ${expression}`);
      revivers.push([key, revive]);
    }
    for (const [name, asked] of Object.entries(relationsAsked)) {
      const relation = table.relations[name] ?? decline(`no relation ${name}`);
      if (relation.throughTable) decline('relation');
      const target = this.#registry[relation.targetTableName] ?? decline('target table');
      const childAlias = this.#alias();
      const nested = asked === true ? {} : (asked as DrizzleSelect);
      const { columns: _columns, with: _with, orderBy: _orderBy, where: nestedWhere, limit, ...other } = nested;
      if (Object.keys(other).length) decline('related select with extras');
      if (limit !== undefined && (relation.relationType !== 'many' || !Number.isInteger(limit) || !nested.orderBy)) {
        decline('related select limit');
      }
      const targetKnown = this.#knownTarget(relation, table, known);
      const child = this.#source(
        target,
        childAlias,
        // A related table named without `columns` is read whole, as drizzle reads it (its own
        // relations beside it do not narrow it).
        { columns: nested.columns ?? everyColumn(target), with: nested.with ?? {} },
        targetKnown,
      );
      const conditions = relation.sourceColumns.map((sourceColumn, index) => {
        const targetKey = relation.targetColumns[index]?._.key ?? decline('relation columns');
        return sql`${column(childAlias, target, targetKey).sql} = ${column(alias, table, sourceColumn._.key).sql}`;
      });
      const where = sql.join(
        [
          ...conditions,
          ...this.#tenantBound(childAlias, target, targetKnown),
          ...relationFilter(relation, target, childAlias),
          // The select's own filter on the related rows, in the one form relations use (`RAW`).
          ...relationFilter({ where: nestedWhere }, target, childAlias),
        ],
        sql` and `,
      );
      const childFrom = sql`${sql.identifier(tableName(target))} as ${sql.identifier(childAlias)}${sql.join(child.joins)}`;
      const from = sql`from ${childFrom} where ${where}`;
      if (!NAME.test(name)) decline('relation name');
      const registryToRegistry = !('tenantId' in table.table) && !('tenantId' in target.table);
      if (relation.relationType === 'one' && registryToRegistry && this.scope.tenantIds === 'known') {
        // A page over several tenants is planned by Citus across shards, where a correlated
        // subquery inside one from a reference table is refused (an organisation's calendar under
        // a request's organisation): a reference row's own reference row is joined to it instead
        // (a many-to-one relation: at most one row).
        const matched = column(childAlias, target, relation.targetColumns[0]?._.key ?? decline('relation columns')).sql;
        joins.push(sql` left join ${child.joins.length ? sql`(${childFrom})` : childFrom} on ${where}`);
        pairs.push(sql`${sql.raw(`'${name}'`)}, (case when ${matched} is null then null else ${child.sql} end)`);
        revivers.push([name, (value) => (value === null ? null : child.revive(value as Record<string, unknown>))]);
      } else if (relation.relationType === 'one') {
        pairs.push(sql`${sql.raw(`'${name}'`)}, (select ${child.sql} ${from} limit 1)`);
        revivers.push([name, (value) => (value === null ? null : child.revive(value as Record<string, unknown>))]);
      } else {
        const orderBy = nested.orderBy
          ? stringLiteralOrder(target, childAlias, nested.orderBy as Record<string, unknown>)
          : null;
        const order = orderBy ? sql` order by ${orderBy}` : sql``;
        if (typeof limit === 'number' && orderBy) {
          // The first rows in order (a current version): limited in a subquery, aggregated in order.
          const limited = this.#alias();
          const rows = sql.identifier(limited);
          pairs.push(
            sql`${sql.raw(`'${name}'`)}, (select coalesce(json_agg(${rows}.j order by ${rows}.n), '[]'::json) from (select ${child.sql} as j, row_number() over (order by ${orderBy}) as n ${from} order by ${orderBy} limit ${sql.raw(String(limit))}) as ${rows})`,
          );
        } else {
          pairs.push(
            sql`${sql.raw(`'${name}'`)}, (select coalesce(json_agg(${child.sql}${order}), '[]'::json) ${from})`,
          );
        }
        revivers.push([name, (value) => (value as Record<string, unknown>[]).map((row) => child.revive(row))]);
      }
    }
    if (pairs.length === 0 || pairs.length > 50) decline('select size');
    return {
      sql: sql`json_build_object(${sql.join(pairs, sql`, `)})`,
      joins,
      revive: (row) => {
        const revived: Record<string, unknown> = {};
        for (const [key, revive] of revivers) revived[key] = revive(row[key]);
        return revived;
      },
    };
  }

  /** Completes a computed value for its sub-selection as graphql would, on plain (non-drizzle) types. */
  #completer(
    type: GraphQLOutputType,
    selectionSet: SelectionSetNode | undefined,
  ): (value: unknown, context: unknown) => Promise<unknown> {
    if (type instanceof GraphQLNonNull) return this.#completer(type.ofType, selectionSet);
    if (type instanceof GraphQLList) {
      const item = this.#completer(type.ofType, selectionSet);
      return async (value, context) =>
        value == null ? null : Promise.all([...(value as Iterable<unknown>)].map((entry) => item(entry, context)));
    }
    if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) {
      return async (value) => (value == null ? null : type.serialize(value));
    }
    if (!(type instanceof GraphQLObjectType) || !selectionSet) decline('computed type');
    if (extensionsOf(type).pothosDrizzleModel) return this.#rowCompleter(type, selectionSet);
    checkScopes(type, this.scope);
    const fields: [string, (parent: unknown, context: unknown) => Promise<unknown>][] = [];
    for (const [key, node] of collectFields(type, selectionSet, this.scope)) {
      const name = node.name.value;
      if (name === '__typename') {
        fields.push([key, async () => type.name]);
        continue;
      }
      const field = type.getFields()[name] ?? decline(`no field ${name}`);
      checkScopes(field, this.scope);
      const extensions = field.extensions as { pothosOriginalResolve?: unknown; pothosOptions?: { errors?: unknown } };
      if (extensions.pothosOptions?.errors) decline('field with typed errors');
      const resolve =
        typeof extensions.pothosOriginalResolve === 'function'
          ? (extensions.pothosOriginalResolve as (...input: unknown[]) => unknown)
          : (parent: unknown) => (parent as Record<string, unknown>)[name];
      const args = getArgumentValues(field, node, this.scope.variables);
      const complete = this.#completer(field.type, node.selectionSet);
      fields.push([key, async (parent, context) => complete(await resolve(parent, args, context, undefined), context)]);
    }
    return async (value, context) => {
      if (value == null) return null;
      const completed: Record<string, unknown> = {};
      const values = await Promise.all(fields.map(([, complete]) => complete(value, context)));
      fields.forEach(([key], index) => {
        completed[key] = values[index];
      });
      return completed;
    };
  }

  /**
   * Completes a drizzle row a computed field returned (the offering's current SLA version) for
   * a selection of what the row holds itself: `__typename`, the global id, exposed columns.
   * Anything else of the type (a relation, a computed field) is left to graphql's execution.
   */
  #rowCompleter(
    type: GraphQLObjectType,
    selectionSet: SelectionSetNode,
  ): (value: unknown, context: unknown) => Promise<unknown> {
    checkScopes(type, this.scope);
    const node = type.getInterfaces().some((iface) => iface.name === 'Node');
    const fields: [string, (row: Record<string, unknown>) => unknown][] = [];
    for (const [key, child] of collectFields(type, selectionSet, this.scope)) {
      const name = child.name.value;
      if (name === '__typename') {
        fields.push([key, () => type.name]);
        continue;
      }
      const field = type.getFields()[name] ?? decline(`no field ${name}`);
      checkScopes(field, this.scope);
      if (child.arguments?.length) decline('row field with arguments');
      if (name === 'id' && node) {
        fields.push([key, (row) => encodeGlobalId(type.name, String(row.id))]);
        continue;
      }
      const exposed = extensionsOf(field).pothosExposedField ?? decline(`row field ${type.name}.${name}`);
      const leaf = unwrap(field.type);
      if (leaf.list || !(leaf.named instanceof GraphQLScalarType || leaf.named instanceof GraphQLEnumType)) {
        decline('row field type');
      }
      const scalar = leaf.named;
      fields.push([key, (row) => (row[exposed] == null ? null : scalar.serialize(row[exposed]))]);
    }
    return async (value) => {
      if (value == null) return null;
      const row = value as Record<string, unknown>;
      const completed: Record<string, unknown> = {};
      for (const [key, complete] of fields) completed[key] = complete(row);
      return completed;
    };
  }

  /** A root list field registered with `compiledRead`: one statement for the whole page. */
  rootConnection(field: GraphQLField<unknown, unknown>, node: FieldNode): SQL {
    const read = extensionsOf(field)[COMPILED_READ_EXTENSION] ?? decline('root field not registered');
    checkScopes(field, this.scope);
    const args = getArgumentValues(field, node, this.scope.variables);
    if (args.before != null || args.last != null) decline('cursor arguments');
    const first = args.first ?? 20;
    if (typeof first !== 'number') decline('first');
    const table = this.#registry[read.table] ?? decline('root table');
    const conditions = read.where(args) ?? decline('arguments');
    const alias = this.#alias();
    // In a widened context a page of a tenant table lists every tenant of the request's context,
    // which only the database holds: bound to it as its read policy is (`app.current_tenant_ids()`),
    // each related tenant row to its parent row's tenant.
    const widenedPage = this.scope.tenantIds === 'known';
    const widenedRegistryPage = widenedPage && !('tenantId' in table.table);
    // The resolvers' order, with the tie-breaker the plugin appends (its cursors hold those values).
    const order = pagingOrder(table.table, read.orderBy);
    const where = [
      ...Object.entries(conditions).map(([key, condition]) => this.#condition(alias, table, key, condition)),
      ...(widenedPage
        ? widenedRegistryPage
          ? []
          : [sql`${column(alias, table, 'tenantId').sql} = any (app.current_tenant_ids())`]
        : this.#tenantBound(alias, table, { tenant: null })),
      ...(args.after != null ? [this.#afterCursor(table, alias, order, args.after)] : []),
    ];
    const { named } = unwrap(field.type);
    if (!(named instanceof GraphQLObjectType)) decline('root type');
    const from = sql`${sql.identifier(tableName(table))} as ${sql.identifier(alias)}`;
    const whereSql = where.length ? sql.join(where, sql` and `) : sql`true`;
    const orderBy = stringLiteralOrder(table, alias, order);
    if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > 100) decline('page size');
    // The page's ids, for the lists read for the whole page at once (#hoistedConnection).
    const pageIds = sql`select ${column(alias, table, 'id').sql} from ${from} where ${whereSql} order by ${orderBy} limit ${sql.raw(String(first + 1))}`;
    // A page of the registry in a widened context: its rows read once (each read of the registry
    // evaluates its read policy over the whole context, 10,000 schools and more), its lists read
    // for the whole page from their ids (see #relation).
    if (widenedRegistryPage) {
      // The page's rows, read from the registry once; the page is built from them.
      const pageRows = `c${this.ctes.length + 1}`;
      this.ctes.push(
        sql`${sql.identifier(pageRows)} as materialized (select ${sql.identifier(alias)}.* from ${from} where ${whereSql} order by ${orderBy} limit ${sql.raw(String(first + 1))})`,
      );
      return this.#connection(
        named,
        table,
        alias,
        node,
        {
          from: sql`${sql.identifier(pageRows)} as ${sql.identifier(alias)}`,
          where: sql`true`,
          orderBy,
          first,
          cursorKeys: Object.keys(order),
          after: args.after != null,
          count: { from, where: whereSql },
        },
        { id: null, tenant: null, among: sql`select "id" from ${sql.identifier(pageRows)}`, pageRows },
      );
    }
    return this.#connection(
      named,
      table,
      alias,
      node,
      { from, where: whereSql, orderBy, first, cursorKeys: Object.keys(order), after: args.after != null },
      { id: null, tenant: null, among: pageIds, ...(widenedPage ? { rowTenant: true } : {}) },
    );
  }

  /**
   * A root field reading one object by id (`compiledObjectRead`): the row as JSON, or null when
   * the caller may not see it (row-level security, and the tenant bound, decide).
   */
  rootObject(field: GraphQLField<unknown, unknown>, node: FieldNode): SQL {
    const read = extensionsOf(field)[COMPILED_OBJECT_READ_EXTENSION] ?? decline('root field not registered');
    checkScopes(field, this.scope);
    const args = getArgumentValues(field, node, this.scope.variables);
    const id = read.id(args) ?? decline('arguments');
    if (!UUID.test(id)) decline('id');
    const table = this.#registry[read.table] ?? decline('root table');
    if ('tenantId' in table.table) decline('root object of a tenant table');
    const { named, list } = unwrap(field.type);
    if (!(named instanceof GraphQLObjectType) || list) decline('root type');
    const alias = this.#alias();
    const row = this.object(named, table, alias, node.selectionSet ?? decline('no selection'), { id, tenant: null });
    return sql`(select ${row} from ${sql.identifier(tableName(table))} as ${sql.identifier(alias)} where ${column(alias, table, 'id').sql} = ${id}::uuid)`;
  }

  /**
   * `viewer { organisation { ... } }`: the caller's own organisation, read as `organisation(id:)`
   * reads it, by the actor's organisation id (so the compile is kept per organisation). The
   * viewer's other fields come from the token: a selection asking for them is declined.
   */
  viewerObject(field: GraphQLField<unknown, unknown>, node: FieldNode): SQL {
    const read = extensionsOf(field)[COMPILED_VIEWER_READ_EXTENSION] ?? decline('root field not registered');
    checkScopes(field, this.scope);
    const { named, list } = unwrap(field.type);
    if (!(named instanceof GraphQLObjectType) || list) decline('root type');
    const id = this.scope.actor.organisationId;
    if (!UUID.test(id)) decline('id');
    this.perOrganisation = true;
    const pairs: SQL[] = [];
    for (const [key, child] of collectFields(named, node.selectionSet ?? decline('no selection'), this.scope)) {
      if (child.name.value === '__typename') {
        pairs.push(sql`${nameLiteral(key)}, ${nameLiteral(named.name)}`);
        continue;
      }
      if (child.name.value !== read.organisationField || child.arguments?.length)
        decline('viewer field from the token');
      const organisation = unwrap(named.getFields()[read.organisationField]!.type);
      if (!(organisation.named instanceof GraphQLObjectType) || organisation.list) decline('viewer organisation type');
      const table = this.#registry[read.table] ?? decline('root table');
      const alias = this.#alias();
      const row = this.object(organisation.named, table, alias, child.selectionSet ?? decline('no selection'), {
        id,
        tenant: null,
      });
      pairs.push(
        sql`${nameLiteral(key)}, (select ${row} from ${sql.identifier(tableName(table))} as ${sql.identifier(alias)} where ${column(alias, table, 'id').sql} = ${id}::uuid)`,
      );
    }
    return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
  }

  /**
   * A root `node(id:)` or `nodes(ids:)` registered with `compiledNodeRead`: each id's object as
   * `nodeObject` reads it (`nodes`: a JSON array of them, in order, null where `node` is null).
   */
  rootNode(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, node: FieldNode): SQL {
    const read = extensionsOf(field)[COMPILED_NODE_READ_EXTENSION] ?? decline('root field not registered');
    checkScopes(field, this.scope);
    const args = getArgumentValues(field, node, this.scope.variables);
    const selectionSet = node.selectionSet ?? decline('no selection');
    if (read.argument === 'id') return this.nodeObject(schema, args.id, selectionSet);
    const ids = args.ids;
    // More ids than `nodes` takes: its resolver refuses them with its own error.
    if (!Array.isArray(ids) || ids.length > read.most) decline('ids');
    if (ids.length === 0) return sql`'[]'::json`;
    return sql`json_build_array(${sql.join(
      ids.map((id) => this.nodeObject(schema, id, selectionSet)),
      sql`, `,
    )})`;
  }

  /**
   * `node(id:)`: the object a global id names, read as `organisation(id:)` reads one, or null
   * when `node` answers null without SQL (a malformed id, an id naming no Node type, a type the
   * caller's roles or its row rule may not read). A Node type that is not a drizzle model (read
   * by its own loader) is declined: the resolvers answer.
   */
  nodeObject(schema: GraphQLSchema, globalId: unknown, selectionSet: SelectionSetNode): SQL {
    const decoded = typeof globalId === 'string' ? tryDecodeGlobalId(globalId) : null;
    if (!decoded) return sql`null::json`;
    const type = schema.getType(decoded.typename);
    const rule = readRuleOfType({ schema }, decoded.typename);
    if (!(type instanceof GraphQLObjectType) || !rule || !mayReadType(rule, this.scope.actor)) return sql`null::json`;
    const model = extensionsOf(type).pothosDrizzleModel ?? decline(`node type ${type.name} has its own loader`);
    const table = this.#registry[model] ?? decline('node table');
    const alias = this.#alias();
    const tenantTable = 'tenantId' in table.table;
    // In a widened context a tenant row may be any of the request's tenants, which only the
    // database holds: Citus would plan one subquery over every shard per id (100 ids of `nodes`
    // outran the statement timeout), where the resolvers load each type's ids in one statement.
    const widened = this.scope.tenantIds === 'known';
    if (tenantTable && widened) decline('a tenant row by id in a widened context');
    const known: Known = tenantTable ? { id: null, tenant: null } : { id: decoded.id, tenant: null };
    const rowRule = rowReadRuleOf(type);
    if (rowRule?.row && !this.scope.actor.platformScope) {
      // `node` answers null for a row its rule refuses (not the field refusals of a list).
      const columns = rowRule.rowColumns ?? [];
      if (!tenantTable || columns.length !== 1 || columns[0] !== 'tenantId') decline('node row rule');
      this.perOrganisation = true;
      if (!rowRule.row({ tenantId: this.scope.actor.organisationId }, this.scope.actor)) return sql`null::json`;
    }
    const row = this.object(type, table, alias, selectionSet, known);
    const where = [
      sql`${column(alias, table, 'id').sql} = ${decoded.id}::uuid`,
      ...this.#tenantBound(alias, table, { tenant: null }),
    ];
    return sql`(select ${row} from ${sql.identifier(tableName(table))} as ${sql.identifier(alias)} where ${sql.join(where, sql` and `)})`;
  }

  /**
   * A mutation payload's object (`compiledPayloadObject`), read after the mutation wrote it: the
   * row the resolver returned, by its id and tenant, everything under it bound to that tenant.
   * The compile is for this row (its id and tenant are in the statement's text).
   */
  payloadObject(type: GraphQLObjectType, selectionSet: SelectionSetNode, row: { id: string; tenantId?: string }): SQL {
    const model = extensionsOf(type).pothosDrizzleModel ?? decline(`payload type ${type.name} is not a drizzle model`);
    const table = this.#registry[model] ?? decline('payload table');
    if (!UUID.test(row.id)) decline('payload id');
    const tenantTable = 'tenantId' in table.table;
    if (tenantTable && (typeof row.tenantId !== 'string' || !UUID.test(row.tenantId))) decline('payload tenant');
    const known: Known = tenantTable ? { id: null, tenant: row.tenantId! } : { id: row.id, tenant: null };
    const alias = this.#alias();
    const object = this.object(type, table, alias, selectionSet, known);
    const where = [sql`${column(alias, table, 'id').sql} = ${row.id}::uuid`, ...this.#tenantBound(alias, table, known)];
    return sql`(select ${object} from ${sql.identifier(tableName(table))} as ${sql.identifier(alias)} where ${sql.join(where, sql` and `)})`;
  }

  #condition(alias: string, table: TableEntry, key: string, condition: ColumnCondition): SQL {
    const target = column(alias, table, key).sql;
    if (typeof condition === 'object') return sql`${target} ilike ${condition.ilike}`;
    return sql`${target} = ${condition}`;
  }
}

interface DrizzleSelect {
  columns?: Record<string, unknown>;
  with?: Record<string, true | DrizzleSelect>;
  orderBy?: unknown;
  where?: unknown;
  limit?: unknown;
}

/** A column as row data (JSON), and how to read it back as drizzle's value. */
function sourceValue(target: { sql: SQL; column: Column }): [SQL, (value: unknown) => unknown] {
  switch (target.column.columnType) {
    case 'PgTimestamp':
      return [
        sql`to_char(${target.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        (value) => (value === null ? null : new Date(value as string)),
      ];
    case 'PgText':
    case 'PgVarchar':
    case 'PgChar':
    case 'PgUUID':
    case 'PgEnumColumn':
    case 'PgInteger':
    case 'PgSmallInt':
    case 'PgBoolean':
    // A bigint read as a JavaScript number (`mode: 'number'`): JSON's number, as drizzle gives it.
    case 'PgBigInt53':
      return [target.sql, (value) => value];
    // A bigint read as a BigInt (`mode: 'bigint'`): its digits as text (exact), then a BigInt.
    case 'PgBigInt64':
      return [sql`${target.sql}::text`, (value) => (value === null ? null : BigInt(value as string))];
    default:
      decline(`row data of type ${target.column.columnType}`);
  }
}

/**
 * A relation query's own `where` (the field's arguments, as `{ status: args.status }`) as
 * conditions: equality of a column to a string, number or boolean; anything else is left to the
 * resolvers.
 */
function queryFilter(where: unknown, target: TableEntry, alias: string): SQL[] {
  if (where === undefined) return [];
  if (!where || typeof where !== 'object' || Array.isArray(where)) decline('relation query filter');
  return Object.entries(where).map(([key, value]) => {
    // The connection's keyset filter after a cursor (the plugin's `AND`/`OR` of comparisons).
    if (key === 'AND' || key === 'OR') {
      if (!Array.isArray(value) || value.length === 0) decline('filter list');
      const parts = value.map((part) => {
        const conditions = queryFilter(part, target, alias);
        return conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : sql`true`;
      });
      return sql`(${sql.join(parts, sql.raw(key === 'AND' ? ' and ' : ' or '))})`;
    }
    const target_ = column(alias, target, key);
    if (value instanceof Date || (value && typeof value === 'object')) {
      const entries = value instanceof Date ? [] : Object.entries(value);
      if (entries.length !== 1) decline('filter operator');
      const [operator, operand] = entries[0]!;
      if (operator === 'isNull' && operand === true) return sql`${target_.sql} is null`;
      const symbol = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', ne: '<>' }[operator];
      if (!symbol || operand === null || operand === undefined) decline('filter operator');
      return sql`${target_.sql} ${sql.raw(symbol)} ${sql.param(operand, target_.column)}`;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') decline('filter value');
    return sql`${target_.sql} = ${value}`;
  });
}

/** Every column of a table, as a drizzle `columns` selection. */
function everyColumn(table: TableEntry): Record<string, true> {
  const columns: Record<string, true> = {};
  for (const [key, value] of Object.entries(table.table)) {
    if (typeof value === 'object' && value !== null && 'columnType' in value) columns[key] = true;
  }
  return columns;
}

function tableName(table: TableEntry): string {
  return getTableName(table.table as unknown as Table);
}
