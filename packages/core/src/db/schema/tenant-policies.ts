import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, pgPolicy } from 'drizzle-orm/pg-core';
import { platformRole, runtimeRole } from './database-roles.ts';

/**
 * The two policies every tenant table carries. Reads (`using`) compare `tenant_id` with the
 * visible tenants through a `stable` function (no subquery: Citus refuses one in a policy), so the
 * planner turns the condition into an index condition on the leading `tenant_id` column, the array
 * evaluated once per scan. Writes (`with check`) are checked row by row, where that array would be
 * parsed again for every row written (a tenth of a millisecond with 300 tenants in context), so
 * they ask `app.in_tenant_context(tenant_id)`, which looks the one id up in the same context in
 * constant time. With nothing set both match nothing: the policy fails closed.
 *
 * `alsoWritable` adds a condition every written row must meet too, in the same permissive policy:
 * a restrictive policy would do it on PostgreSQL, but Citus recreates policies on its shards
 * without `AS RESTRICTIVE`, which would turn the rule into a widening one.
 */
export function tenantPolicies(tableName: string, tenantColumn: AnyPgColumn, alsoWritable?: SQL) {
  return [
    pgPolicy(`${tableName}_tenant_isolation`, {
      as: 'permissive',
      for: 'all',
      to: runtimeRole,
      using: sql`${tenantColumn} = any (app.current_tenant_ids())`,
      withCheck: alsoWritable
        ? sql`app.in_tenant_context(${tenantColumn}) and ${alsoWritable}`
        : sql`app.in_tenant_context(${tenantColumn})`,
    }),
    pgPolicy(`${tableName}_platform_access`, {
      as: 'permissive',
      for: 'all',
      to: platformRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ];
}

/**
 * The policy of a platform-wide table that only partnership-wide work may read or write: row-level
 * security is on (and forced) like everywhere else, and only the platform role passes it.
 */
export function platformOnlyPolicy(tableName: string) {
  return pgPolicy(`${tableName}_platform_access`, {
    as: 'permissive',
    for: 'all',
    to: platformRole,
    using: sql`true`,
    withCheck: sql`true`,
  });
}

/**
 * The policies of platform-wide reference data (the catalogue, the bank-holiday calendars):
 * every tenant may read it, only partnership-wide work may change it.
 */
export function referenceDataPolicies(tableName: string) {
  return [
    pgPolicy(`${tableName}_runtime_read`, { as: 'permissive', for: 'select', to: runtimeRole, using: sql`true` }),
    platformOnlyPolicy(tableName),
  ];
}
