import { type GraphQLResolveInfo, isObjectType } from 'graphql';
import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ForbiddenError } from '../errors/domain-error.ts';
import { type RequestContext, requestActor } from '../graphql/request-context.ts';
import type { Actor, MembershipRole } from './principal.ts';

/** The roles an organisation's own people can hold (platform admins are a separate column). */
export type MemberRole = Exclude<MembershipRole, 'platform_admin'>;

/**
 * Who may read one object type: one row of the roles x types matrix. Row-level security has
 * already decided *which* rows the caller's transaction sees (its own organisation, those
 * delegated to it, its partnerships' shared rows); the rule decides whether a caller holding
 * these roles may read the type at all.
 *
 * Each domain package declares the rules of its types in one `read-rules.ts` file, and each
 * rule is attached to its GraphQL type with `readableBy(rule)`, so `node`, `nodes`, every
 * nested field and the list fields all judge a caller by the same rule.
 */
export interface ReadRule<Row = unknown> {
  /** The member roles that may read the type (any one of them is enough). */
  readonly roles: readonly MemberRole[];
  /** Whether platform admins (the audited partnership-wide path) may read it. */
  readonly platformAdmins: boolean;
  /**
   * Narrows the rule row by row, for the few types whose readers depend on the row as well as
   * the role (the audit trail is read by its own organisation's tenant admins only).
   */
  row?(row: Row, actor: Actor): boolean;
  /** The columns the row rule reads, selected whenever the type is (drizzle types). */
  readonly rowColumns?: readonly string[];
}

/** Every role an organisation's people can hold. */
export const ALL_MEMBER_ROLES: readonly MemberRole[] = ['tenant_admin', 'finance', 'service_agent', 'requester'];

/** Declares a rule; the function only fixes its type. */
export function readRule<Row = unknown>(rule: ReadRule<Row>): ReadRule<Row> {
  return rule;
}

const READ_RULE = 'sspReadRule';

/** Whether the caller's roles let it read objects of the type (before looking at any row). */
export function mayReadType(rule: ReadRule<unknown>, actor: Actor | null): boolean {
  if (!actor) return false;
  if (actor.platformScope) return rule.platformAdmins;
  return rule.roles.some((role) => actor.roles.includes(role));
}

/** Whether the caller may read this object: its roles, then the rule's row narrowing. */
export function mayReadRow<Row>(rule: ReadRule<Row>, actor: Actor | null, row: Row): boolean {
  if (!actor || !mayReadType(rule, actor)) return false;
  if (actor.platformScope || !rule.row) return true;
  return rule.row(row, actor);
}

/**
 * The options that attach a rule to an object type: scope-auth checks the caller's roles before
 * any field of an object of the type resolves, however the object was reached (the builder's
 * `readable` scope), and `node`/`nodes` read the rule from the type's extensions to answer null
 * instead. Spread into `drizzleNode`/`node` options. A rule that narrows by row also needs
 * `authScopes: (row, context) => mayReadRow(rule, context.actor, row)` on the type, after the spread.
 */
export function readableBy<Row>(rule: ReadRule<Row>): {
  authScopes?: { readable: ReadRule<unknown> };
  extensions: Record<string, unknown>;
} {
  const extensions = { [READ_RULE]: rule };
  // A type every authenticated caller may read needs no per-field check: only authenticated
  // root fields reach objects, and `node` applies the rule itself.
  if (openToEveryCaller(rule)) return { extensions };
  return { authScopes: { readable: rule as ReadRule<unknown> }, extensions };
}

const ROW_RULE = 'sspRowReadRule';

/**
 * `readableBy` for a rule that narrows by row, with the row check on the type as well
 * (`mayReadRow`): spread into `drizzleNode` options in place of `readableBy`. The selection
 * compiler reads the rule back (`rowReadRuleOf`) to decide the check for rows whose columns the
 * statement fixes (a tenant's audit trail).
 */
export function rowReadableBy<Row>(rule: ReadRule<Row>): {
  authScopes: (row: Row, context: RequestContext) => boolean;
  extensions: Record<string, unknown>;
} {
  return {
    authScopes: (row, context) => mayReadRow(rule, context.actor, row),
    extensions: { [READ_RULE]: rule, [ROW_RULE]: rule },
  };
}

