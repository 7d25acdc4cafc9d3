import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { bigint, foreignKey, index, pgTable, primaryKey, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { serviceOfferings } from './catalogue.ts';
import { priceBasis, subscriptionStatus } from './service-enums.ts';

/** An organisation takes an offering, at the catalogue price or a negotiated one. */
export const subscriptions = pgTable.withRLS(
  'subscriptions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    offeringId: uuid('offering_id').notNull(),
    /** The price of one completed request under this subscription, in pence. */
    unitPricePence: bigint('unit_price_pence', { mode: 'number' }).notNull(),
    priceBasis: priceBasis('price_basis').notNull(),
    status: subscriptionStatus('status').notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'subscriptions_pkey', columns: [t.tenantId, t.id] }),
    // One subscription per offering and organisation (ended ones stay, for the usage history).
    unique('subscriptions_tenant_offering_key').on(t.tenantId, t.offeringId),
    foreignKey({ name: 'subscriptions_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    foreignKey({ name: 'subscriptions_offering_fk', columns: [t.offeringId], foreignColumns: [serviceOfferings.id] }),
    index('subscriptions_tenant_started_idx').on(t.tenantId, t.startedAt, t.id),
    ...tenantPolicies('subscriptions', t.tenantId),
  ],
);
