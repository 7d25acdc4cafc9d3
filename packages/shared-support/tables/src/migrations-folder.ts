import { fileURLToPath } from 'node:url';

/**
 * This domain's migrations: each creates or changes only shared support's tables and its partnership context.
 * `@ssp/schema` gathers every package's folder into one timeline.
 */
export const sharedSupportMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
