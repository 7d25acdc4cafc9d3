import { platformOnlyPolicy, runtimeRole, tenantPolicies } from '@ssp/core/tables';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgPolicy, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { membershipRole } from './organisation-enums.ts';
import { organisations } from './organisations.ts';

/**
 * A machine client (a council's HR system, a school's MIS) that gets tokens with the OAuth 2.0
 * client-credentials grant. Only a slow hash of its secret is kept. A rotated secret keeps the
 * previous hash valid until `previous_secret_expires_at`.
 */
export const apiClients = pgTable.withRLS(
  'api_clients',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: text('client_id').notNull(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    previousSecretHash: text('previous_secret_hash'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    roles: membershipRole('roles').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'api_clients_pkey', columns: [t.tenantId, t.id] }),
    unique('api_clients_tenant_client_id_key').on(t.tenantId, t.clientId),
    foreignKey({ name: 'api_clients_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('api_clients_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    ...tenantPolicies('api_clients', t.tenantId),
  ],
);

/**
 * Platform-wide directory from a public client id to the organisation that owns it, so the token
 * endpoint can open a transaction for the right tenant before it reads the secret hash. It holds
 * nothing secret and no foreign key into tenant tables (a Citus reference table).
 */
export const apiClientDirectory = pgTable.withRLS(
  'api_client_directory',
  {
    clientId: text('client_id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  // Read only on the platform path (the token endpoint). A tenant admin registering a client
  // may add an entry for an organisation it acts for, and nothing else: no read, no change.
  (t) => [
    platformOnlyPolicy('api_client_directory'),
    pgPolicy('api_client_directory_tenant_register', {
      as: 'permissive',
      for: 'insert',
      to: runtimeRole,
      withCheck: sql`app.in_tenant_context(${t.organisationId})`,
    }),
  ],
);

/**
 * An organisation's own identity provider (a council's single sign-on), trusted for that
 * organisation's members only. Platform-wide configuration, read before a tenant is known.
 */
export const identityProviders = pgTable.withRLS(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    issuer: text('issuer').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    audience: text('audience').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('identity_providers_issuer_key').on(t.issuer), platformOnlyPolicy('identity_providers')],
);
