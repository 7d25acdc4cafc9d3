import type { AnyRelations } from 'drizzle-orm';

/**
 * The kernel cannot import the domains, yet its transactions are typed by their tables and its
 * databases run their migrations. `@ssp/schema`, which assembles every domain's tables, registers
 * the relations' type here (declaration merging, as Pothos and drizzle register theirs) and hands
 * the database layer the one `PlatformSchema` value when a database is opened.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by `@ssp/schema` through declaration merging
export interface PlatformSchemaRegistry {}

/** The relations of every domain's tables, as `@ssp/schema` registered them. */
export type PlatformRelations = PlatformSchemaRegistry extends { relations: infer R extends AnyRelations }
  ? R
  : AnyRelations;

/** What a database needs from the domains: their relations, and the migrations that build their tables. */
export interface PlatformSchema {
  readonly relations: PlatformRelations;
  /**
   * The drizzle-kit migrations folders of the kernel and of every domain, applied as one timeline
   * (ordered by each migration's timestamp across folders: see `readMigrationHistory`).
   */
  readonly migrationsFolders: readonly string[];
}
