import * as tables from '@ssp/billing-tables';
import { ConflictError, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import { and, eq } from 'drizzle-orm';
import { BILLING_ERRORS } from '../errors/billing-error-codes.ts';
import type { SavingsOpportunityRow } from './propose-savings-opportunity.ts';

export type SavingsDecision = 'accept' | 'reject' | 'deliver';

/** The status each decision moves an opportunity to, and the status it must be in first. */
const MOVES: Record<SavingsDecision, { from: SavingsOpportunityRow['status']; to: SavingsOpportunityRow['status'] }> = {
  accept: { from: 'proposed', to: 'accepted' },
  reject: { from: 'proposed', to: 'rejected' },
  deliver: { from: 'accepted', to: 'delivered' },
};

/**
 * Loads an opportunity the caller may see, locked for the change. The id alone does not say whose
 * it is, so its tenant is read first and the lock taken on (tenant_id, id): on Citus a `FOR UPDATE`
 * must go to one shard, and only `tenant_id` says which (the conventions test checks every one).
 */
export async function lockSavingsOpportunity(
  tx: PlatformTransaction,
  opportunityId: string,
): Promise<SavingsOpportunityRow> {
  const [visible] = await tx
    .select({ tenantId: tables.savingsOpportunities.tenantId })
    .from(tables.savingsOpportunities)
    .where(eq(tables.savingsOpportunities.id, opportunityId));
  if (!visible) throw new NotFoundError('No savings opportunity you may see has this id');
  const [opportunity] = await tx
    .select()
    .from(tables.savingsOpportunities)
    .where(
      and(
        eq(tables.savingsOpportunities.tenantId, visible.tenantId),
        eq(tables.savingsOpportunities.id, opportunityId),
      ),
    )
    .for('update');
  if (!opportunity) throw new NotFoundError('No savings opportunity you may see has this id');
  return opportunity;
}

/**
 * Moves an opportunity on: the customer accepts it, or rejects it with a reason (required); the
 * partnership marks an accepted one delivered. Any other move is a ConflictError naming where the
 * opportunity is. Returns the row before and after, for the audit trail.
 */
export async function decideSavingsOpportunity(
  tx: PlatformTransaction,
  input: { opportunity: SavingsOpportunityRow; decision: SavingsDecision; reason: string | null; decidedBy: string },
): Promise<SavingsOpportunityRow> {
  const { opportunity, decision } = input;
  const move = MOVES[decision];
  if (opportunity.status !== move.from) {
    throw new ConflictError(
      `This opportunity is ${opportunity.status}; only a ${move.from} one can be ${move.to}`,
      BILLING_ERRORS.OPPORTUNITY_ALREADY_DECIDED,
    );
  }
  if (decision === 'reject' && !input.reason) {
    throw new ValidationError('Say why the opportunity is rejected', 'input.reason');
  }
  const now = new Date();
  const changes =
    decision === 'deliver'
      ? { status: move.to, deliveredAt: now }
      : { status: move.to, decidedBy: input.decidedBy, decidedAt: now, decisionReason: input.reason };
  const [updated] = await tx
    .update(tables.savingsOpportunities)
    .set(changes)
    .where(
      and(
        eq(tables.savingsOpportunities.tenantId, opportunity.tenantId),
        eq(tables.savingsOpportunities.id, opportunity.id),
      ),
    )
    .returning();
  if (!updated) throw new Error('The locked opportunity could not be updated');
  return updated;
}
