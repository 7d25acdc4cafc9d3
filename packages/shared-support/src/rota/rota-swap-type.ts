import { describedEnumValues } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import type { RotaSwapRow } from './rota-shift-checks.ts';

const RotaSwapStatusEnum = builder.enumType('RotaSwapStatus', {
  description: 'Where a proposed swap stands.',
  values: describedEnumValues<(typeof tables.rotaSwapStatus.enumValues)[number]>({
    proposed: "Waiting for the other person's consent.",
    accepted: 'Consented: the shifts changed hands.',
    declined: 'Refused: nothing changed.',
  }),
});

export const RotaSwapRef = builder.objectRef<RotaSwapRow>('RotaSwap').implement({
  description: 'A request that another person take a shift (perhaps giving one of theirs in return).',
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (s) => ({ type: 'RotaSwap', id: s.id }) }),
    shiftId: t.globalID({
      description: 'The shift to hand over.',
      resolve: (s) => ({ type: 'RotaShift', id: s.shiftId }),
    }),
    returnShiftId: t.globalID({
      nullable: true,
      description: 'The shift given in return, if any.',
      resolve: (s) => (s.returnShiftId ? { type: 'RotaShift', id: s.returnShiftId } : null),
    }),
    toPersonId: t.globalID({
      description: 'Who is asked to take it.',
      resolve: (s) => ({ type: 'SharedPerson', id: s.toPersonId }),
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

export const RotaSwapPayload = builder.objectRef<{ swap: RotaSwapRow }>('RotaSwapPayload').implement({
  description: 'The swap.',
  fields: (t) => ({ swap: t.field({ type: RotaSwapRef, description: 'The swap.', resolve: (p) => p.swap }) }),
});
