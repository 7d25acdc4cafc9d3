import { readFileSync } from 'node:fs';
import type { MembershipRole } from '@ssp/core';
import { buildSchema, type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { expect } from 'vitest';
import type { Operation, TestApp } from '../test-app.ts';

// The caller matrix: every mutation and root query field is sent, over HTTP, by every kind of
// caller, and what each gets back is compared with one table of expectations per domain. A
// field without a row in some table fails tests/caller-matrix-coverage.test.ts.

/** Who calls, seen from the organisation whose rows the operation touches (the subject). */
export const CALLER_KINDS = [
  'anonymous',
  /** A tenant admin of an organisation that has nothing to do with the subject. */
  'outsider',
  'tenant_admin',
  'finance',
  'service_agent',
  'requester',
  'platform_admin',
  /** A tenant admin of the partnership the subject is delegated to. */
  'delegated_admin',
  /** A finance member of that partnership (who sets the charges and proposes the savings). */
  'delegated_finance',
  /** A service agent of that partnership (the role a provider works requests with). */
  'delegated_agent',
] as const;

export type CallerKind = (typeof CALLER_KINDS)[number];

/**
 * What a caller gets: `ok` (a payload, or a query's data), `null` (a query field answered null
 * with no error: nothing the caller may see), or an error code, whether a mutation's typed
 * payload error or a top-level error (docs/errors.md says which is which; the code is the same).
 */
export type Outcome = 'ok' | 'null' | (string & {});

/** The organisations a domain's table is written against. */
export interface MatrixSubjects {
  /** Whose rows the operations touch; its members are the role callers. */
  subject: string;
  /** An organisation with no link to the subject. */
  outsider: string;
  /** A partnership the subject is delegated to. */
  delegatedTo: string;
}

export interface Caller {
  kind: CallerKind;
  /** The bearer token, or undefined for an anonymous caller. */
  token: string | undefined;
  /** Differs for every call: names, emails and idempotency keys made with it never collide. */
  unique: string;
}

export interface MatrixContext {
  api: TestApp;
  subjects: MatrixSubjects;
  /** A token for `slug` with `roles` (the set-up acts with these, never as the caller). */
  token(slug: string, roles: MembershipRole[]): Promise<string>;
}

export interface MatrixEntry {
  /**
   * The operation `caller` sends: arranges what it needs first (a fresh row to act on, so one
   * caller's success never changes what the next one finds) and returns it.
   */
  operation(context: MatrixContext, caller: Caller): Promise<Operation> | Operation;
  outcomes: Record<CallerKind, Outcome>;
  /** Undoes a call that succeeded, when what it changed would change the next caller's answer. */
  undo?(context: MatrixContext): Promise<void>;
  /**
   * Why a success here writes nothing (a dry run, a replay, a row refused in the payload), so the
   * audit check (`auditsEveryWrite`) does not expect an event of it.
   */
  writesNothing?: string;
}

/** One domain's table: an entry per root field it declares (Query or Mutation). */
export type MatrixTable = Record<string, MatrixEntry>;

const schema: GraphQLSchema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

/** Every root field of the printed schema, as `Query.name` / `Mutation.name`. */
export function rootFields(): string[] {
  const fields: string[] = [];
  for (const root of ['Query', 'Mutation'] as const) {
    const type = schema.getType(root);
    if (!isObjectType(type)) throw new Error(`No ${root} type`);
    for (const name of Object.keys(type.getFields())) fields.push(`${root}.${name}`);
  }
  return fields.sort();
}

/** Whether `field` is a mutation (else a query field). */
export function isMutation(field: string): boolean {
  return field in (schema.getMutationType()?.getFields() ?? {});
}

/**
 * A mutation with its one `input` argument, its input type read from the schema, selecting what
 * the matrix reads: the payload's type and an error's code.
 */
export function mutationOf(field: string, input: Record<string, unknown>): Operation {
  const mutation = schema.getMutationType()?.getFields()[field];
  const argument = mutation?.args.find((arg) => arg.name === 'input');
  if (!argument) throw new Error(`${field} is not a mutation with an input argument`);
  return {
    query: `mutation Matrix($input: ${argument.type.toString()}) {
      ${field}(input: $input) { __typename ... on Error { code message } }
    }`,
    variables: { input },
  };
}

/** The type a root query field returns, for its selection. */
export function queryReturnType(field: string): string {
  const query = schema.getQueryType()?.getFields()[field];
  if (!query) throw new Error(`${field} is not a query field`);
  return getNamedType(query.type).name;
}

/** What `response` says happened to `field`, as an outcome. */
function outcomeOf(field: string, body: { data?: Record<string, unknown> | null; errors?: unknown[] }): Outcome {
  const error = body.errors?.[0] as { extensions?: { code?: string }; message?: string } | undefined;
  if (error) return error.extensions?.code ?? `uncoded error: ${error.message}`;
  const value = body.data?.[field];
  if (value === null || value === undefined) return 'null';
  // `nodes` answers a list with null in place of each object the caller may not see.
  if (Array.isArray(value) && value.length > 0 && value.every((item) => item === null)) return 'null';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const payload = value as { __typename?: string; code?: string };
    if (payload.__typename?.endsWith('Error')) return payload.code ?? `uncoded ${payload.__typename}`;
  }
  return 'ok';
}

