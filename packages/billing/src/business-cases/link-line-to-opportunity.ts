import * as tables from '@ssp/billing-tables';
import { type MutationCaller, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';

export type BusinessCaseLineRow = typeof tables.businessCaseLines.$inferSelect;

export interface LinkLineInput {
  lineId: string;
  opportunityId: string;
}

/**
 * Links a saving line of a business case to a savings opportunity that delivers it, so benefits
 * realisation can set the ledger's figures against the line's profile. Both must belong to the
 * same organisation (the composite foreign keys carry tenant_id, so the database holds to that
 * too). Linking twice changes nothing and says so (`replayed`); a new link is audited.
 */
export async function linkLineToOpportunity(
  tx: PlatformTransaction,
  caller: MutationCaller,
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
    .values({
      tenantId: line.tenantId,
      lineId: line.id,
      opportunityId: opportunity.id,
      linkedBy: caller.actor.principal.subject,
    })
    .onConflictDoNothing()
    .returning({ lineId: tables.businessCaseLineOpportunities.lineId });
  const replayed = inserted.length === 0;
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: line.tenantId,
        action: 'business_case.line_linked',
        targetType: 'business_case_line',
        targetId: line.id,
        after: { savingsOpportunityId: opportunity.id },
      },
    ]);
  }
  return { line, replayed };
}
