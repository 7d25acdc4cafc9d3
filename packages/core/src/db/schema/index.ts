export * from './database-roles.ts';
export * from './tenants/api-clients.ts';
export * from './tenants/audit-events.ts';
export * from './tenants/delegations.ts';
export * from './tenants/memberships.ts';
export * from './tenants/organisation-enums.ts';
export * from './tenants/organisations.ts';
