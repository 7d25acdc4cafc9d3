export * from './api-clients.ts';
export * from './audit-events.ts';
export * from './delegations.ts';
export * from './memberships.ts';
export * from './organisation-enums.ts';
export * from './organisations.ts';
