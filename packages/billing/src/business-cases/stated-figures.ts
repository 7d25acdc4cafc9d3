import {
  type CaseShape,
  formatMonths,
  headlineFigures,
  lineProfileAmountPence,
  lineTotalPence,
  type Months,
  paybackPeriod,
  returnOverYears,
} from './business-case-figures.ts';

export type Measure =
  | 'lines_total'
  | 'gross_recurring_savings'
  | 'recurring_investment'
  | 'net_recurring_savings'
  | 'one_off_investment'
  | 'savings_low'
  | 'savings_high'
  | 'cashable_savings_over_term'
  | 'non_cashable_benefits_over_term'
  | 'return_over_term'
  | 'payback_months';

export type Comparator = 'exactly' | 'less_than' | 'up_to';

export interface StatedFigure {
  id: string;
  label: string;
  measure: Measure;
  yearNumber: number | null;
  amountPence: bigint | null;
  months: number | null;
  comparator: Comparator;
  quote: string;
  /** The lines a `lines_total` adds up. */
  lineIds: readonly string[];
}

export interface StatedFigureComparison {
  figure: StatedFigure;
  /** The exact figure computed from the lines (null when the lines cannot give it). */
  computedPence: bigint | null;
  /** Stated less computed (null when either is missing, or for payback). */
  differencePence: bigint | null;
  /** For payback: the computed months, exactly. */
  computedMonths: Months | null;
  /** For payback: stated months less computed months, as a decimal string of two places. */
  monthsDifference: string | null;
  /** Whether the computed figure honours the statement (exactly equal, below, or at most). */
  consistent: boolean | null;
}

/** The exact figure a stated amount states, computed from the case's lines. */
export function computedAmount(shape: CaseShape, figure: StatedFigure): bigint | null {
  const headline = headlineFigures(shape);
  switch (figure.measure) {
    case 'lines_total': {
      const ids = new Set(figure.lineIds);
      let total = 0n;
      for (const line of shape.lines) {
        if (!ids.has(line.id)) continue;
        total += figure.yearNumber === null ? lineTotalPence(line) : lineProfileAmountPence(line, figure.yearNumber);
      }
      return total;
    }
    case 'gross_recurring_savings':
      return headline.grossRecurringSavingsPence;
    case 'recurring_investment':
      return headline.recurringInvestmentPence;
    case 'net_recurring_savings':
      return headline.netRecurringSavingsPence;
    case 'one_off_investment':
      return headline.oneOffInvestmentPence;
    case 'savings_low':
      return headline.savingsLowPence;
    case 'savings_high':
      return headline.savingsHighPence;
    case 'cashable_savings_over_term':
      return returnOverYears(shape, shape.termYears).cashableSavingsPence;
    case 'non_cashable_benefits_over_term':
      return returnOverYears(shape, shape.termYears).nonCashableBenefitsPence;
    case 'return_over_term':
      return returnOverYears(shape, shape.termYears).returnPence;
    case 'payback_months':
      return null;
  }
}

function honours(
  comparator: Comparator,
  stated: { numerator: bigint; denominator: bigint },
  computed: Months,
): boolean {
  // Compare computed (a/b) with stated (c/d) by cross-multiplying: both denominators are positive.
  const left = computed.numerator * stated.denominator;
  const right = stated.numerator * computed.denominator;
  if (comparator === 'exactly') return left === right;
  if (comparator === 'less_than') return left < right;
  return left <= right;
}

/** Each stated figure beside its exact computed figure and the difference. */
export function compareStatedFigures(shape: CaseShape, figures: readonly StatedFigure[]): StatedFigureComparison[] {
  const payback = paybackPeriod(shape);
  return figures.map((figure) => {
    if (figure.measure === 'payback_months') {
      const computedMonths = payback.kind === 'paid_back' ? payback.months : null;
      const stated = { numerator: BigInt(figure.months ?? 0), denominator: 1n };
      let monthsDifference: string | null = null;
      if (computedMonths) {
        const numerator = stated.numerator * computedMonths.denominator - computedMonths.numerator;
        const negative = numerator < 0n;
        const text = formatMonths({
          numerator: negative ? -numerator : numerator,
          denominator: computedMonths.denominator,
        });
        monthsDifference = negative && text !== '0.00' ? `-${text}` : text;
      }
      return {
        figure,
        computedPence: null,
        differencePence: null,
        computedMonths,
        monthsDifference,
        consistent: computedMonths ? honours(figure.comparator, stated, computedMonths) : null,
      };
    }
    const computed = computedAmount(shape, figure);
    const stated = figure.amountPence;
    const difference = computed === null || stated === null ? null : stated - computed;
    let consistent: boolean | null = null;
    if (difference !== null) {
      consistent =
        figure.comparator === 'exactly'
          ? difference === 0n
          : figure.comparator === 'less_than'
            ? difference > 0n
            : difference >= 0n;
    }
    return {
      figure,
      computedPence: computed,
      differencePence: difference,
      computedMonths: null,
      monthsDifference: null,
      consistent,
    };
  });
}
