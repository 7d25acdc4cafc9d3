import * as tables from '@ssp/billing-tables';
import { money, type PlatformTransaction } from '@ssp/core';
import { countClosedRequests } from '@ssp/services';
import { and, asc, eq } from 'drizzle-orm';
import { chargeInstalments } from '../charges/charge-instalments.ts';
import { cumulativeReduction } from '../charges/set-affordability-charge.ts';
import type { StatementMonth } from './statement-month.ts';

/** The month's affordability instalment, with the charge and reductions it comes from. */
export interface InstalmentLine {
  contractSchedule: string;
  paymentProfile: money.PaymentProfile;
  annualCharge: money.Money;
  reductionInForce: money.Money;
  netCharge: money.Money;
  amount: money.Money;
}

/** Completed requests of one offering in the month, priced at the subscription's unit price. */
export interface UsageLine {
  offeringId: string;
  offeringName: string;
  unitPrice: money.Money;
  quantity: number;
  amount: money.Money;
}

export type CreditRow = typeof tables.statementCredits.$inferSelect;

export interface MonthlyStatement {
  organisationId: string;
  month: StatementMonth;
  /** Null when no instalment falls due this month (no charge for the year, or a quarterly profile). */
  instalment: InstalmentLine | null;
  usage: UsageLine[];
  credits: CreditRow[];
  usageTotal: money.Money;
  creditsTotal: money.Money;
  /** Instalment plus usage, less credits: summed here from the lines. */
  amountDue: money.Money;
}

/**
 * One organisation's statement for a London calendar month: the affordability instalment due
 * that month (from the year's charge less the reductions in force, split so the instalments add
 * up exactly), usage charges for the requests closed in the month (a closed request is complete
 * and final; a resolved one may still be re-opened), and the month's credits.
 */
export async function monthlyStatement(
  tx: PlatformTransaction,
  organisationId: string,
  month: StatementMonth,
): Promise<MonthlyStatement> {
  const [charge] = await tx
    .select()
    .from(tables.affordabilityCharges)
    .where(
      and(
        eq(tables.affordabilityCharges.tenantId, organisationId),
        eq(tables.affordabilityCharges.fiscalYear, month.fiscalYear.startYear),
      ),
    );
  let instalment: InstalmentLine | null = null;
  if (charge) {
    const annualCharge = money.fromPence(charge.annualPence);
    const reductionInForce = await cumulativeReduction(tx, organisationId, month.fiscalYear);
    const netCharge = money.subtract(annualCharge, reductionInForce);
    const due = chargeInstalments(netCharge, charge.paymentProfile, month.fiscalYear).find(
      (candidate) => candidate.dueMonth === month.month,
    );
    if (due) {
      instalment = {
        contractSchedule: charge.contractSchedule,
        paymentProfile: charge.paymentProfile,
        annualCharge,
        reductionInForce,
        netCharge,
        amount: due.amount,
      };
    }
  }

  const usageRows = await countClosedRequests(tx, organisationId, month);
  const usage = usageRows.map((row) => {
    const unitPrice = money.fromPence(row.unitPricePence ?? 0);
    return {
      offeringId: row.offeringId,
      offeringName: row.offeringName,
      unitPrice,
      quantity: row.quantity,
      amount: money.times(unitPrice, row.quantity),
    };
  });

  const credits = await tx
    .select()
    .from(tables.statementCredits)
    .where(
      and(
        eq(tables.statementCredits.tenantId, organisationId),
        eq(tables.statementCredits.statementMonth, month.firstDay),
      ),
    )
    .orderBy(asc(tables.statementCredits.recordedAt));

  const usageTotal = money.sum(usage.map((line) => line.amount));
  const creditsTotal = money.sum(credits.map((credit) => money.fromPence(credit.amountPence)));
  const charges = money.add(instalment?.amount ?? money.ZERO, usageTotal);
  return {
    organisationId,
    month,
    instalment,
    usage,
    credits,
    usageTotal,
    creditsTotal,
    amountDue: money.subtract(charges, creditsTotal),
  };
}
