import { runtimeRole } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, pgPolicy } from 'drizzle-orm/pg-core';

/**
 * The policies of a table a partnership shares with its members. Its rows belong to the
 * partnership (`tenant_id` is the partnership's id); a member reads them only while its own
 * sharing agreement stands, because `app.current_partnership_ids()` holds exactly the partnerships
 * whose agreement the transaction's visible tenants have opted into (set by
 * `app.set_partnership_context()`, which reads those agreements under row-level security). The
 * comparison is on the leading `tenant_id` column, with a stable function and no subquery.
 */
export function partnershipReadPolicy(tableName: string, tenantColumn: AnyPgColumn) {
  return pgPolicy(`${tableName}_partnership_read`, {
    as: 'permissive',
    for: 'select',
    to: runtimeRole,
    using: sql`${tenantColumn} = any (app.current_partnership_ids())`,
  });
}

/**
 * A member writes rows of the partnership's table only for itself: `memberColumn` must be one of
 * the transaction's own tenants. `name` tells the policies apart when a table has two writers.
 */
export function partnershipMemberWritePolicies(
  tableName: string,
  tenantColumn: AnyPgColumn,
  memberColumn: AnyPgColumn,
  commands: readonly ('insert' | 'update' | 'delete')[],
  name = 'member',
) {
  const own = sql`${tenantColumn} = any (app.current_partnership_ids()) and ${memberColumn} = any (app.current_tenant_ids())`;
  // Rows written are checked one by one: `app.in_tenant_context` looks the member up in constant
  // time instead of parsing the whole tenant context for every row (see tenant-policies.ts).
  const ownWrite = sql`${tenantColumn} = any (app.current_partnership_ids()) and app.in_tenant_context(${memberColumn})`;
  return commands.map((command) =>
    pgPolicy(`${tableName}_${name}_${command}`, {
      as: 'permissive',
      for: command,
      to: runtimeRole,
      ...(command === 'insert'
        ? { withCheck: ownWrite }
        : command === 'delete'
          ? { using: own }
          : { using: own, withCheck: ownWrite }),
    }),
  );
}
