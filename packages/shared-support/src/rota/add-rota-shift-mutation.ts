import type { PlatformTransaction } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { supportCallers } from '../common/support-callers.ts';
import { SharedPersonRef, SupportPersonRef } from '../directory/directory-type.ts';
import { addRotaShift } from './add-rota-shift.ts';
import { RotaShiftRef } from './rota-type.ts';
import { loadShift, type ShiftView } from './rota-views.ts';

const AddRotaShiftInput = builder.inputType('AddRotaShiftInput', {
  description: 'One of your people on call for the partnership.',
  fields: (t) => ({
    partnershipId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The partnership (an Organisation global id).',
    }),
    personId: t.globalID({
      for: [SupportPersonRef, SharedPersonRef],
      required: true,
      description: 'Your person (a SupportPerson or SharedPerson global id).',
    }),
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

async function shiftPayload(tx: PlatformTransaction, partnershipId: string, shiftId: string) {
  const shift = await loadShift(tx, partnershipId, shiftId);
  if (!shift) throw new Error('The shift was not found after writing it');
  return { shift };
}

defineMutation('addRotaShift', {
  description:
    'Tenant admins and service agents of an opted-in member: put one of your people on the out-of-hours rota.',
  input: AddRotaShiftInput,
  inputDescription: 'The shift.',
  payload: RotaShiftPayload,
  callers: supportCallers('Adding a shift'),
  run: async (input, caller, tx) => {
    const partnershipId = input.partnershipId.id;
    const { shift } = await addRotaShift(tx, caller, {
      partnershipId,
      personId: input.personId.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      idempotencyKey: input.idempotencyKey,
    });
    return shiftPayload(tx, partnershipId, shift.id);
  },
});
