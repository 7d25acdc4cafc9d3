import type { PlatformDatabase, PlatformTransaction } from '@ssp/core';

// Domain unit tests run a domain function against the real schema and seed data, inside a
// transaction that is always rolled back: each test starts from the same rows, and a test file
// needs one database copy however many tests write.

class RollBack extends Error {}

async function rolledBack<T>(
  transaction: (work: (tx: PlatformTransaction) => Promise<never>) => Promise<unknown>,
  work: (tx: PlatformTransaction) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await transaction(async (tx) => {
      result = { value: await work(tx) };
      throw new RollBack('rolled back on purpose');
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (!result) throw new Error('The work did not run');
  return result.value;
}

/** Runs `work` on the platform path (as platform-wide work does) and rolls everything back. */
export function inRolledBackPlatformTransaction<T>(
  database: PlatformDatabase,
  work: (tx: PlatformTransaction) => Promise<T>,
): Promise<T> {
  return rolledBack(
    (body) => database.inPlatformTransaction({ actor: 'unit-test', reason: 'rolled back' }, body),
    work,
  );
}

/** Runs `work` as the runtime role seeing `tenantIds` (row-level security on) and rolls everything back. */
export function inRolledBackTenantTransaction<T>(
  database: PlatformDatabase,
  tenantIds: readonly string[],
  work: (tx: PlatformTransaction) => Promise<T>,
): Promise<T> {
  return rolledBack((body) => database.inTenantTransaction(tenantIds, body), work);
}
