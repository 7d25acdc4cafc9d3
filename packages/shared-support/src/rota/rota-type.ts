import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  ForbiddenError,
  type Nation,
  type RequestContext,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { NationEnum } from '@ssp/tenants';
import { isoDate } from '../common/dates.ts';
import { findSharedNodes } from '../common/find-shared-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  type CoverReport,
  coverReport,
  hoursOf,
  type Interval,
  type MemberCover,
  periodOf,
  totalMs,
} from './out-of-hours.ts';
import { loadRotaMembers, loadShifts, loadShiftsById, type ShiftView } from './rota-views.ts';

const RotaHolderRef = builder.objectRef<NonNullable<ShiftView['holder']>>('RotaHolder').implement({
  description: 'The person holding a shift, as their organisation publishes them (unshared fields are null).',
  fields: (t) => ({
    fullName: t.exposeString('fullName', { nullable: true, description: 'Their name, if shared.' }),
    roleTitle: t.exposeString('roleTitle', { nullable: true, description: 'Their job title, if shared.' }),
    email: t.exposeString('email', { nullable: true, description: 'Their email, if contact details are shared.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their telephone, if contact details are shared.' }),
  }),
});

export const RotaShiftRef = builder.node(builder.objectRef<ShiftView>('RotaShift'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.RotaShift),
  description: 'An out-of-hours shift covering the partnership, held by a named person of a member.',
  id: { resolve: (s) => s.id, description: 'Opaque global id.' },
  loadMany: (ids, context) => findSharedNodes(context, ids, loadShiftsById, 'rota', (s) => [s.holderMemberId]),
  fields: (t) => ({
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When the shift starts.' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'When it ends.' }),
    hours: t.float({
      description: 'Its length in elapsed hours (a night across a clock change is an hour shorter or longer).',
      resolve: (s) => hoursOf(s.endsAt.getTime() - s.startsAt.getTime()),
    }),
    holderMemberId: t.globalID({
      description: "The global id of the holder's organisation.",
      resolve: (s) => ({ type: 'Organisation', id: s.holderMemberId }),
    }),
    holderMemberName: t.exposeString('holderMemberName', { description: "The holder's organisation." }),
    holderPersonId: t.globalID({
      description: 'The global id of the holder (a SharedPerson).',
      resolve: (s) => ({ type: 'SharedPerson', id: s.holderPersonId }),
    }),
    holder: t.field({
      type: RotaHolderRef,
      nullable: true,
      description: 'The holder as published now (after any accepted swap).',
      resolve: (s) => s.holder,
    }),
  }),
});

function requireSupportRole(context: RequestContext, action: string) {
  const actor = requestActor(context);
  requireRole(actor, SUPPORT_ROLES, action);
  if (actor.platformScope)
    throw new ForbiddenError('Shared support is used by the members themselves', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
  return actor;
}

async function recordShiftReads(context: RequestContext, partnershipId: string, shifts: ShiftView[]) {
  await recordSharedReads(
    context,
    partnershipId,
    'rota',
    shifts.map((s) => ({ memberOrganisationId: s.holderMemberId, ids: [s.id] })),
  );
}

function reportPeriod(from: string, to: string) {
  isoDate(from, 'from');
  isoDate(to, 'to');
  return periodOf(from, to);
}

builder.objectField(SharedSupportRef, 'rota', (t) =>
  t.connection(
    {
      type: RotaShiftRef,
      description:
        'The shifts overlapping a period of days (London dates, both included), in order. Tenant admins, service agents and finance of a member.',
      args: {
        from: t.arg.string({ required: true, description: 'First day (YYYY-MM-DD).' }),
        to: t.arg.string({ required: true, description: 'Last day (YYYY-MM-DD).' }),
      },
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        requireReadAccess(SHARED_SUPPORT_READ_RULES.RotaShift, context, 'Reading the rota');
        const period = reportPeriod(args.from, args.to);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const shifts = await loadShifts(
            tx,
            support.partnershipId,
            new Date(period.start),
            new Date(period.end),
            limit,
            offset,
          );
          await recordShiftReads(context, support.partnershipId, shifts);
          return shifts;
        });
      },
    },
    { name: 'RotaShiftConnection', description: 'A page of the rota.' },
    { name: 'RotaShiftEdge', description: 'A shift, with its cursor.' },
  ),
);

