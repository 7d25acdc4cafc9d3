import * as tables from '@ssp/billing-tables';
import { NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';

export type BusinessCaseLineRow = typeof tables.businessCaseLines.$inferSelect;

export interface LinkLineInput {
  lineId: string;
  opportunityId: string;
  linkedBy: string;
}

/**
 * Links a saving line of a business case to a savings opportunity that delivers it, so benefits
 * realisation can set the ledger's figures against the line's profile. Both must belong to the
 * same organisation (the composite foreign keys carry tenant_id, so the database holds to that
 * too). Linking twice changes nothing and says so (`replayed`).
 */
export async function linkLineToOpportunity(
  tx: PlatformTransaction,
  input: LinkLineInput,
): Promise<{ line: BusinessCaseLineRow; replayed: boolean }> {
  const line = await tx.query.businessCaseLines.findFirst({ where: { id: input.lineId } });
  if (!line) throw new NotFoundError('No business-case line you may see has this id');
  if (line.kind !== 'saving') {
    throw new ValidationError('Only a saving line is delivered by savings opportunities', 'input.lineId');
  }
  const opportunity = await tx.query.savingsOpportunities.findFirst({
    where: { tenantId: line.tenantId, id: input.opportunityId },
    columns: { id: true },
  });
  if (!opportunity) {
    throw new NotFoundError("No savings opportunity of the business case's organisation has this id");
  }
  const inserted = await tx
    .insert(tables.businessCaseLineOpportunities)
    .values({ tenantId: line.tenantId, lineId: line.id, opportunityId: opportunity.id, linkedBy: input.linkedBy })
    .onConflictDoNothing()
    .returning({ lineId: tables.businessCaseLineOpportunities.lineId });
  return { line, replayed: inserted.length === 0 };
}
