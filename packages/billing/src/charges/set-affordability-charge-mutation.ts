import { compiledPayloadObject, money, parseFiscalYear } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { AffordabilityChargeRef, PaymentProfileEnum } from './affordability-charge-type.ts';
import { type AffordabilityChargeRow, setAffordabilityCharge } from './set-affordability-charge.ts';

const SetAffordabilityChargeInput = builder.inputType('SetAffordabilityChargeInput', {
  description: "An organisation's affordability charge for a fiscal year.",
  fields: (t) => ({
    organisationId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation charged.' }),
    fiscalYear: t.string({ required: true, description: 'The fiscal year, e.g. "2017/18".' }),
    contractSchedule: t.string({
      required: true,
      description: 'The contract schedule it is set under (1-200 characters).',
    }),
    annualAmount: t.string({
      required: true,
      description:
        'The annual charge before reductions, in pounds as a decimal string with at most two places, e.g. "1000000.01".',
    }),
    paymentProfile: t.field({
      type: PaymentProfileEnum,
      required: true,
      description: 'Monthly or quarterly instalments.',
    }),
  }),
});

const SetAffordabilityChargePayload = builder
  .objectRef<{ charge: AffordabilityChargeRow }>('SetAffordabilityChargePayload')
  .implement({
    description: 'The charge as set.',
    fields: (t) => ({
      affordabilityCharge: t.field({
        type: AffordabilityChargeRef,
        description: 'The charge.',
        extensions: compiledPayloadObject('charge'),
        resolve: (p) => p.charge,
      }),
    }),
  });

defineMutation('setAffordabilityCharge', {
  description:
    "Sets or changes an organisation's affordability charge for a fiscal year. Finance of the partnership serving it (or a platform admin); recorded in the audit trail with its before and after. Setting the same values again changes nothing.",
  input: SetAffordabilityChargeInput,
  inputDescription: 'The charge.',
  payload: SetAffordabilityChargePayload,
  callers: { roles: ['finance'], action: 'Setting an affordability charge' },
  run: async (input, caller, tx) => {
    const { charge } = await setAffordabilityCharge(tx, caller, {
      organisationId: input.organisationId.id,
      fiscalYear: parseFiscalYear(input.fiscalYear, { field: 'input.fiscalYear' }),
      contractSchedule: input.contractSchedule,
      annual: money.parseMoney(input.annualAmount, { field: 'input.annualAmount' }),
      paymentProfile: input.paymentProfile,
    });
    return { charge };
  },
});
