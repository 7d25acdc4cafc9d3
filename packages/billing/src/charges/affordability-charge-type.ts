import type * as tables from '@ssp/billing-tables';
import {
  computedFromRowExtension,
  describedEnumValues,
  fiscalYearStarting,
  formatFiscalYear,
  listableBy,
  money,
  pageSizeOptions,
  readableBy,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { BILLING_READ_RULES } from '../access/read-rules.ts';
import { chargeInstalments, type Instalment } from './charge-instalments.ts';

export const PaymentProfileEnum = builder.enumType('PaymentProfile', {
  description: 'How an annual charge is paid.',
  values: describedEnumValues<(typeof tables.paymentProfile.enumValues)[number]>({
    monthly: 'Twelve monthly instalments, April to March.',
    quarterly: 'Four quarterly instalments, in April, July, October and January.',
  }),
});

export const InstalmentRef = builder.objectRef<Instalment>('Instalment').implement({
  description: 'One instalment of a charge. The instalments of a year add up to its net charge exactly.',
  fields: (t) => ({
    dueMonth: t.string({ description: 'The month it is due, YYYY-MM.', resolve: (instalment) => instalment.dueMonth }),
    amount: t.field({ type: MoneyRef, description: 'What is due.', resolve: (instalment) => instalment.amount }),
  }),
});

/** The reductions an organisation has asked for, read in the same statement as the charge. */
const reductionsSelection = {
  columns: { fiscalYear: true, annualPence: true, paymentProfile: true },
  with: {
    organisation: {
      columns: { id: true },
      with: { reductionRequests: { columns: { amountPence: true, fromFiscalYear: true } } },
    },
  },
} as const;

type ChargeWithReductions = {
  fiscalYear: number;
  annualPence: bigint;
  paymentProfile: money.PaymentProfile;
  organisation: { reductionRequests: { amountPence: bigint; fromFiscalYear: number }[] };
};

function reductionInForce(charge: ChargeWithReductions): money.Money {
  return money.sum(
    charge.organisation.reductionRequests
      .filter((reduction) => reduction.fromFiscalYear <= charge.fiscalYear)
      .map((reduction) => money.fromPence(reduction.amountPence)),
  );
}

function netCharge(charge: ChargeWithReductions): money.Money {
  return money.subtract(money.fromPence(charge.annualPence), reductionInForce(charge));
}

export const AffordabilityChargeRef = builder.drizzleNode('affordabilityCharges', {
  name: 'AffordabilityCharge',
  ...readableBy(BILLING_READ_RULES.AffordabilityCharge),
  description:
    'What an organisation pays the partnership for a fiscal year under its contract schedule, less the reductions in force that year, and the instalments it is paid in.',
  id: { column: (charge) => charge.id, description: 'Opaque global id.' },
  fields: (t) => ({
    organisation: t.relation('organisation', { description: 'The organisation charged.' }),
    fiscalYear: t.string({
      description: 'The fiscal year, e.g. "2017/18".',
      select: { columns: { fiscalYear: true } },
      extensions: computedFromRowExtension,
      resolve: (charge) => formatFiscalYear(fiscalYearStarting(charge.fiscalYear)),
    }),
    contractSchedule: t.exposeString('contractSchedule', { description: 'The contract schedule it is set under.' }),
    annualCharge: t.field({
      type: MoneyRef,
      description: 'The annual charge before reductions.',
      select: { columns: { annualPence: true } },
      extensions: computedFromRowExtension,
      resolve: (charge) => money.fromPence(charge.annualPence),
    }),
    reductionInForce: t.field({
      type: MoneyRef,
      description: 'The reductions requested from this year or earlier (reductions accumulate year on year).',
      select: reductionsSelection,
      extensions: computedFromRowExtension,
      resolve: (charge) => reductionInForce(charge as ChargeWithReductions),
    }),
    netCharge: t.field({
      type: MoneyRef,
      description: 'The annual charge less the reductions in force: what is paid in instalments.',
      select: reductionsSelection,
      extensions: computedFromRowExtension,
      resolve: (charge) => netCharge(charge as ChargeWithReductions),
    }),
    paymentProfile: t.expose('paymentProfile', { type: PaymentProfileEnum, description: 'Monthly or quarterly.' }),
    instalments: t.field({
      type: [InstalmentRef],
      description: 'The instalments of the net charge, in order; they add up to it exactly (odd pennies first).',
      select: reductionsSelection,
      extensions: computedFromRowExtension,
      resolve: (charge) => {
        const withReductions = charge as ChargeWithReductions;
        return chargeInstalments(
          netCharge(withReductions),
          withReductions.paymentProfile,
          fiscalYearStarting(withReductions.fiscalYear),
        );
      },
    }),
    setBy: t.exposeString('setBy', { description: 'Who last set it.' }),
    setAt: t.expose('setAt', { type: 'DateTime', description: 'When it was last set.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'affordabilityCharges', (t) =>
  t.relatedConnection(
    'affordabilityCharges',
    {
      description:
        "The organisation's affordability charge per fiscal year, latest year first. Finance and tenant admins.",
      ...listableBy(BILLING_READ_RULES.AffordabilityCharge),
      query: { orderBy: { fiscalYear: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'AffordabilityChargeConnection', description: 'A page of affordability charges.' },
    { name: 'AffordabilityChargeEdge' },
  ),
);
