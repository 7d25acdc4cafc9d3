import {
  fiscalYearStarting,
  formatFiscalYear,
  money,
  NotFoundError,
  parseFiscalYear,
  requestActor,
  requestTransaction,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { findOrganisation, OrganisationRef } from '@ssp/tenants';
import { findVisibleOrganisation, requireBillingReader } from '../access/billing-access.ts';
import { LedgerBasisEnum } from '../ledger/ledger-entry-type.ts';
import {
  SavingsCategoryEnum,
  SavingsRecurrenceEnum,
  SavingsTargetEnum,
} from '../opportunities/savings-opportunity-type.ts';
import { reconciliationCsv } from './reconciliation-csv.ts';
import {
  type BudgetLine,
  type CategoryLine,
  type ReconciliationLine,
  type SavingsReconciliation,
  type SavingsSplit,
  savingsReconciliation,
} from './savings-reconciliation.ts';

const SavingsSplitRef = builder.objectRef<SavingsSplit>('SavingsSplit').implement({
  description: 'Savings with actuals and estimates kept apart; the total is their sum.',
  fields: (t) => ({
    actual: t.field({ type: MoneyRef, description: 'Settled when the accounts closed.', resolve: (s) => s.actual }),
    estimated: t.field({ type: MoneyRef, description: 'Estimated, still pending.', resolve: (s) => s.estimated }),
    total: t.field({ type: MoneyRef, description: 'Actual plus estimated.', resolve: (s) => s.total }),
  }),
});

const ReconciliationLineRef = builder.objectRef<ReconciliationLine>('SavingsReconciliationLine').implement({
  description: "One accepted or delivered opportunity's figure for the year.",
  fields: (t) => ({
    opportunityId: t.globalID({
      description: 'The savings opportunity (fetch it with `node` for its whole record and ledger).',
      resolve: (line) => ({ type: 'SavingsOpportunity', id: line.opportunity.id }),
    }),
    title: t.string({ description: 'Its title.', resolve: (line) => line.opportunity.title }),
    category: t.field({
      type: SavingsCategoryEnum,
      description: 'Its category.',
      resolve: (line) => line.opportunity.category,
    }),
    countsAgainst: t.field({
      type: SavingsTargetEnum,
      description: 'What it counts against.',
      resolve: (line) => line.opportunity.countsAgainst,
    }),
    budgetName: t.string({
      nullable: true,
      description: 'The other budget it counts against, if any.',
      resolve: (line) => line.opportunity.budgetName,
    }),
    cashable: t.boolean({ description: 'Whether it releases cash.', resolve: (line) => line.opportunity.cashable }),
    recurrence: t.field({
      type: SavingsRecurrenceEnum,
      description: 'Recurring or one-off.',
      resolve: (line) => line.opportunity.recurrence,
    }),
    amount: t.field({
      type: MoneyRef,
      description: "The ledger's figure for the year (zero when none is recorded).",
      resolve: (line) => line.amount,
    }),
    basis: t.field({
      type: LedgerBasisEnum,
      nullable: true,
      description: 'Estimated or actual; null when nothing is recorded for the year.',
      resolve: (line) => line.figure?.basis ?? null,
    }),
    recordedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the entry the figure comes from was recorded.',
      resolve: (line) => line.figure?.recordedAt ?? null,
    }),
  }),
});

const CategoryLineRef = builder.objectRef<CategoryLine>('SavingsCategoryLine').implement({
  description: 'The savings of one category.',
  fields: (t) => ({
    category: t.field({ type: SavingsCategoryEnum, description: 'The category.', resolve: (line) => line.category }),
    actual: t.field({ type: MoneyRef, description: 'Actual savings.', resolve: (line) => line.actual }),
    estimated: t.field({ type: MoneyRef, description: 'Estimated savings.', resolve: (line) => line.estimated }),
    total: t.field({ type: MoneyRef, description: 'All of the category.', resolve: (line) => line.total }),
    againstCharge: t.field({
      type: MoneyRef,
      description: 'The part counted against the affordability charge.',
      resolve: (line) => line.againstCharge,
    }),
  }),
});

