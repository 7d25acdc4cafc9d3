import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  ConflictError,
  checkedPageSize,
  describedEnumValues,
  ForbiddenError,
  type Nation,
  NotFoundError,
  type RequestContext,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { auditActor, NationEnum, recordAuditEvents } from '@ssp/tenants';
import { isoDate } from '../common/dates.ts';
import { globalIdOf, idOf } from '../common/global-ids.ts';
import { loadSharedNodes } from '../common/load-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import { loadRotaMembers, loadShift, loadShifts, loadShiftsById, type ShiftView } from './load-rota.ts';
import { addRotaShift, decideRotaSwap, proposeRotaSwap, type RotaSwapRow } from './manage-rota.ts';
import {
  type CoverReport,
  coverReport,
  hoursOf,
  type Interval,
  type MemberCover,
  periodOf,
  totalMs,
} from './out-of-hours.ts';

const RotaSwapStatusEnum = builder.enumType('RotaSwapStatus', {
  description: 'Where a proposed swap stands.',
  values: describedEnumValues<(typeof tables.rotaSwapStatus.enumValues)[number]>({
    proposed: "Waiting for the other person's consent.",
    accepted: 'Consented: the shifts changed hands.',
    declined: 'Refused: nothing changed.',
  }),
});

const RotaSwapRef = builder.objectRef<RotaSwapRow>('RotaSwap').implement({
  description: 'A request that another person take a shift (perhaps giving one of theirs in return).',
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (s) => ({ type: 'RotaSwap', id: s.id }) }),
    shiftId: t.id({ description: 'The shift to hand over.', resolve: (s) => globalIdOf('RotaShift', s.shiftId) }),
    returnShiftId: t.id({
      nullable: true,
      description: 'The shift given in return, if any.',
      resolve: (s) => (s.returnShiftId ? globalIdOf('RotaShift', s.returnShiftId) : null),
    }),
    toPersonId: t.id({
      description: 'Who is asked to take it.',
      resolve: (s) => globalIdOf('SharedPerson', s.toPersonId),
    }),
    status: t.field({
      type: RotaSwapStatusEnum,
      description: 'Proposed, accepted or declined.',
      resolve: (s) => s.status,
    }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime', description: 'When it was proposed.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When it was decided.' }),
  }),
});

const RotaSwapPayload = builder.objectRef<{ swap: RotaSwapRow }>('RotaSwapPayload').implement({
  description: 'The swap.',
  fields: (t) => ({ swap: t.field({ type: RotaSwapRef, description: 'The swap.', resolve: (p) => p.swap }) }),
});

