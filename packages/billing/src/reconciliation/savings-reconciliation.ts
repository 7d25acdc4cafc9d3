import { type FiscalYear, money, type PlatformTransaction } from '@ssp/core';
import type { LedgerFigure } from '../ledger/ledger-figures.ts';
import {
  loadReconciliationInputs,
  type ReconciliationInputs,
  type ReconciliationOpportunity,
} from './load-reconciliation-inputs.ts';

type Category = ReconciliationOpportunity['category'];

/** Actual and estimated savings kept apart, and their total. */
export interface SavingsSplit {
  actual: money.Money;
  estimated: money.Money;
  total: money.Money;
}

/** One accepted (or delivered) opportunity's figure for the year. */
export interface ReconciliationLine {
  opportunity: ReconciliationOpportunity;
  /** The ledger's figure; null when nothing has been recorded for the year. */
  figure: LedgerFigure | null;
  amount: money.Money;
}

export interface CategoryLine extends SavingsSplit {
  category: Category;
  /** The part of the category's savings counted against the affordability charge. */
  againstCharge: money.Money;
}

export interface BudgetLine extends SavingsSplit {
  budgetName: string;
}

export interface SavingsReconciliation {
  organisationId: string;
  fiscalYear: FiscalYear;
  /** The instant the ledger was read at (now, or the date asked for). */
  asOf: Date;
  charge: ReconciliationInputs['charge'];
  /** The reduction requests in force in the year: every one from that year or earlier. */
  reductions: ReconciliationInputs['reductions'];
  reductionRequested: money.Money;
  lines: ReconciliationLine[];
  againstCharge: SavingsSplit;
  otherBudgets: BudgetLine[];
  otherBudgetsTotal: SavingsSplit;
  /** Every line, whatever it counts against (the Lancashire table's "Total"). */
  allSavings: SavingsSplit;
  /** Savings against the charge minus the reduction requested: negative is a gap still uncovered. */
  balance: money.Money;
  shortfall: money.Money;
  surplus: money.Money;
  /** Savings against the charge over the reduction requested, to four places; null with no reduction. */
  coverageRatio: string | null;
  categories: CategoryLine[];
  rejected: ReconciliationOpportunity[];
}

function split(lines: readonly ReconciliationLine[]): SavingsSplit {
  const actual = money.sum(lines.filter((line) => line.figure?.basis === 'actual').map((line) => line.amount));
  const estimated = money.sum(lines.filter((line) => line.figure?.basis === 'estimated').map((line) => line.amount));
  return { actual, estimated, total: money.add(actual, estimated) };
}

/** numerator / denominator to four decimal places, rounded half up; both are non-negative here. */
export function ratio(numerator: bigint, denominator: bigint): string {
  const scaled = (numerator * 20_000n + denominator) / (2n * denominator);
  const whole = scaled / 10_000n;
  const fraction = (scaled % 10_000n).toString().padStart(4, '0');
  return `${whole}.${fraction}`;
}

/**
 * Finance's answer for one organisation and year: the reduction it asked for (cumulative), what
 * each accepted opportunity saved by the ledger (actuals and estimates apart), what counts against
 * the charge and what against its other budgets, the gap or surplus, and the rejected
 * opportunities with their reasons. Every total is summed here from the lines; no total is stored.
 * One statement, whatever the number of ledger entries. `asOf` reads the ledger as it stood at a
 * past instant; without it, as it stands (from the figures kept beside the ledger).
 */
export async function savingsReconciliation(
  tx: PlatformTransaction,
  organisationId: string,
  fiscalYear: FiscalYear,
  asOf: Date | null = null,
): Promise<SavingsReconciliation> {
  const readAt = asOf ?? new Date();
  const { charge, reductions, opportunities } = await loadReconciliationInputs(tx, organisationId, fiscalYear, asOf);

  // An opportunity counts if it was accepted, or has a figure for the year as of the date asked
  // (a decision made after `asOf` does not hide what the ledger then said).
  const lines: ReconciliationLine[] = opportunities
    .filter(
      ({ opportunity, figure }) =>
        opportunity.status === 'accepted' || opportunity.status === 'delivered' || figure !== null,
    )
    .map(({ opportunity, figure }) => ({ opportunity, figure, amount: money.fromPence(figure?.amountPence ?? 0n) }));
  const chargeLines = lines.filter((line) => line.opportunity.countsAgainst === 'affordability_charge');
  const budgetLines = lines.filter((line) => line.opportunity.countsAgainst === 'other_budget');

  const budgetNames = [...new Set(budgetLines.map((line) => line.opportunity.budgetName ?? ''))].sort();
  const otherBudgets = budgetNames.map((budgetName) => ({
    budgetName,
    ...split(budgetLines.filter((line) => line.opportunity.budgetName === budgetName)),
  }));
  const categoryNames = [...new Set(lines.map((line) => line.opportunity.category))].sort();
  const categories = categoryNames.map((category) => {
    const inCategory = lines.filter((line) => line.opportunity.category === category);
    return {
      category,
      ...split(inCategory),
      againstCharge: split(inCategory.filter((line) => line.opportunity.countsAgainst === 'affordability_charge'))
        .total,
    };
  });

  const reductionRequested = money.sum(reductions.map((reduction) => money.fromPence(reduction.amountPence)));
  const againstCharge = split(chargeLines);
  const balance = money.subtract(againstCharge.total, reductionRequested);
  return {
    organisationId,
    fiscalYear,
    asOf: readAt,
    charge,
    reductions,
    reductionRequested,
    lines,
    againstCharge,
    otherBudgets,
    otherBudgetsTotal: split(budgetLines),
    allSavings: split(lines),
    balance,
    shortfall: money.isNegative(balance) ? money.negate(balance) : money.ZERO,
    surplus: money.isNegative(balance) ? money.ZERO : balance,
    coverageRatio: reductionRequested.pence === 0n ? null : ratio(againstCharge.total.pence, reductionRequested.pence),
    categories,
    rejected: opportunities
      .map(({ opportunity }) => opportunity)
      .filter((opportunity) => opportunity.status === 'rejected'),
  };
}