const BudgetLineRef = builder.objectRef<BudgetLine>('SavingsBudgetLine').implement({
  description: "Savings counted against one of the customer's other budgets (they cover no reduction).",
  fields: (t) => ({
    budgetName: t.string({ description: 'The budget.', resolve: (line) => line.budgetName }),
    actual: t.field({ type: MoneyRef, description: 'Actual savings.', resolve: (line) => line.actual }),
    estimated: t.field({ type: MoneyRef, description: 'Estimated savings.', resolve: (line) => line.estimated }),
    total: t.field({ type: MoneyRef, description: 'All against this budget.', resolve: (line) => line.total }),
  }),
});

// The reconciliation's parts are plain objects built from rows it has already read, so reading
// them costs no further statement (drizzle nodes would be loaded again, one batch per type).
const ReconciliationReductionRef = builder
  .objectRef<SavingsReconciliation['reductions'][number]>('ReconciliationReduction')
  .implement({
    description: 'A reduction request in force in the year.',
    fields: (t) => ({
      reductionRequestId: t.globalID({
        description: 'The reduction request.',
        resolve: (reduction) => ({ type: 'ReductionRequest', id: reduction.id }),
      }),
      fromFiscalYear: t.string({
        description: 'The first fiscal year it applies to.',
        resolve: (reduction) => formatFiscalYear(fiscalYearStarting(reduction.fromFiscalYear)),
      }),
      amount: t.field({
        type: MoneyRef,
        description: 'The reduction a year.',
        resolve: (reduction) => money.fromPence(reduction.amountPence),
      }),
      reason: t.string({ description: 'Why it was asked for.', resolve: (reduction) => reduction.reason }),
    }),
  });

const RejectedOpportunityRef = builder
  .objectRef<SavingsReconciliation['rejected'][number]>('RejectedSavingsOpportunity')
  .implement({
    description: 'A savings opportunity the customer rejected, with its reason.',
    fields: (t) => ({
      opportunityId: t.globalID({
        description: 'The savings opportunity.',
        resolve: (opportunity) => ({ type: 'SavingsOpportunity', id: opportunity.id }),
      }),
      title: t.string({ description: 'What it was.', resolve: (opportunity) => opportunity.title }),
      category: t.field({
        type: SavingsCategoryEnum,
        description: 'Its category.',
        resolve: (opportunity) => opportunity.category,
      }),
      reason: t.string({
        description: 'Why the customer rejected it.',
        resolve: (opportunity) => opportunity.decisionReason ?? '',
      }),
      decidedBy: t.string({
        nullable: true,
        description: 'Who rejected it.',
        resolve: (opportunity) => opportunity.decidedBy,
      }),
      decidedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When.',
        resolve: (opportunity) => opportunity.decidedAt,
      }),
    }),
  });

