import { fileURLToPath } from 'node:url';

/**
 * This domain's migrations: each creates or changes only tenants' tables (organisations, memberships, delegations, API clients, the audit trail).
 * `@ssp/schema` gathers every package's folder into one timeline.
 */
export const tenantsMigrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
