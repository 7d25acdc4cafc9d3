import type { PlatformSchema } from '@ssp/core';
import { MIGRATION_OWNERS } from './migration-owners.ts';
import { relations } from './relations.ts';

declare module '@ssp/core' {
  /** The kernel's transactions are typed by the relations assembled here. */
  interface PlatformSchemaRegistry {
    relations: typeof relations;
  }
}

/** What every database is opened with: the domains' relations and every package's migrations. */
export const platformSchema: PlatformSchema = {
  relations,
  migrationsFolders: MIGRATION_OWNERS.map((owner) => owner.folder),
};
