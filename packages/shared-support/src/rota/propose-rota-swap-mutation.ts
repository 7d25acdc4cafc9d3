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

const ProposeRotaSwapInput = builder.inputType('ProposeRotaSwapInput', {
  description: 'Ask another person to take a shift your person holds.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    shiftId: t.id({ required: true, description: 'The shift (a RotaShift global id).' }),
    toPersonId: t.id({ required: true, description: 'Who you ask (a SharedPerson global id).' }),
    returnShiftId: t.id({ required: false, description: 'A shift of theirs your person takes in return.' }),
  }),
});

builder.mutationField('proposeRotaSwap', (t) =>
  t.field({
    type: RotaSwapPayload,
    description: "The holder's member: propose a swap; nothing changes until the other person's member consents.",
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: ProposeRotaSwapInput, required: true, description: 'The swap.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requireSupportRole(context, 'Proposing a swap');
      const tx = requestTransaction(context);
      const swap = await proposeRotaSwap(tx, {
        partnershipId: idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId'),
        memberId: actor.organisationId,
        shiftId: idOf(String(input.shiftId), 'RotaShift', 'input.shiftId'),
        toPersonId: idOf(String(input.toPersonId), 'SharedPerson', 'input.toPersonId'),
        returnShiftId: input.returnShiftId
          ? idOf(String(input.returnShiftId), 'RotaShift', 'input.returnShiftId')
          : null,
        proposedBy: actor.principal.subject,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'rota_swap.proposed',
          targetType: 'RotaSwap',
          targetId: swap.id,
          after: swap,
        },
      ]);
      return { swap };
    },
  }),
);

