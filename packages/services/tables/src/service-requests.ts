import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { serviceOfferings, slaDefinitions } from './catalogue.ts';
import { recordImports } from './record-imports.ts';
import { incidentPriority, requestStatus } from './service-enums.ts';
import { subscriptions } from './subscriptions.ts';

/**
 * A request or incident raised by an organisation against one of its subscriptions. Its
 * status is also kept here for listing, but the truth is the append-only history below: the SLA
 * clock is computed from that history against the SLA version pinned at raise time.
 */
export const serviceRequests = pgTable.withRLS(
  'service_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Short human reference, e.g. SR-7K2M9Q; unique within the organisation. */
    reference: text('reference').notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    slaDefinitionId: uuid('sla_definition_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    priority: incidentPriority('priority'),
    status: requestStatus('status').notNull().default('new'),
    raisedBy: text('raised_by').notNull(),
    assignedAgent: text('assigned_agent'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    /**
     * The first move out of `new`, copied from the history when it is appended (same transaction),
     * so the response KPI over a year is one scan rather than an aggregate over every history row.
     */
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    /** Resolved at the first point of contact (set when resolved). */
    firstContactResolution: boolean('first_contact_resolution'),
    /** 1 (very poor) to 5 (excellent), given after resolution. */
    satisfactionScore: smallint('satisfaction_score'),
    /** The client's idempotency key and a hash of the input it came with. */
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
    /**
     * Imported requests only (all four set together): the system the history came from, its
     * reference there, the import that brought it and when we recorded it (the import's clock).
     * Reports as of an earlier instant leave it out: we did not know of it then.
     */
    importedFrom: text('imported_from'),
    externalReference: text('external_reference'),
    importId: uuid('import_id'),
    importedAt: timestamp('imported_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'service_requests_pkey', columns: [t.tenantId, t.id] }),
    // One request per reference in the system it came from: importing it again is refused.
    uniqueIndex('service_requests_tenant_external_reference_key')
      .on(t.tenantId, t.importedFrom, t.externalReference)
      .where(sql`imported_from is not null`),
    foreignKey({
      name: 'service_requests_import_fk',
      columns: [t.tenantId, t.importId],
      foreignColumns: [recordImports.tenantId, recordImports.id],
    }),
    unique('service_requests_tenant_reference_key').on(t.tenantId, t.reference),
    unique('service_requests_tenant_idempotency_key').on(t.tenantId, t.idempotencyKey),
    foreignKey({ name: 'service_requests_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    foreignKey({
      name: 'service_requests_subscription_fk',
      columns: [t.tenantId, t.subscriptionId],
      foreignColumns: [subscriptions.tenantId, subscriptions.id],
    }),
    foreignKey({
      name: 'service_requests_offering_fk',
      columns: [t.offeringId],
      foreignColumns: [serviceOfferings.id],
    }),
    foreignKey({ name: 'service_requests_sla_fk', columns: [t.slaDefinitionId], foreignColumns: [slaDefinitions.id] }),
    index('service_requests_tenant_raised_idx').on(t.tenantId, t.raisedAt, t.id),
    index('service_requests_tenant_status_idx').on(t.tenantId, t.status, t.raisedAt),
    ...tenantPolicies('service_requests', t.tenantId),
  ],
);

/** Append-only: every status a request has been in, when, why and by whom. */
export const serviceRequestStatusChanges = pgTable.withRLS(
  'service_request_status_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    status: requestStatus('status').notNull(),
    /** Why: required when waiting on the customer (the pause reason) or cancelling. */
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'service_request_status_changes_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'service_request_status_changes_request_fk',
      columns: [t.tenantId, t.requestId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    index('service_request_status_changes_request_idx').on(t.tenantId, t.requestId, t.changedAt),
    ...tenantPolicies('service_request_status_changes', t.tenantId),
  ],
);

/** Append-only conversation on a request. */
export const serviceRequestComments = pgTable.withRLS(
  'service_request_comments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'service_request_comments_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'service_request_comments_request_fk',
      columns: [t.tenantId, t.requestId],
      foreignColumns: [serviceRequests.tenantId, serviceRequests.id],
    }),
    index('service_request_comments_request_idx').on(t.tenantId, t.requestId, t.createdAt),
    ...tenantPolicies('service_request_comments', t.tenantId),
  ],
);
