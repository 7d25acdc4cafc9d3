import { platformSchema } from '@ssp/gateway';
import { type GraphQLField, GraphQLObjectType, type GraphQLOutputType, getNamedType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTablesUnbound } from './support/tenant-bound-statements.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// Every list field of the schema that can be asked without arguments of its own, at the root and
// one level down: the statements a page of 1 and a page of 100 send are the same number, and,
// for a tenant caller, every statement that reads a tenant table names that table's tenant_id
// as a bound condition (one shard on Citus) and joins nothing laterally (Citus refuses a
// LIMITed parent joined laterally to its children).

let api: TestApp;
beforeAll(async () => {
  // Pages of 100 under pages of 100, field after field: budgets out of reach (what is measured
  // is the statements, not the throttle; tests/query-budget.test.ts covers that).
  const unlimited = String(Number.MAX_SAFE_INTEGER);
  api = await startTestApp({
    CALLER_BUDGET_POINTS: unlimited,
    CALLER_BUDGET_RESTORE_PER_SECOND: unlimited,
    TENANT_BUDGET_POINTS: unlimited,
    TENANT_BUDGET_RESTORE_PER_SECOND: unlimited,
  });
});
afterAll(() => api?.close());

type AnyField = GraphQLField<unknown, unknown>;

/** A connection field asked with `first` alone: no other required argument. */
function pageable(field: AnyField): boolean {
  const type = getNamedType(field.type);
  if (!(type instanceof GraphQLObjectType) || !type.name.endsWith('Connection')) return false;
  if (!field.args.some((arg) => arg.name === 'first')) return false;
  return field.args.every((arg) => arg.name === 'first' || !isNonNullType(arg.type) || arg.defaultValue !== undefined);
}

function nodeType(connection: GraphQLOutputType): GraphQLObjectType {
  const nodes = (getNamedType(connection) as GraphQLObjectType).getFields().nodes!;
  return getNamedType(nodes.type) as GraphQLObjectType;
}

/** Root connections, and each connection one level under a root connection's nodes. */
function listFieldOperations(): { name: string; query: (first: number) => string }[] {
  const schema = platformSchema();
  const operations: { name: string; query: (first: number) => string }[] = [];
  for (const root of Object.values(schema.getQueryType()!.getFields())) {
    if (!pageable(root)) continue;
    operations.push({
      name: root.name,
      query: (first) => `{ ${root.name}(first: ${first}) { nodes { __typename } } }`,
    });
    const node = nodeType(root.type);
    for (const child of Object.values(node.getFields())) {
      // A connection of the same type inside itself is capped at 2 items by the cost rules.
      if (!pageable(child) || nodeType(child.type) === node) continue;
      operations.push({
        name: `${root.name}.${child.name}`,
        query: (first) =>
          `{ ${root.name}(first: ${first}) { nodes { ${child.name}(first: ${first}) { nodes { __typename } } } } }`,
      });
    }
  }
  return operations;
}

const ALL_TENANT_ROLES = ['tenant_admin', 'finance', 'service_agent', 'requester'] as const;

describe('every list field costs the same statements for 1 row as for 100', () => {
  const operations = listFieldOperations();

  it('finds the list fields to check', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it.each([
    ['a tenant', 'lancashire-county-council', [...ALL_TENANT_ROLES]],
    ['a platform admin', 'shared-services-platform', ['platform_admin']],
  ] as const)('for %s', async (_who, slug, roles) => {
    const token = await api.tokenFor(slug, [...roles]);
    const differing: string[] = [];
    const failing: string[] = [];
    const refused = new Set<string>();
    let withRows = 0;
    for (const operation of operations) {
      const count = async (first: number) => {
        const { result, statements } = await api.app.database.statements.record(() =>
          api.graphql({ query: operation.query(first) }, token),
        );
        const error = result.body.errors?.[0];
        // A field this caller may not read at all (platform admins do not read recovery plans).
        if (error?.extensions?.code === 'ROLE_REQUIRED') refused.add(operation.name);
        else if (error) failing.push(`${operation.name}: ${error.message}`);
        return { statements, body: JSON.stringify(result.body.data ?? null) };
      };
      const one = await count(1);
      const hundred = await count(100);
      if (hundred.body.length > one.body.length) withRows += 1;
      if (one.statements.length !== hundred.statements.length) {
        differing.push(`${operation.name}: ${one.statements.length} then ${hundred.statements.length}`);
      }
    }
    expect(failing).toEqual([]);
    expect(differing).toEqual([]);
    // The comparison means something: most fields had more than one row to show.
    expect(withRows).toBeGreaterThan(operations.length / 2);
    expect(refused.size).toBeLessThan(operations.length / 4);
  });
});

// Fields the selection compiler declines, answered by the resolvers through the drizzle plugin,
// whose statement joins the page laterally to the children and relies on row-level security
// alone. None: the list fields whose read rule is a function (`listableBy`, the audit trail's
// row rule) are decided by the compiler from the rule they declare. The list may only stay empty
// (the test fails when a field starts to go through the plugin).
const RESOLVED_BY_THE_DRIZZLE_PLUGIN: string[] = [];

describe("a tenant's statements name tenant_id on every tenant table and join nothing laterally", () => {
  it('on every list field but the known ones', async () => {
    const token = await api.tokenFor('lancashire-county-council', [...ALL_TENANT_ROLES]);
    const findings: string[] = [];
    for (const operation of listFieldOperations()) {
      const { statements } = await api.app.database.statements.record(() =>
        api.graphql({ query: operation.query(20) }, token),
      );
      for (const statement of statements) {
        const unbound = tenantTablesUnboundAs(statement);
        if (unbound.length) findings.push(`${operation.name}: ${unbound.join(', ')} unbound`);
        if (/\blateral\b/i.test(statement)) findings.push(`${operation.name}: a lateral join`);
      }
    }
    const fields = (kind: RegExp) =>
      [...new Set(findings.filter((finding) => kind.test(finding)).map((finding) => finding.split(':')[0]!))].sort();
    expect(fields(/unbound$/)).toEqual(RESOLVED_BY_THE_DRIZZLE_PLUGIN);
    expect(fields(/lateral join$/)).toEqual(RESOLVED_BY_THE_DRIZZLE_PLUGIN);
  });

  it('the check sees an unbound tenant table and passes a bound one', () => {
    expect(tenantTablesUnboundAs('select 1 from "memberships" "d1" where "d1"."id" = $1')).toEqual([
      'memberships as d1',
    ]);
    expect(tenantTablesUnboundAs('select 1 from "memberships" as "s1" where "s1"."tenant_id" = $1::uuid')).toEqual([]);
    expect(tenantTablesUnboundAs('select 1 from "organisations" as "s1"')).toEqual([]);
  });
});

/** The bindings this file accepts (see tenant-bound-statements.ts). */
function tenantTablesUnboundAs(statement: string): string[] {
  return tenantTablesUnbound(statement, ['parameter', 'any']);
}