const TimePeriodRef = builder.objectRef<Interval>('TimePeriod').implement({
  description: 'A span of time.',
  fields: (t) => ({
    startsAt: t.field({ type: 'DateTime', description: 'Start (included).', resolve: (i) => new Date(i.start) }),
    endsAt: t.field({ type: 'DateTime', description: 'End (excluded).', resolve: (i) => new Date(i.end) }),
    hours: t.float({ description: 'Elapsed hours.', resolve: (i) => hoursOf(i.end - i.start) }),
  }),
});

const MemberCoverRef = builder.objectRef<MemberCover>('MemberRotaCover').implement({
  description:
    "One member's out-of-hours time in the period, how much of it was covered, and its share of the shifts held.",
  fields: (t) => ({
    memberId: t.globalID({
      description: 'The global id of the member.',
      resolve: (m) => ({ type: 'Organisation', id: m.memberId }),
    }),
    name: t.exposeString('name', { description: 'The member.' }),
    nation: t.field({
      type: NationEnum,
      description: 'Whose bank holidays apply.',
      resolve: (m) => m.nation as Nation,
    }),
    outOfHoursHours: t.float({
      description: 'Its out-of-hours time in the period: evenings, nights, weekends and its own bank holidays.',
      resolve: (m) => hoursOf(m.outOfHoursMs),
    }),
    coveredHours: t.float({
      description: 'Of those, hours someone was on call.',
      resolve: (m) => hoursOf(m.coveredMs),
    }),
    uncoveredHours: t.float({
      description: 'Of those, hours nobody was on call.',
      resolve: (m) => hoursOf(totalMs(m.uncovered)),
    }),
    uncoveredPeriods: t.field({
      type: [TimePeriodRef],
      description: 'When nobody was on call for it.',
      resolve: (m) => m.uncovered,
    }),
    heldHours: t.float({
      description: 'Shift hours its people held in the period.',
      resolve: (m) => hoursOf(m.heldMs),
    }),
    sharePercent: t.float({
      description: 'Its share of the partnership, in percent (its rota weight over all members).',
      resolve: (m) => Math.round(m.share * 10_000) / 100,
    }),
    expectedHeldHours: t.float({
      description: 'Its share of all the shift hours held in the period.',
      resolve: (m) => hoursOf(m.expectedHeldMs),
    }),
  }),
});

const CoverReportRef = builder.objectRef<CoverReport & { from: string; to: string }>('RotaCoverReport').implement({
  description:
    'Uncovered out-of-hours time over a period, for the partnership and for each member, on each member nation calendar.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'First day (YYYY-MM-DD, London).' }),
    to: t.exposeString('to', { description: 'Last day (YYYY-MM-DD, London).' }),
    outOfHoursHours: t.float({
      description: 'Hours in which at least one member was out of hours.',
      resolve: (r) => hoursOf(r.outOfHoursMs),
    }),
    uncoveredHours: t.float({
      description: 'Hours in which at least one member was out of hours and nobody was on call.',
      resolve: (r) => hoursOf(totalMs(r.uncovered)),
    }),
    uncoveredPeriods: t.field({ type: [TimePeriodRef], description: 'When that was.', resolve: (r) => r.uncovered }),
    heldHours: t.float({
      description: 'Shift hours held in the period, by everyone.',
      resolve: (r) => hoursOf(r.heldMs),
    }),
    members: t.field({
      type: [MemberCoverRef],
      description: 'Each member taking part, by name.',
      resolve: (r) => r.members,
    }),
  }),
});

builder.objectField(SharedSupportRef, 'rotaCover', (t) =>
  t.field({
    type: CoverReportRef,
    description:
      "Uncovered out-of-hours hours for a period of days (at most a year, London dates, both included), and each member's shift hours against its share.",
    args: {
      from: t.arg.string({ required: true, description: 'First day (YYYY-MM-DD).' }),
      to: t.arg.string({ required: true, description: 'Last day (YYYY-MM-DD).' }),
    },
    resolve: async (support, args, context) => {
      requireSupportRole(context, 'Reading the rota');
      const period = reportPeriod(args.from, args.to);
      const tx = requestTransaction(context);
      const [members, shifts] = [
        await loadRotaMembers(tx, support.partnershipId),
        await loadShifts(tx, support.partnershipId, new Date(period.start), new Date(period.end)),
      ];
      await recordShiftReads(context, support.partnershipId, shifts);
      const report = coverReport(
        members,
        shifts.map((s) => ({ start: s.startsAt.getTime(), end: s.endsAt.getTime(), memberId: s.holderMemberId })),
        args.from,
        args.to,
      );
      return { ...report, from: args.from, to: args.to };
    },
  }),
);
