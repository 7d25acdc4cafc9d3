import { tables } from '@ssp/schema';
import { getTableName, is, Table } from 'drizzle-orm';

/** The SQL names of the tables that carry tenant_id (the tenant tables). */
export const TENANT_TABLES: ReadonlySet<string> = new Set(
  (Object.values(tables) as unknown[])
    .filter((value): value is Table => is(value, Table) && 'tenantId' in value)
    .map((table) => getTableName(table)),
);

/**
 * What a test accepts as a bound `tenant_id` condition on a tenant table's alias:
 * - `parameter`: `= $n`, one tenant (one shard on Citus);
 * - `any`: `= any (...)`, the request's tenants as one bound array;
 * - `page ids`: `in (select "x"."id" from "organisations" ...)`, a list read for a whole page of
 *   organisations at once, bound to the ids of the organisations the page holds.
 */
export type TenantBinding = 'parameter' | 'any' | 'page ids';

const BINDINGS: Record<TenantBinding, string> = {
  parameter: '= \\$\\d+',
  any: '= any',
  'page ids': `in \\(select "\\w+"\\."id" from (?:\\(select "\\w+"\\."id" as "id", row_number\\(\\) over \\(partition by "\\w+"\\."parent_id" order by [^)]*\\) as "n" from )?"organisations"`,
};

/** Each tenant table a statement reads under an alias it never binds by tenant_id in one of the accepted ways. */
export function tenantTablesUnbound(statement: string, accepted: readonly TenantBinding[] = ['parameter']): string[] {
  const bound = accepted.map((binding) => BINDINGS[binding]).join('|');
  const unbound: string[] = [];
  for (const [, table, alias] of statement.matchAll(/(?:from|join)\s+"(\w+)"(?:\s+as)?\s+"(\w+)"/gi)) {
    if (!TENANT_TABLES.has(table!)) continue;
    if (!new RegExp(`"${alias}"\\."tenant_id" (?:${bound})`).test(statement)) unbound.push(`${table} as ${alias}`);
  }
  return unbound;
}