const SavingsReconciliationRef = builder.objectRef<SavingsReconciliation>('SavingsReconciliation').implement({
  description:
    "Finance's reconciliation of an organisation's affordability reductions with the savings that must cover them, for one fiscal year, as the ledger stood at `asOf`. Every total is summed from the lines.",
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      description: 'The organisation.',
      resolve: async (r, _args, context) => {
        const organisation = await findOrganisation(requestTransaction(context), r.organisationId);
        if (!organisation) throw new NotFoundError('No organisation you may see has this id');
        return organisation;
      },
    }),
    fiscalYear: t.string({
      description: 'The fiscal year, e.g. "2017/18".',
      resolve: (r) => formatFiscalYear(r.fiscalYear),
    }),
    asOf: t.field({ type: 'DateTime', description: 'The instant the ledger was read at.', resolve: (r) => r.asOf }),
    annualCharge: t.field({
      type: MoneyRef,
      nullable: true,
      description: "The year's affordability charge before reductions, if one is set.",
      resolve: (r) => (r.charge ? money.fromPence(r.charge.annualPence) : null),
    }),
    netCharge: t.field({
      type: MoneyRef,
      nullable: true,
      description: "The year's charge less the reduction requested, if a charge is set.",
      resolve: (r) => (r.charge ? money.subtract(money.fromPence(r.charge.annualPence), r.reductionRequested) : null),
    }),
    reductions: t.field({
      type: [ReconciliationReductionRef],
      description: 'The reduction requests in force in the year (from this year or earlier).',
      resolve: (r) => r.reductions,
    }),
    reductionRequested: t.field({
      type: MoneyRef,
      description: 'The cumulative reduction requested for the year: the sum of `reductions`.',
      resolve: (r) => r.reductionRequested,
    }),
    lines: t.field({
      type: [ReconciliationLineRef],
      description: 'One line per accepted or delivered opportunity, in the order proposed.',
      resolve: (r) => r.lines,
    }),
    savingsAgainstCharge: t.field({
      type: SavingsSplitRef,
      description: 'The savings counted against the affordability charge: what covers the reduction.',
      resolve: (r) => r.againstCharge,
    }),
    otherBudgets: t.field({
      type: [BudgetLineRef],
      description: "Savings against the customer's other budgets, per budget (shown apart: they cover no reduction).",
      resolve: (r) => r.otherBudgets,
    }),
    savingsAgainstOtherBudgets: t.field({
      type: SavingsSplitRef,
      description: 'All savings against other budgets.',
      resolve: (r) => r.otherBudgetsTotal,
    }),
    allSavings: t.field({
      type: SavingsSplitRef,
      description: 'Every line, whatever it counts against.',
      resolve: (r) => r.allSavings,
    }),
    balance: t.field({
      type: MoneyRef,
      description: 'Savings against the charge minus the reduction requested: negative is a gap not yet covered.',
      resolve: (r) => r.balance,
    }),
    shortfall: t.field({
      type: MoneyRef,
      description: 'The reduction not yet covered (zero if covered).',
      resolve: (r) => r.shortfall,
    }),
    surplus: t.field({
      type: MoneyRef,
      description: 'Savings beyond the reduction (zero if none).',
      resolve: (r) => r.surplus,
    }),
    coverageRatio: t.string({
      nullable: true,
      description:
        'Savings against the charge divided by the reduction requested, as a decimal string to four places rounded half up ("0.7787"); null when no reduction is requested.',
      resolve: (r) => r.coverageRatio,
    }),
    categories: t.field({
      type: [CategoryLineRef],
      description: 'The savings per category.',
      resolve: (r) => r.categories,
    }),
    rejectedOpportunities: t.field({
      type: [RejectedOpportunityRef],
      description: 'The opportunities the customer rejected, each with its reason.',
      resolve: (r) => r.rejected,
    }),
    csv: t.string({
      description:
        'The same reconciliation as CSV for finance (header row; sections: reduction, line, total, category, rejected; exact decimal pounds).',
      resolve: (r) => reconciliationCsv(r),
    }),
  }),
});

builder.queryField('savingsReconciliation', (t) =>
  t.field({
    type: SavingsReconciliationRef,
    description:
      "Reconciles an organisation's cumulative affordability reduction for a fiscal year with the savings delivered against it (actuals and estimates apart), savings against its other budgets, the gap or surplus, the lines per opportunity and category, and the rejected opportunities. Finance and tenant admins of the organisation or of one serving it.",
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.globalID({ for: OrganisationRef, required: true, description: 'The organisation.' }),
      fiscalYear: t.arg.string({ required: true, description: 'The fiscal year, e.g. "2017/18".' }),
      asOf: t.arg({
        type: 'DateTime',
        required: false,
        description:
          'Read the ledger as it stood at this instant ("what did we report on 1 March 2018?"); now when omitted.',
      }),
    },
    resolve: async (_root, args, context) => {
      requireBillingReader(requestActor(context), 'Reading a savings reconciliation');
      const tx = requestTransaction(context);
      const year = parseFiscalYear(args.fiscalYear, { field: 'fiscalYear' });
      const organisation = await findVisibleOrganisation(tx, args.organisationId.id);
      return savingsReconciliation(tx, organisation.id, year, args.asOf ?? null);
    },
  }),
);
