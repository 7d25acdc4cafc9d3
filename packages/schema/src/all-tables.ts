// Every domain's tables, as one schema: what drizzle's relations and drizzle-kit's migrations are
// built from. Each domain package owns and exports its own; this file only gathers them.
export * from '@ssp/billing-tables';
export * from '@ssp/services-tables';
export * from '@ssp/shared-support-tables';
export * from '@ssp/tenants-tables';
