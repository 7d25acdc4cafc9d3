import * as tables from '@ssp/billing-tables';
import {
  type FiscalYear,
  formatFiscalYear,
  type MutationCaller,
  money,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, lte, sum } from 'drizzle-orm';
import { findVisibleOrganisation, requireServingPartner } from '../access/billing-access.ts';

export type AffordabilityChargeRow = typeof tables.affordabilityCharges.$inferSelect;

export interface SetAffordabilityChargeInput {
  organisationId: string;
  fiscalYear: FiscalYear;
  contractSchedule: string;
  annual: money.Money;
  paymentProfile: money.PaymentProfile;
}

/** The charge as the audit trail records it: pence as text, so JSON keeps every digit. */
export function chargeAuditView(charge: AffordabilityChargeRow) {
  return {
    fiscalYear: charge.fiscalYear,
    contractSchedule: charge.contractSchedule,
    annualPence: charge.annualPence.toString(),
    paymentProfile: charge.paymentProfile,
  };
}

/** The reductions in force in a fiscal year: every request from that year or earlier. */
export async function cumulativeReduction(
  tx: PlatformTransaction,
  organisationId: string,
  fiscalYear: FiscalYear,
): Promise<money.Money> {
  const [row] = await tx
    .select({ total: sum(tables.reductionRequests.amountPence) })
    .from(tables.reductionRequests)
    .where(
      and(
        eq(tables.reductionRequests.tenantId, organisationId),
        lte(tables.reductionRequests.fromFiscalYear, fiscalYear.startYear),
      ),
    );
  return money.fromPence(row?.total ?? 0);
}

/**
 * Sets (or changes) an organisation's affordability charge for a fiscal year under its contract
 * schedule, by the partnership serving it (or a platform admin), and records the change with its
 * before and after in the audit trail. Refused if the reductions already in force that year
 * exceed it: a charge cannot go below zero.
 */
export async function setAffordabilityCharge(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: SetAffordabilityChargeInput,
): Promise<{ charge: AffordabilityChargeRow; before: AffordabilityChargeRow | null }> {
  requireServingPartner(caller.actor, input.organisationId, 'Setting an affordability charge');
  await findVisibleOrganisation(tx, input.organisationId);
  const contractSchedule = input.contractSchedule.trim();
  if (contractSchedule === '' || contractSchedule.length > 200) {
    throw new ValidationError('Name the contract schedule (1-200 characters)', 'input.contractSchedule');
  }
  const reduction = await cumulativeReduction(tx, input.organisationId, input.fiscalYear);
  if (money.compare(input.annual, reduction) < 0) {
    throw new ValidationError(
      `The reductions in force in ${formatFiscalYear(input.fiscalYear)} come to £${money.formatMoney(reduction)}, more than this charge`,
      'input.annualAmount',
    );
  }
  const [before] = await tx
    .select()
    .from(tables.affordabilityCharges)
    .where(
      and(
        eq(tables.affordabilityCharges.tenantId, input.organisationId),
        eq(tables.affordabilityCharges.fiscalYear, input.fiscalYear.startYear),
      ),
    )
    .for('update');
  const values = {
    contractSchedule,
    annualPence: input.annual.pence,
    paymentProfile: input.paymentProfile,
    setBy: caller.actor.principal.subject,
    setAt: new Date(),
  };
  const [charge] = await tx
    .insert(tables.affordabilityCharges)
    .values({ tenantId: input.organisationId, fiscalYear: input.fiscalYear.startYear, ...values })
    .onConflictDoUpdate({
      target: [tables.affordabilityCharges.tenantId, tables.affordabilityCharges.fiscalYear],
      set: values,
    })
    .returning();
  if (!charge) throw new Error('Setting a charge returned no row');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: input.organisationId,
      action: before ? 'affordability_charge.changed' : 'affordability_charge.set',
      targetType: 'affordability_charge',
      targetId: charge.id,
      before: before ? chargeAuditView(before) : null,
      after: chargeAuditView(charge),
    },
  ]);
  return { charge, before: before ?? null };
}
