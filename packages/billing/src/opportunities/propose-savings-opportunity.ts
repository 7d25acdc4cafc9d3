import * as tables from '@ssp/billing-tables';
import {
  findReplay,
  idempotencyInputHash,
  insertOnce,
  type MutationCaller,
  type money,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { findVisibleOrganisation, requireServingPartner } from '../access/billing-access.ts';

export type SavingsOpportunityRow = typeof tables.savingsOpportunities.$inferSelect;
type Category = (typeof tables.savingsCategory.enumValues)[number];
type Recurrence = (typeof tables.savingsRecurrence.enumValues)[number];
type Target = (typeof tables.savingsTarget.enumValues)[number];

export interface ProposeSavingsOpportunityInput {
  organisationId: string;
  title: string;
  description: string;
  category: Category;
  cashable: boolean;
  recurrence: Recurrence;
  countsAgainst: Target;
  budgetName: string | null;
  estimatedAnnual: money.Money | null;
  idempotencyKey: string;
}

/**
 * The partnership proposes a way to take cost out for a customer. A saving counted against
 * another budget of the customer's names that budget; one counted against the charge names none.
 * Only the partnership serving the customer (or a platform admin) proposes. Idempotent by key.
 */
export async function proposeSavingsOpportunity(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: ProposeSavingsOpportunityInput,
): Promise<{ opportunity: SavingsOpportunityRow; replayed: boolean }> {
  requireServingPartner(caller.actor, input.organisationId, 'Proposing a savings opportunity');
  await findVisibleOrganisation(tx, input.organisationId);
  const title = input.title.trim();
  if (title === '' || title.length > 300)
    throw new ValidationError('Give a title of 1 to 300 characters', 'input.title');
  if (input.description.length > 10_000) {
    throw new ValidationError('The description is at most 10,000 characters', 'input.description');
  }
  const budgetName = input.budgetName?.trim() || null;
  if (input.countsAgainst === 'other_budget' && budgetName === null) {
    throw new ValidationError('Name the budget a saving against another budget counts against', 'input.budgetName');
  }
  if (input.countsAgainst === 'affordability_charge' && budgetName !== null) {
    throw new ValidationError('A saving against the affordability charge names no other budget', 'input.budgetName');
  }
  if (budgetName !== null && budgetName.length > 200) {
    throw new ValidationError('The budget name is at most 200 characters', 'input.budgetName');
  }
  const inputHash = idempotencyInputHash([
    input.organisationId,
    title,
    input.description,
    input.category,
    input.cashable,
    input.recurrence,
    input.countsAgainst,
    budgetName,
    input.estimatedAnnual?.pence ?? null,
  ]);
  const key = { tenantId: input.organisationId, idempotencyKey: input.idempotencyKey, inputHash };
  const replay = await findReplay(tx, tables.savingsOpportunities, key);
  if (replay) return { opportunity: replay, replayed: true };

  const { row, replayed } = await insertOnce(tx, tables.savingsOpportunities, {
    ...key,
    title,
    description: input.description,
    category: input.category,
    cashable: input.cashable,
    recurrence: input.recurrence,
    countsAgainst: input.countsAgainst,
    budgetName,
    estimatedAnnualPence: input.estimatedAnnual?.pence ?? null,
    proposedByOrganisationId: caller.actor.organisationId,
    proposedBy: caller.actor.principal.subject,
  });
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: input.organisationId,
        action: 'savings_opportunity.proposed',
        targetType: 'savings_opportunity',
        targetId: row.id,
        after: { title: row.title, status: row.status },
      },
    ]);
  }
  return { opportunity: row, replayed };
}
