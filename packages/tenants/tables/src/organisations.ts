import { platformRole, runtimeRole } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { identifierScheme, lifecycleStatus, nation, organisationKind } from './organisation-enums.ts';

/**
 * The tenant registry. Platform-wide (no `tenant_id` column): an organisation's `id` is the
 * `tenant_id` of its rows everywhere else. It is protected by its own policy on that id, so a
 * runtime transaction sees only the organisations it acts for.
 */
export const organisations = pgTable.withRLS(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable human handle (CLI, seeds); unique across the platform, like the official ids. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: organisationKind('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    lifecycleStatus: lifecycleStatus('lifecycle_status').notNull().default('onboarding'),
    nation: nation('nation').notNull(),
    identifierScheme: identifierScheme('identifier_scheme'),
    identifier: text('identifier'),
    /** True when the name was generated for seed data rather than taken from a source. */
    generated: boolean('generated').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organisations_slug_key').on(t.slug),
    // The same body cannot be registered twice under its official identifier.
    unique('organisations_official_identifier_key').on(t.identifierScheme, t.identifier),
    index('organisations_parent_name_idx').on(t.parentId, t.name, t.id),
    index('organisations_name_idx').on(t.name, t.id),
    pgPolicy('organisations_visible_tenants', {
      for: 'select',
      to: runtimeRole,
      using: sql`${t.id} = any (app.current_tenant_ids())`,
    }),
    // Onboarding: a tenant admin registers a new organisation beneath one it acts for (the new
    // id is put in the tenant context first, so the row can be read back).
    pgPolicy('organisations_onboard_beneath_visible', {
      for: 'insert',
      to: runtimeRole,
      withCheck: sql`app.in_tenant_context(${t.parentId}) and app.in_tenant_context(${t.id})`,
    }),
    pgPolicy('organisations_platform_access', {
      for: 'all',
      to: platformRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
);
