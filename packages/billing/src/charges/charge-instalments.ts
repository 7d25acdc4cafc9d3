import { type FiscalYear, money, monthsOf, quartersOf } from '@ssp/core';

/** One instalment of an annual charge: the month it falls due and its amount. */
export interface Instalment {
  /** The month it is due, as 'YYYY-MM' (e.g. '2017-04'). */
  dueMonth: string;
  amount: money.Money;
}

/**
 * Splits a year's net charge into its instalments: twelve monthly ones from April, or four
 * quarterly ones in April, July, October and January. The pennies that do not divide evenly go
 * to the earliest instalments, so the instalments always add up to the charge exactly.
 */
export function chargeInstalments(net: money.Money, profile: money.PaymentProfile, year: FiscalYear): Instalment[] {
  const amounts = money.instalments(net, profile);
  const dueMonths = profile === 'monthly' ? monthsOf(year) : quartersOf(year).map((quarter) => quarter.months[0]);
  return amounts.map((amount, index) => ({ dueMonth: dueMonths[index]!, amount }));
}
