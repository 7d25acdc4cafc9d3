// What a domain's table declarations need from the kernel: the database roles, the policies every
// tenant table carries, the roles a membership may hold and the nations with a calendar. Its own
// subpath (`@ssp/core/tables`), so that loading tables (drizzle-kit does) loads nothing else.

export { MEMBERSHIP_ROLES } from '../../auth/principal.ts';
export { NATIONS } from '../../calendar/nation.ts';
export * from './database-roles.ts';
export * from './tenant-policies.ts';
