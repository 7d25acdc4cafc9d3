import type { SQL } from 'drizzle-orm';
import type { PlatformTransaction } from './platform-database.ts';

/**
 * Runs raw SQL and returns its rows, whichever driver is underneath (both `pg` and PGlite
 * answer with `{ rows }`). For the few statements the query builders cannot express.
 */
export async function queryRows<Row extends Record<string, unknown>>(
  tx: PlatformTransaction,
  query: SQL,
): Promise<Row[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
