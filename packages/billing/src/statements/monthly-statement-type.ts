import { money, requestActor, requestTransaction } from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { findVisibleOrganisation, requireBillingReader } from '../access/billing-access.ts';
import { PaymentProfileEnum } from '../charges/affordability-charge-type.ts';
import {
  type CreditRow,
  type InstalmentLine,
  type MonthlyStatement,
  monthlyStatement,
  type UsageLine,
} from './monthly-statement.ts';
import { parseStatementMonth } from './statement-month.ts';

const InstalmentLineRef = builder.objectRef<InstalmentLine>('StatementInstalmentLine').implement({
  description: "The month's affordability instalment and the charge it comes from.",
  fields: (t) => ({
    contractSchedule: t.string({ description: 'The contract schedule.', resolve: (line) => line.contractSchedule }),
    paymentProfile: t.field({
      type: PaymentProfileEnum,
      description: 'Monthly or quarterly.',
      resolve: (line) => line.paymentProfile,
    }),
    annualCharge: t.field({
      type: MoneyRef,
      description: 'The annual charge before reductions.',
      resolve: (line) => line.annualCharge,
    }),
    reductionInForce: t.field({
      type: MoneyRef,
      description: 'The reductions in force in the fiscal year.',
      resolve: (line) => line.reductionInForce,
    }),
    netCharge: t.field({
      type: MoneyRef,
      description: 'The annual charge less reductions.',
      resolve: (line) => line.netCharge,
    }),
    amount: t.field({
      type: MoneyRef,
      description: "This month's instalment of the net charge.",
      resolve: (line) => line.amount,
    }),
  }),
});

const UsageLineRef = builder.objectRef<UsageLine>('StatementUsageLine').implement({
  description: 'The requests of one offering closed in the month, priced at the subscription unit price.',
  fields: (t) => ({
    offeringName: t.string({ description: 'The catalogue offering.', resolve: (line) => line.offeringName }),
    unitPrice: t.field({
      type: MoneyRef,
      description: 'The subscription unit price.',
      resolve: (line) => line.unitPrice,
    }),
    quantity: t.int({ description: 'How many requests were closed in the month.', resolve: (line) => line.quantity }),
    amount: t.field({ type: MoneyRef, description: 'Unit price times quantity.', resolve: (line) => line.amount }),
  }),
});

export const StatementCreditRef = builder.objectRef<CreditRow>('StatementCredit').implement({
  description: 'A credit on a monthly statement (append-only: a wrong credit is answered by a negative one).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The credit id.' }),
    amount: t.field({
      type: MoneyRef,
      description: 'What the organisation is credited (negative corrects an earlier credit).',
      resolve: (credit) => money.fromPence(credit.amountPence),
    }),
    reason: t.exposeString('reason', { description: 'Why.' }),
    recordedBy: t.exposeString('recordedBy', { description: 'Who recorded it.' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When.' }),
  }),
});

const MonthlyStatementRef = builder.objectRef<MonthlyStatement>('MonthlyStatement').implement({
  description:
    "An organisation's statement for a calendar month (London time): the affordability instalment due, usage charges for requests closed in the month, and credits. Totals are summed from the lines.",
  fields: (t) => ({
    month: t.string({ description: 'The month, YYYY-MM.', resolve: (s) => s.month.month }),
    instalment: t.field({
      type: InstalmentLineRef,
      nullable: true,
      description:
        'The affordability instalment due this month; null if none falls due (no charge set, or a quarterly profile).',
      resolve: (s) => s.instalment,
    }),
    usage: t.field({
      type: [UsageLineRef],
      description: 'Usage charges, one line per offering.',
      resolve: (s) => s.usage,
    }),
    credits: t.field({ type: [StatementCreditRef], description: "The month's credits.", resolve: (s) => s.credits }),
    usageTotal: t.field({ type: MoneyRef, description: 'The sum of the usage lines.', resolve: (s) => s.usageTotal }),
    creditsTotal: t.field({ type: MoneyRef, description: 'The sum of the credits.', resolve: (s) => s.creditsTotal }),
    amountDue: t.field({
      type: MoneyRef,
      description: 'Instalment plus usage, less credits.',
      resolve: (s) => s.amountDue,
    }),
  }),
});

builder.queryField('monthlyStatement', (t) =>
  t.field({
    type: MonthlyStatementRef,
    description:
      "An organisation's monthly statement. Finance and tenant admins of the organisation or of one serving it.",
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.globalID({ for: OrganisationRef, required: true, description: 'The organisation.' }),
      month: t.arg.string({ required: true, description: 'The month, YYYY-MM (e.g. "2018-03").' }),
    },
    resolve: async (_root, args, context) => {
      requireBillingReader(requestActor(context), 'Reading a statement');
      const tx = requestTransaction(context);
      const month = parseStatementMonth(args.month);
      const organisation = await findVisibleOrganisation(tx, args.organisationId.id);
      return monthlyStatement(tx, organisation.id, month);
    },
  }),
);
