import { fileURLToPath } from 'node:url';
import type { PlatformSchema } from '@ssp/core';
import { relations } from './relations.ts';

declare module '@ssp/core' {
  /** The kernel's transactions are typed by the relations assembled here. */
  interface PlatformSchemaRegistry {
    relations: typeof relations;
  }
}

/** What every database is opened with: the domains' relations and the migrations of their tables. */
export const platformSchema: PlatformSchema = {
  relations,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
};
