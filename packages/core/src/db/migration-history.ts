import { fileURLToPath } from 'node:url';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';

/**
 * The kernel's own migrations: the database roles, the tenant-context and request set-up
 * functions, and the shipped migrations that change several domains' tables at once (kept whole:
 * a shipped migration is never edited). Each domain's live in its tables package.
 */
export const kernelMigrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Every package's migrations as one timeline. Each folder is read by drizzle's own reader; the
 * union is ordered by folder name (its leading timestamp) as drizzle orders one folder, because a
 * domain's tables have foreign keys to a lower domain's, so the order crosses packages. drizzle
 * records a migration applied by its folder name, so two packages holding the same name would make
 * one of them never run: refused.
 */
export function readMigrationHistory(folders: readonly string[]): MigrationMeta[] {
  const history = folders.flatMap((migrationsFolder) => readMigrationFiles({ migrationsFolder }));
  const seen = new Set<string>();
  for (const { name } of history) {
    if (seen.has(name)) throw new Error(`Two migrations folders hold the migration ${name}`);
    seen.add(name);
  }
  return history.sort((a, b) => a.name.localeCompare(b.name));
}
