import * as billingTables from '@ssp/billing-tables';
import { billingMigrationsFolder } from '@ssp/billing-tables/migrations';
import { kernelMigrationsFolder } from '@ssp/core';
import * as servicesTables from '@ssp/services-tables';
import { servicesMigrationsFolder } from '@ssp/services-tables/migrations';
import * as sharedSupportTables from '@ssp/shared-support-tables';
import { sharedSupportMigrationsFolder } from '@ssp/shared-support-tables/migrations';
import * as tenantsTables from '@ssp/tenants-tables';
import { tenantsMigrationsFolder } from '@ssp/tenants-tables/migrations';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';

export const MIGRATION_OWNER_NAMES = ['kernel', 'tenants', 'services', 'billing', 'shared-support'] as const;
export type MigrationOwnerName = (typeof MIGRATION_OWNER_NAMES)[number];

/** A package that holds migrations: its folder, and the tables (by SQL name) only its migrations may change. */
export interface MigrationOwner {
  readonly name: MigrationOwnerName;
  readonly folder: string;
  readonly tables: ReadonlySet<string>;
}

function tableNames(tables: Record<string, unknown>): ReadonlySet<string> {
  return new Set(
    Object.values(tables)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableConfig(table as PgTable).name),
  );
}

/**
 * Every package's migrations, in the order the packages depend on each other (the timeline itself
 * is ordered by timestamp across them). The kernel owns no table: its migrations are the roles and
 * the `app` functions, and the shipped ones that change several domains at once.
 */
export const MIGRATION_OWNERS: readonly MigrationOwner[] = [
  { name: 'kernel', folder: kernelMigrationsFolder, tables: new Set() },
  { name: 'tenants', folder: tenantsMigrationsFolder, tables: tableNames(tenantsTables) },
  { name: 'services', folder: servicesMigrationsFolder, tables: tableNames(servicesTables) },
  { name: 'billing', folder: billingMigrationsFolder, tables: tableNames(billingTables) },
  { name: 'shared-support', folder: sharedSupportMigrationsFolder, tables: tableNames(sharedSupportTables) },
];

export function migrationOwner(name: MigrationOwnerName): MigrationOwner {
  const owner = MIGRATION_OWNERS.find((candidate) => candidate.name === name);
  if (!owner) throw new Error(`No migrations owner ${name}`);
  return owner;
}
