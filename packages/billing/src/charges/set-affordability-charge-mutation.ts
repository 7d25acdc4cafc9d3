import {
  ForbiddenError,
  money,
  NotFoundError,
  parseFiscalYear,
  requestActor,
  requestTransaction,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor, OrganisationRef, recordAuditEvents } from '@ssp/tenants';
import { findVisibleOrganisation, requireServingPartner } from '../access/billing-access.ts';
import { AffordabilityChargeRef, PaymentProfileEnum } from './affordability-charge-type.ts';
import { type AffordabilityChargeRow, setAffordabilityCharge } from './set-affordability-charge.ts';

/** The charge as the audit trail records it: pence as text, so JSON keeps every digit. */
export function chargeAuditView(charge: AffordabilityChargeRow) {
  return {
    fiscalYear: charge.fiscalYear,
    contractSchedule: charge.contractSchedule,
    annualPence: charge.annualPence.toString(),
    paymentProfile: charge.paymentProfile,
  };
}

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
        resolve: (p) => p.charge,
      }),
    }),
  });

builder.mutationField('setAffordabilityCharge', (t) =>
  t.field({
    type: SetAffordabilityChargePayload,
    description:
      "Sets or changes an organisation's affordability charge for a fiscal year. Finance of the partnership serving it (or a platform admin); recorded in the audit trail with its before and after. Setting the same values again changes nothing.",
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { input: t.arg({ type: SetAffordabilityChargeInput, required: true, description: 'The charge.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      const organisationId = input.organisationId.id;
      requireServingPartner(actor, organisationId, 'Setting an affordability charge');
      const tx = requestTransaction(context);
      await findVisibleOrganisation(tx, organisationId);
      const { charge, before } = await setAffordabilityCharge(tx, {
        organisationId,
        fiscalYear: parseFiscalYear(input.fiscalYear, { field: 'input.fiscalYear' }),
        contractSchedule: input.contractSchedule,
        annual: money.parseMoney(input.annualAmount, { field: 'input.annualAmount' }),
        paymentProfile: input.paymentProfile,
        setBy: actor.principal.subject,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId,
          action: before ? 'affordability_charge.changed' : 'affordability_charge.set',
          targetType: 'affordability_charge',
          targetId: charge.id,
          before: before ? chargeAuditView(before) : null,
          after: chargeAuditView(charge),
        },
      ]);
      return { charge };
    },
  }),
);
