import { fiscalYearStarting, formatFiscalYear, money } from '@ssp/core';
import { stringify } from 'csv-stringify/sync';
import type { SavingsReconciliation, SavingsSplit } from './savings-reconciliation.ts';

const COLUMNS = ['section', 'item', 'category', 'counts_against', 'basis', 'amount_gbp', 'note'] as const;

/**
 * The reconciliation as CSV for finance: one row per opportunity line, then the totals, the
 * categories, the other budgets, and the rejected opportunities with their reasons. Amounts are
 * exact decimal pounds (never rounded to thousands); the totals are summed from the lines above.
 */
export function reconciliationCsv(reconciliation: SavingsReconciliation): string {
  const year = formatFiscalYear(reconciliation.fiscalYear);
  const rows: string[][] = [];
  const row = (
    section: string,
    item: string,
    amount: money.Money | null,
    extra: Partial<Record<(typeof COLUMNS)[number], string>> = {},
  ) =>
    rows.push([
      section,
      item,
      extra.category ?? '',
      extra.counts_against ?? '',
      extra.basis ?? '',
      amount ? money.formatMoney(amount) : '',
      extra.note ?? '',
    ]);
  const splitRows = (section: string, item: string, split: SavingsSplit) => {
    row(section, item, split.actual, { basis: 'actual' });
    row(section, item, split.estimated, { basis: 'estimated' });
    row(section, item, split.total, { basis: 'total' });
  };

  row('header', `Savings reconciliation ${year}`, null, { note: `as of ${reconciliation.asOf.toISOString()}` });
  for (const reduction of reconciliation.reductions) {
    row('reduction', reduction.reason, money.fromPence(reduction.amountPence), {
      note: `from ${formatFiscalYear(fiscalYearStarting(reduction.fromFiscalYear))}`,
    });
  }
  row('reduction', 'Reduction requested (cumulative)', reconciliation.reductionRequested);
  for (const line of reconciliation.lines) {
    const { opportunity, figure } = line;
    row('line', opportunity.title, line.amount, {
      category: opportunity.category,
      counts_against:
        opportunity.countsAgainst === 'other_budget' ? (opportunity.budgetName ?? '') : 'affordability charge',
      basis: figure?.basis ?? 'none recorded',
    });
  }
  splitRows('total', 'Savings against the affordability charge', reconciliation.againstCharge);
  for (const budget of reconciliation.otherBudgets) splitRows('total', `Savings against ${budget.budgetName}`, budget);
  splitRows('total', 'All savings', reconciliation.allSavings);
  row('total', 'Shortfall (reduction not yet covered)', reconciliation.shortfall);
  row('total', 'Surplus', reconciliation.surplus);
  row('total', 'Coverage ratio', null, { note: reconciliation.coverageRatio ?? 'no reduction requested' });
  for (const category of reconciliation.categories) {
    row('category', category.category, category.total, {
      note: `against the charge: ${money.formatMoney(category.againstCharge)}`,
    });
  }
  for (const opportunity of reconciliation.rejected) {
    row('rejected', opportunity.title, null, {
      category: opportunity.category,
      note: opportunity.decisionReason ?? '',
    });
  }
  return stringify(rows, { header: true, columns: [...COLUMNS] });
}
