import { fiscalYearOf, formatFiscalYear, type money as Money, money } from '@ssp/core';
import { moneyFromPence } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { DateTime } from 'luxon';
import type { LoanView } from '../help/help-views.ts';

type ProgrammeRow = typeof tables.sharedSupportProgrammes.$inferSelect;
type Amount = Money.Money;

export interface YearDelivered {
  fiscalYear: string;
  loans: number;
  daysGiven: number;
  loanValue: Amount;
  agencyCostAvoided: Amount;
}

export interface Benefits {
  programme: ProgrammeRow;
  /** The last day of the forecast window; null when the start of the project is not recorded. */
  windowEndsOn: string | null;
  grant: Amount;
  cashableForecast: Amount;
  nonCashableForecast: Amount;
  totalForecast: Amount;
  forecastNetReturn: Amount;
  /** (forecast benefits - grant) / grant, in percent to two places; null with no grant. */
  forecastReturnPercent: number | null;
  loans: number;
  daysGiven: number;
  loanValue: Amount;
  agencyCostAvoided: Amount;
  /** Agency cost avoided so far against the cashable forecast, in percent; null with no forecast. */
  cashableDeliveredPercent: number | null;
  deliveredNetReturn: Amount;
  byFiscalYear: YearDelivered[];
}

function percentOf(part: Amount, whole: Amount): number | null {
  if (whole.pence === 0n) return null;
  // Exact to two places: hundredths of a percent in bigint, rounded half away from zero.
  const scaled = (part.pence * 20_000n) / whole.pence;
  const rounded = scaled >= 0n ? (scaled + 1n) / 2n : (scaled - 1n) / 2n;
  return Number(rounded) / 100;
}

/**
 * The partnership's return on investment: its forecast over the forecast window (Lincolnshire:
 * 5 years from the start of the project) against its grant, and what the recorded loans have
 * delivered so far: each day given is a day an agency was not paid for (the cashable benefit the
 * partnership made; the day rate moves between members and nets to nothing across it). Loans
 * before the start or after the window are not counted.
 */
export function computeBenefits(programme: ProgrammeRow, recordedLoans: readonly LoanView[]): Benefits {
  const startedOn = programme.startedOn;
  const windowEndsOn = startedOn
    ? (DateTime.fromISO(startedOn, { zone: 'utc' })
        .plus({ years: programme.forecastYears })
        .minus({ days: 1 })
        .toISODate() as string)
    : null;
  const counted = recordedLoans.filter(
    (loan) =>
      loan.daysGiven !== null && (!startedOn || (loan.endsOn >= startedOn && loan.endsOn <= (windowEndsOn as string))),
  );
  const years = new Map<string, YearDelivered>();
  let loanValue = money.ZERO;
  let agencyCostAvoided = money.ZERO;
  let daysGiven = 0;
  for (const loan of counted) {
    const days = loan.daysGiven ?? 0;
    const value = money.times(moneyFromPence(loan.dayRatePence ?? 0), days);
    const avoided = money.times(moneyFromPence(loan.agencyDayRatePence), days);
    loanValue = money.add(loanValue, value);
    agencyCostAvoided = money.add(agencyCostAvoided, avoided);
    daysGiven += days;
    const fiscalYear = formatFiscalYear(fiscalYearOf(loan.endsOn));
    const year = years.get(fiscalYear) ?? {
      fiscalYear,
      loans: 0,
      daysGiven: 0,
      loanValue: money.ZERO,
      agencyCostAvoided: money.ZERO,
    };
    year.loans += 1;
    year.daysGiven += days;
    year.loanValue = money.add(year.loanValue, value);
    year.agencyCostAvoided = money.add(year.agencyCostAvoided, avoided);
    years.set(fiscalYear, year);
  }
  const grant = moneyFromPence(programme.grantPence);
  const cashableForecast = moneyFromPence(programme.cashableForecastPence);
  const nonCashableForecast = moneyFromPence(programme.nonCashableForecastPence);
  const totalForecast = money.add(cashableForecast, nonCashableForecast);
  const forecastNetReturn = money.subtract(totalForecast, grant);
  return {
    programme,
    windowEndsOn,
    grant,
    cashableForecast,
    nonCashableForecast,
    totalForecast,
    forecastNetReturn,
    forecastReturnPercent: percentOf(forecastNetReturn, grant),
    loans: counted.length,
    daysGiven,
    loanValue,
    agencyCostAvoided,
    cashableDeliveredPercent: percentOf(agencyCostAvoided, cashableForecast),
    deliveredNetReturn: money.subtract(agencyCostAvoided, grant),
    byFiscalYear: [...years.values()].sort((a, b) => a.fiscalYear.localeCompare(b.fiscalYear)),
  };
}
