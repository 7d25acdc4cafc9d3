import { encodeGlobalId, fiscalYearStarting, formatFiscalYear, requestActor, requestTransaction } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import { requireBillingReader } from '../access/billing-access.ts';
import {
  type BenefitsRealisation,
  benefitsRealisation,
  type RealisationLine,
  type RealisationYear,
} from './benefits-realisation.ts';
import { BusinessCaseRef } from './business-case-type.ts';

const RealisationYearRef = builder.objectRef<RealisationYear>('BenefitsRealisationYear').implement({
  description: 'Planned against delivered in one year of a business case.',
  fields: (t) => ({
    yearNumber: t.int({ description: 'Year 1, 2, 3...', resolve: (y) => y.yearNumber }),
    fiscalYear: t.string({
      nullable: true,
      description: 'The fiscal year it falls in (e.g. "2017/18"); null when the case does not say when Year 1 is.',
      resolve: (y) => (y.fiscalYear === null ? null : formatFiscalYear(fiscalYearStarting(y.fiscalYear))),
    }),
    planned: t.field({
      type: MoneyRef,
      description:
        'What the case planned the linked lines to save in the year (recurring lines at their level that year).',
      resolve: (y) => moneyFromPence(y.plannedPence),
    }),
    deliveredActual: t.field({
      type: MoneyRef,
      description: 'Delivered and settled: the ledger figures of the linked opportunities whose basis is actual.',
      resolve: (y) => moneyFromPence(y.deliveredActualPence),
    }),
    deliveredEstimated: t.field({
      type: MoneyRef,
      description: 'Delivered but still estimated: the ledger figures awaiting the accounts.',
      resolve: (y) => moneyFromPence(y.deliveredEstimatedPence),
    }),
    delivered: t.field({
      type: MoneyRef,
      description: 'Actual plus estimated.',
      resolve: (y) => moneyFromPence(y.deliveredActualPence + y.deliveredEstimatedPence),
    }),
    variance: t.field({
      type: MoneyRef,
      description: 'Delivered − planned: positive when the year delivered more than planned.',
      resolve: (y) => moneyFromPence(y.deliveredActualPence + y.deliveredEstimatedPence - y.plannedPence),
    }),
  }),
});

const RealisationLineRef = builder.objectRef<RealisationLine>('BenefitsRealisationLine').implement({
  description: 'One linked saving line: its plan against what its opportunities delivered, year by year.',
  fields: (t) => ({
    lineId: t.id({
      description: 'The line (a BusinessCaseLine global id).',
      resolve: (l) => encodeGlobalId('BusinessCaseLine', l.line.id),
    }),
    name: t.string({ description: 'The line’s name.', resolve: (l) => l.line.name }),
    savingsOpportunityIds: t.idList({
      description: 'The linked savings opportunities (SavingsOpportunity global ids).',
      resolve: (l) => l.opportunityIds.map((id) => encodeGlobalId('SavingsOpportunity', id)),
    }),
    years: t.field({ type: [RealisationYearRef], description: 'Year by year.', resolve: (l) => l.years }),
  }),
});

const BenefitsRealisationRef = builder.objectRef<BenefitsRealisation>('BenefitsRealisation').implement({
  description:
    'Benefits realisation: each saving line linked to savings opportunities, its plan (the case’s profile) against what the savings ledger says they delivered, actual and estimated apart. The ledger’s figure for an opportunity and fiscal year is its latest entry not reversed.',
  fields: (t) => ({
    businessCaseId: t.id({
      description: 'The case (a BusinessCase global id).',
      resolve: (r) => encodeGlobalId('BusinessCase', r.businessCaseId),
    }),
    asOf: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The ledger as it stood at this instant; null for now.',
      resolve: (r) => r.asOf,
    }),
    years: t.field({
      type: [RealisationYearRef],
      description: 'Year by year over all linked lines (an opportunity linked to two lines counts once).',
      resolve: (r) => r.years,
    }),
    lines: t.field({ type: [RealisationLineRef], description: 'Each linked saving line.', resolve: (r) => r.lines }),
  }),
});

builder.queryField('benefitsRealisation', (t) =>
  t.field({
    type: BenefitsRealisationRef,
    nullable: true,
    description:
      'Planned against delivered for a business case; null when the case does not exist or is not yours to see. Finance and tenant admins.',
    authScopes: { authenticated: true },
    args: {
      businessCaseId: t.arg.globalID({ for: BusinessCaseRef, required: true, description: 'The business case.' }),
      asOf: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Read the ledger as it stood at this instant (what did we report then?); now when omitted.',
      }),
    },
    resolve: (_root, args, context) => {
      requireBillingReader(requestActor(context), 'Reading benefits realisation');
      return benefitsRealisation(requestTransaction(context), args.businessCaseId.id, args.asOf ?? null);
    },
  }),
);
