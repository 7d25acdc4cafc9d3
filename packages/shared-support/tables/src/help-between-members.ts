import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipMemberWritePolicies, partnershipReadPolicy } from './partnership-policies.ts';
import { helpLoanStatus, helpRequestStatus } from './shared-support-enums.ts';
import { supportSkills } from './support-skills.ts';

/** A member asks the partnership for help with a skill over a period. Belongs to the partnership. */
export const helpRequests = pgTable.withRLS(
  'help_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestingMemberId: uuid('requesting_member_id').notNull(),
    skillCode: text('skill_code').notNull(),
    minimumLevel: smallint('minimum_level').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    daysNeeded: integer('days_needed').notNull(),
    description: text('description').notNull(),
    /** What an agency would have charged per day, as the asking member records it, in pence. */
    agencyDayRatePence: bigint('agency_day_rate_pence', { mode: 'number' }).notNull(),
    status: helpRequestStatus('status').notNull().default('open'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    idempotencyKey: text('idempotency_key').notNull(),
    inputHash: text('input_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'help_requests_pkey', columns: [t.tenantId, t.id] }),
    unique('help_requests_tenant_idempotency_key').on(t.tenantId, t.requestingMemberId, t.idempotencyKey),
    foreignKey({ name: 'help_requests_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    foreignKey({ name: 'help_requests_skill_fk', columns: [t.skillCode], foreignColumns: [supportSkills.code] }),
    index('help_requests_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('help_requests_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('help_requests_days_check', sql`${t.daysNeeded} > 0`),
    check('help_requests_agency_rate_check', sql`${t.agencyDayRatePence} >= 0`),
    check('help_requests_level_check', sql`${t.minimumLevel} between 1 and 4`),
    ...tenantPolicies('help_requests', t.tenantId),
    partnershipReadPolicy('help_requests', t.tenantId),
    ...partnershipMemberWritePolicies('help_requests', t.tenantId, t.requestingMemberId, ['insert', 'update']),
  ],
);

/**
 * Another member offers a named person for part of the period; the asking member accepts, and
 * records the days given. The day rate is fixed from the programme when the offer is accepted.
 */
export const helpLoans = pgTable.withRLS(
  'help_loans',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    requestingMemberId: uuid('requesting_member_id').notNull(),
    lendingMemberId: uuid('lending_member_id').notNull(),
    personId: uuid('person_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    daysOffered: integer('days_offered').notNull(),
    status: helpLoanStatus('status').notNull().default('offered'),
    dayRatePence: bigint('day_rate_pence', { mode: 'number' }),
    agencyDayRatePence: bigint('agency_day_rate_pence', { mode: 'number' }).notNull(),
    daysGiven: integer('days_given'),
    offeredBy: text('offered_by').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    givenRecordedAt: timestamp('given_recorded_at', { withTimezone: true }),
    /** The lender's idempotency key and a hash of the input it came with. */
    idempotencyKey: text('idempotency_key'),
    inputHash: text('input_hash'),
  },
  (t) => [
    primaryKey({ name: 'help_loans_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'help_loans_request_fk',
      columns: [t.tenantId, t.requestId],
      foreignColumns: [helpRequests.tenantId, helpRequests.id],
    }),
    unique('help_loans_idempotency_key').on(t.tenantId, t.lendingMemberId, t.idempotencyKey),
    index('help_loans_request_idx').on(t.tenantId, t.requestId, t.offeredAt),
    check('help_loans_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('help_loans_days_check', sql`${t.daysOffered} > 0 and (${t.daysGiven} is null or ${t.daysGiven} >= 0)`),
    ...tenantPolicies('help_loans', t.tenantId),
    partnershipReadPolicy('help_loans', t.tenantId),
    ...partnershipMemberWritePolicies('help_loans', t.tenantId, t.lendingMemberId, ['insert'], 'lender'),
    ...partnershipMemberWritePolicies('help_loans', t.tenantId, t.requestingMemberId, ['update'], 'requester'),
  ],
);
