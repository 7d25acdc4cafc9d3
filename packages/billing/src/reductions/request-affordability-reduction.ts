import * as tables from '@ssp/billing-tables';
import {
  type FiscalYear,
  findReplay,
  fiscalYearStarting,
  formatFiscalYear,
  idempotencyInputHash,
  insertOnce,
  type MutationCaller,
  money,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, gte } from 'drizzle-orm';
import { findVisibleOrganisation, requireCustomer } from '../access/billing-access.ts';

import { BILLING_ERRORS } from '../errors/billing-error-codes.ts';

export type ReductionRequestRow = typeof tables.reductionRequests.$inferSelect;

export interface RequestAffordabilityReductionInput {
  organisationId: string;
  amount: money.Money;
  fromFiscalYear: FiscalYear;
  reason: string;
  idempotencyKey: string;
}

/**
 * Records an organisation's request for its affordability charge to fall by an amount from a
 * fiscal year on (and every year after). Refused if it would take a charge already set for that
 * year or a later one below zero. The organisation's own decision. Idempotent by key: a retry
 * returns the first request and records nothing more.
 */
export async function requestAffordabilityReduction(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: RequestAffordabilityReductionInput,
): Promise<{ reduction: ReductionRequestRow; replayed: boolean }> {
  requireCustomer(caller.actor, input.organisationId, 'Requesting an affordability reduction');
  await findVisibleOrganisation(tx, input.organisationId);
  if (input.amount.pence <= 0n) throw new ValidationError('A reduction is more than zero', 'input.amount');
  const inputHash = idempotencyInputHash([
    input.organisationId,
    input.amount.pence,
    input.fromFiscalYear.startYear,
    input.reason,
  ]);
  const key = { tenantId: input.organisationId, idempotencyKey: input.idempotencyKey, inputHash };
  const replay = await findReplay(tx, tables.reductionRequests, key);
  if (replay) return { reduction: replay, replayed: true };

  // Charges already set from that year on must stay at or above the reductions in force.
  const charges = await tx
    .select({
      fiscalYear: tables.affordabilityCharges.fiscalYear,
      annualPence: tables.affordabilityCharges.annualPence,
    })
    .from(tables.affordabilityCharges)
    .where(
      and(
        eq(tables.affordabilityCharges.tenantId, input.organisationId),
        gte(tables.affordabilityCharges.fiscalYear, input.fromFiscalYear.startYear),
      ),
    )
    .for('update');
  // The reductions already made, read once: each charge year's total is summed from them here.
  const earlier = await tx
    .select({
      amountPence: tables.reductionRequests.amountPence,
      fromFiscalYear: tables.reductionRequests.fromFiscalYear,
    })
    .from(tables.reductionRequests)
    .where(eq(tables.reductionRequests.tenantId, input.organisationId));
  for (const charge of charges) {
    const inForce = money.add(
      money.sum(
        earlier
          .filter((reduction) => reduction.fromFiscalYear <= charge.fiscalYear)
          .map((reduction) => money.fromPence(reduction.amountPence)),
      ),
      input.amount,
    );
    if (inForce.pence > charge.annualPence) {
      const year = formatFiscalYear(fiscalYearStarting(charge.fiscalYear));
      throw new ValidationError(
        `With this reduction the reductions in ${year} would come to £${money.formatMoney(inForce)}, more than that year's charge`,
        'input.amount',
        BILLING_ERRORS.REDUCTION_EXCEEDS_CHARGE,
      );
    }
  }

  const { row, replayed } = await insertOnce(tx, tables.reductionRequests, {
    ...key,
    amountPence: input.amount.pence,
    fromFiscalYear: input.fromFiscalYear.startYear,
    reason: input.reason,
    requestedBy: caller.actor.principal.subject,
  });
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: input.organisationId,
        action: 'affordability_reduction.requested',
        targetType: 'reduction_request',
        targetId: row.id,
        after: { amountPence: row.amountPence.toString(), fromFiscalYear: row.fromFiscalYear, reason: row.reason },
      },
    ]);
  }
  return { reduction: row, replayed };
}