let calls = 0;

export interface MatrixOptions {
  /**
   * Every mutation that succeeds must have written at least one audit event (the domain's
   * services write it, not the resolvers: docs/architecture.md, "A mutation").
   */
  auditsEveryWrite?: boolean;
}

async function auditEventCount(api: TestApp): Promise<number> {
  const [row] = await api.db.asOwner<{ n: number }>('select count(*)::int as n from audit_events');
  return row?.n ?? 0;
}

/**
 * Sends every operation of `table` as every kind of caller and asserts each outcome. Every
 * mismatch is collected and reported together, one line each.
 */
export async function runCallerMatrix(
  api: TestApp,
  subjects: MatrixSubjects,
  table: MatrixTable,
  options: MatrixOptions = {},
): Promise<void> {
  const tokens = new Map<string, Promise<string>>();
  const token = (slug: string, roles: MembershipRole[]) => {
    const key = `${slug}:${roles.join('+')}`;
    if (!tokens.has(key)) tokens.set(key, api.tokenFor(slug, roles, `matrix:${key}`));
    return tokens.get(key) as Promise<string>;
  };
  const context: MatrixContext = { api, subjects, token };
  const tokenOf = (kind: CallerKind): Promise<string> | undefined => {
    switch (kind) {
      case 'anonymous':
        return undefined;
      case 'outsider':
        return token(subjects.outsider, ['tenant_admin']);
      case 'platform_admin':
        return token('shared-services-platform', ['platform_admin']);
      case 'delegated_admin':
        return token(subjects.delegatedTo, ['tenant_admin']);
      case 'delegated_finance':
        return token(subjects.delegatedTo, ['finance']);
      case 'delegated_agent':
        return token(subjects.delegatedTo, ['service_agent']);
      default:
        return token(subjects.subject, [kind]);
    }
  };
  const mismatches: string[] = [];
  for (const [field, entry] of Object.entries(table)) {
    for (const kind of CALLER_KINDS) {
      calls += 1;
      const caller: Caller = { kind, token: await tokenOf(kind), unique: `${kind}-${calls}-${Date.now()}` };
      const operation = await entry.operation(context, caller);
      const audited = options.auditsEveryWrite === true && isMutation(field) && entry.writesNothing === undefined;
      const auditedBefore = audited ? await auditEventCount(api) : 0;
      const response = await api.graphql(operation, caller.token);
      const actual = outcomeOf(field, response.body);
      if (audited && actual === 'ok' && (await auditEventCount(api)) <= auditedBefore) {
        mismatches.push(`${field} as ${kind}: succeeded without writing an audit event`);
      }
      if (actual === 'ok') await entry.undo?.(context);
      if (actual === 'INTERNAL_SERVER_ERROR' || actual.startsWith('uncoded')) {
        mismatches.push(`${field} as ${kind}: ${JSON.stringify(response.body.errors ?? response.body.data)}`);
      } else if (actual !== entry.outcomes[kind]) {
        mismatches.push(`${field} as ${kind}: expected ${entry.outcomes[kind]}, got ${actual}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
}
