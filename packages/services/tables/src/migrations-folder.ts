import { fileURLToPath } from 'node:url';

/**
 * This domain's migrations: each creates or changes only services' tables (catalogue, subscriptions, requests, records, calendars).
 * `@ssp/schema` gathers every package's folder into one timeline.
 */
export const servicesMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
