import * as tables from '@ssp/billing-tables';
import {
  ConflictError,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { requireCustomer, requireServingPartner } from '../access/billing-access.ts';
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
 * partnership marks an accepted one delivered. Who decides is read from the opportunity (whose it
 * is), so an opportunity the caller cannot see is not found before any role is asked about. Any
 * other move is a ConflictError naming where the opportunity is. Recorded in the audit trail.
 */
export async function decideSavingsOpportunity(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { opportunityId: string; decision: SavingsDecision; reason: string | null },
): Promise<SavingsOpportunityRow> {
  const opportunity = await lockSavingsOpportunity(tx, input.opportunityId);
  const { decision } = input;
  if (decision === 'deliver') requireServingPartner(caller.actor, opportunity.tenantId, 'Marking a saving delivered');
  else requireCustomer(caller.actor, opportunity.tenantId, 'Accepting or rejecting a savings opportunity');
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > 2000) {
    throw new ValidationError('The reason is at most 2,000 characters', 'input.reason');
  }
  const move = MOVES[decision];
  if (opportunity.status !== move.from) {
    throw new ConflictError(
      `This opportunity is ${opportunity.status}; only a ${move.from} one can be ${move.to}`,
      BILLING_ERRORS.OPPORTUNITY_ALREADY_DECIDED,
    );
  }
  if (decision === 'reject' && !reason) {
    throw new ValidationError('Say why the opportunity is rejected', 'input.reason');
  }
  const now = new Date();
  const changes =
    decision === 'deliver'
      ? { status: move.to, deliveredAt: now }
      : { status: move.to, decidedBy: caller.actor.principal.subject, decidedAt: now, decisionReason: reason };
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
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: opportunity.tenantId,
      action: `savings_opportunity.${updated.status}`,
      targetType: 'savings_opportunity',
      targetId: opportunity.id,
      before: { status: opportunity.status },
      after: { status: updated.status, reason },
    },
  ]);
  return updated;
}
