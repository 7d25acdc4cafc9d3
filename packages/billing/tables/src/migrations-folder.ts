import { fileURLToPath } from 'node:url';

/**
 * This domain's migrations: each creates or changes only billing's tables (charges, reductions, savings, statements, business cases).
 * `@ssp/schema` gathers every package's folder into one timeline.
 */
export const billingMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
