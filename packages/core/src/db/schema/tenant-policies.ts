import { sql } from 'drizzle-orm';
import { type AnyPgColumn, pgPolicy } from 'drizzle-orm/pg-core';
import { platformRole, runtimeRole } from './database-roles.ts';

/**
 * The two policies every tenant table carries. The tenant condition is a plain comparison with a
 * `stable` function (no subquery: Citus refuses one in a policy), so the planner turns it into an
 * index condition on the leading `tenant_id` column. With nothing set it compares with an empty
 * array and matches nothing: the policy fails closed.
 */
export function tenantPolicies(tableName: string, tenantColumn: AnyPgColumn) {
  return [
    pgPolicy(`${tableName}_tenant_isolation`, {
      as: 'permissive',
      for: 'all',
      to: runtimeRole,
      using: sql`${tenantColumn} = any (app.current_tenant_ids())`,
      withCheck: sql`${tenantColumn} = any (app.current_tenant_ids())`,
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
