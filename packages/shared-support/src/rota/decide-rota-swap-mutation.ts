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

const DecideRotaSwapInput = builder.inputType('DecideRotaSwapInput', {
  description: 'A swap proposed to one of your people.',
  fields: (t) => ({
    partnershipId: t.id({ required: true, description: 'The partnership (an Organisation global id).' }),
    swapId: t.id({ required: true, description: 'The swap (a RotaSwap global id).' }),
  }),
});

for (const [name, accept] of [
  ['acceptRotaSwap', true],
  ['declineRotaSwap', false],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: RotaSwapPayload,
      description: accept
        ? "The other person's member: consent to a swap; the shifts change hands."
        : "The other person's member: refuse a swap.",
      authScopes: { authenticated: true },
      errors: { types: errors, directResult: true },
      args: { input: t.arg({ type: DecideRotaSwapInput, required: true, description: 'The swap.' }) },
      resolve: async (_root, { input }, context) => {
        const actor = requireSupportRole(context, 'Deciding a swap');
        const tx = requestTransaction(context);
        const swapId = idOf(String(input.swapId), 'RotaSwap', 'input.swapId');
        const { before, after } = await decideRotaSwap(tx, {
          partnershipId: idOf(String(input.partnershipId), 'Organisation', 'input.partnershipId'),
          memberId: actor.organisationId,
          swapId,
          accept,
          decidedBy: actor.principal.subject,
        });
        await recordAuditEvents(tx, auditActor(context), [
          {
            organisationId: actor.organisationId,
            action: accept ? 'rota_swap.accepted' : 'rota_swap.declined',
            targetType: 'RotaSwap',
            targetId: swapId,
            before,
            after,
          },
        ]);
        return { swap: after };
      },
    }),
  );
}

