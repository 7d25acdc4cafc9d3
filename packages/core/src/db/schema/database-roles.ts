import { pgRole } from 'drizzle-orm/pg-core';

/**
 * The roles row-level security is written for. They are cluster-wide, so the first migration
 * creates them only when missing; drizzle-kit must not try to create them again (`existing`).
 *
 * - `ssp_runtime` runs every tenant request: not a superuser, no BYPASSRLS, owns no table, can log
 *   in (Citus opens its worker connections as the current role).
 * - `ssp_platform` runs partnership-wide work (platform admins, seeding, cross-tenant look-ups):
 *   it sees every tenant through policies written for it, never by owning the tables.
 */
export const runtimeRole = pgRole('ssp_runtime').existing();
export const platformRole = pgRole('ssp_platform').existing();
