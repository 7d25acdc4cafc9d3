import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { partnershipMemberWritePolicies, partnershipReadPolicy } from './partnership-policies.ts';
import { rotaSwapStatus } from './shared-support-enums.ts';

/** An out-of-hours shift covering the partnership, held by a named person of a member. */
export const rotaShifts = pgTable.withRLS(
  'rota_shifts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    holderMemberId: uuid('holder_member_id').notNull(),
    holderPersonId: uuid('holder_person_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The member's idempotency key and a hash of the input it came with. */
    idempotencyKey: text('idempotency_key'),
    inputHash: text('input_hash'),
  },
  (t) => [
    primaryKey({ name: 'rota_shifts_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'rota_shifts_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    unique('rota_shifts_idempotency_key').on(t.tenantId, t.holderMemberId, t.idempotencyKey),
    index('rota_shifts_tenant_starts_idx').on(t.tenantId, t.startsAt, t.id),
    index('rota_shifts_holder_idx').on(t.tenantId, t.holderPersonId, t.startsAt),
    check('rota_shifts_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    ...tenantPolicies('rota_shifts', t.tenantId),
    partnershipReadPolicy('rota_shifts', t.tenantId),
    // A member puts its own people on the rota; a swap's taker writes itself in as the holder.
    ...partnershipMemberWritePolicies('rota_shifts', t.tenantId, t.holderMemberId, ['insert', 'update']),
  ],
);

/**
 * A holder asks another person to take its shift (optionally taking one of theirs in return);
 * nothing changes until the other person's member consents.
 */
export const rotaSwaps = pgTable.withRLS(
  'rota_swaps',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    shiftId: uuid('shift_id').notNull(),
    returnShiftId: uuid('return_shift_id'),
    fromMemberId: uuid('from_member_id').notNull(),
    fromPersonId: uuid('from_person_id').notNull(),
    toMemberId: uuid('to_member_id').notNull(),
    toPersonId: uuid('to_person_id').notNull(),
    status: rotaSwapStatus('status').notNull().default('proposed'),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'rota_swaps_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'rota_swaps_shift_fk',
      columns: [t.tenantId, t.shiftId],
      foreignColumns: [rotaShifts.tenantId, rotaShifts.id],
    }),
    foreignKey({
      name: 'rota_swaps_return_shift_fk',
      columns: [t.tenantId, t.returnShiftId],
      foreignColumns: [rotaShifts.tenantId, rotaShifts.id],
    }),
    index('rota_swaps_shift_idx').on(t.tenantId, t.shiftId, t.proposedAt),
    ...tenantPolicies('rota_swaps', t.tenantId),
    partnershipReadPolicy('rota_swaps', t.tenantId),
    ...partnershipMemberWritePolicies('rota_swaps', t.tenantId, t.fromMemberId, ['insert'], 'proposer'),
    ...partnershipMemberWritePolicies('rota_swaps', t.tenantId, t.toMemberId, ['update'], 'taker'),
  ],
);