/** The row rule `rowReadableBy` attached to a type, if any. */
export function rowReadRuleOf(type: { extensions?: unknown }): ReadRule<unknown> | null {
  return (((type.extensions ?? {}) as Record<string, unknown>)[ROW_RULE] as ReadRule<unknown> | undefined) ?? null;
}

function openToEveryCaller(rule: ReadRule<unknown>): boolean {
  return rule.platformAdmins && !rule.row && ALL_MEMBER_ROLES.every((role) => rule.roles.includes(role));
}

/**
 * The same rule for a list field (a connection of the type under a parent): refused as a whole
 * when the caller's roles may not read the type. For a rule that narrows by row, `listed` is what
 * every listed row shares (the audit trail of one organisation: its tenant id).
 */
export function mayListType<Row>(rule: ReadRule<Row>, context: RequestContext, listed?: Row): boolean {
  const actor = context.actor;
  if (!actor || !mayReadType(rule as ReadRule<unknown>, actor)) return false;
  if (actor.platformScope || !rule.row) return true;
  return listed !== undefined && rule.row(listed, actor);
}

const LIST_RULE = 'sspListRule';

/** A list field's rule as `listableBy` attached it: the type's rule, and what every listed row shares. */
export interface ListRule {
  readonly rule: ReadRule<unknown>;
  readonly listed?: (parent: { id: string }) => unknown;
}

/**
 * The options that attach a type's rule to a list field under an organisation (spread into the
 * field's options): scope-auth refuses the field as `mayListType` says, and the selection compiler
 * reads the same rule from the field's extensions, so it can answer the field in its statement
 * instead of leaving it to the drizzle plugin. `listed` is what every listed row shares, given
 * the parent (the audit trail of an organisation: its tenant id).
 */
export function listableBy<Row>(
  rule: ReadRule<Row>,
  listed?: (parent: { id: string }) => Row,
): {
  authScopes: (parent: { id: string }, args: unknown, context: RequestContext) => boolean;
  extensions: Record<string, unknown>;
} {
  const listRule: ListRule = { rule: rule as ReadRule<unknown>, ...(listed ? { listed } : {}) };
  return {
    authScopes: (parent, _args, context) => mayListType(rule, context, listed?.(parent)),
    extensions: { [LIST_RULE]: listRule },
  };
}

/** The rule `listableBy` attached to a field, if any. */
export function listRuleOf(field: { extensions?: unknown }): ListRule | null {
  return (((field.extensions ?? {}) as Record<string, unknown>)[LIST_RULE] as ListRule | null) ?? null;
}

/**
 * Whether `actor` may list the field's rows under `parent`, as `mayListType` decides; `undefined`
 * when the answer depends on a parent that is not known (a row rule, the parent unknown).
 */
export function mayListUnder(listRule: ListRule, actor: Actor, parent: { id: string } | null): boolean | undefined {
  if (!mayReadType(listRule.rule, actor)) return false;
  if (actor.platformScope || !listRule.rule.row) return true;
  if (!parent || !listRule.listed) return listRule.listed ? undefined : false;
  return listRule.rule.row(listRule.listed(parent), actor);
}

/** For list resolvers that refuse with the typed error: throws unless the caller's roles may read the type. */
export function requireReadAccess(rule: ReadRule<unknown>, context: RequestContext, what: string): Actor {
  const actor = requestActor(context);
  if (!mayReadType(rule, actor)) {
    throw new ForbiddenError(
      actor.platformScope
        ? `${what} is not open to platform admins`
        : `${what} needs one of these roles: ${rule.roles.join(', ')}`,
      CORE_ERRORS.ROLE_REQUIRED,
    );
  }
  return actor;
}

/** The rule attached to a type with `readableBy`, read from the built schema. */
export function readRuleOfType(info: Pick<GraphQLResolveInfo, 'schema'>, typename: string): ReadRule<unknown> | null {
  const type = info.schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === 'Node')) return null;
  return ((type.extensions as Record<string, unknown>)[READ_RULE] as ReadRule<unknown> | undefined) ?? null;
}
