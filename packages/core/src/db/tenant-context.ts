import { sql } from 'drizzle-orm';
import type { PlatformTransaction } from './platform-database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sets the visible tenants of the current transaction through the database's one setter
 * function. The ids travel as a bound parameter, never inside the SQL text; the function checks
 * them again and runs SET LOCAL itself, so nothing outlives the transaction.
 */
export async function setTenantContext(tx: PlatformTransaction, tenantIds: readonly string[]): Promise<void> {
  if (tenantIds.length === 0 || !tenantIds.every((id) => UUID.test(id))) {
    throw new Error('A tenant context needs one or more tenant ids, each a uuid');
  }
  await tx.execute(sql`select app.set_tenant_context(string_to_array(${tenantIds.join(',')}, ',')::uuid[])`);
}

/** The roles transactions take on an embedded database, where there is one login for everything. */
export const RUNTIME_ROLE = 'ssp_runtime';
export const PLATFORM_ROLE = 'ssp_platform';
