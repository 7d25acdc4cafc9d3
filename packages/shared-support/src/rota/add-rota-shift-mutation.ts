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

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

const AddRotaShiftInput = builder.inputType('AddRotaShiftInput', {
  description: 'One of your people on call for the partnership.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    personId: t.id({ required: true, description: 'Your person (a SupportPerson or SharedPerson global id).' }),
    startsAt: t.field({ type: 'DateTime', required: true, description: 'When the shift starts.' }),
    endsAt: t.field({ type: 'DateTime', required: true, description: 'When it ends (at most 96 hours later).' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your key for this shift: the same key returns the same shift.',
    }),
  }),
});

const RotaShiftPayload = builder.objectRef<{ shift: ShiftView }>('RotaShiftPayload').implement({
  description: 'The shift.',
  fields: (t) => ({ shift: t.field({ type: RotaShiftRef, description: 'The shift.', resolve: (p) => p.shift }) }),
});

function personIdOf(globalId: string, field: string): string {
  try {
    return idOf(globalId, 'SupportPerson', field);
  } catch {
    return idOf(globalId, 'SharedPerson', field);
  }
}

builder.mutationField('addRotaShift', (t) =>
  t.field({
    type: RotaShiftPayload,
    description:
      'Tenant admins and service agents of an opted-in member: put one of your people on the out-of-hours rota.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: AddRotaShiftInput, required: true, description: 'The shift.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Adding a shift');
      const tx = requestTransaction(context);
      const partnershipId = idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId');
      const { shift, replayed } = await addRotaShift(tx, {
        partnershipId,
        memberId: actor.organisationId,
        personId: personIdOf(String(input.personId), 'input.personId'),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdBy: actor.principal.subject,
        idempotencyKey: input.idempotencyKey,
      });
      if (!replayed) {
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: 'rota_shift.added',
            targetType: 'RotaShift',
            targetId: shift.id,
            after: shift,
          },
        ]);
      }
      const view = await loadShift(tx, partnershipId, shift.id);
      if (!view) throw new Error('The shift was not found after writing it');
      return { shift: view };
    },
  }),
);

