import {
  ConflictError,
  insertRows,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';

export interface GrantDelegationInput {
  granteeOrganisationId: string;
  delegatedOrganisationId: string;
  reason: string;
  grantedBy: string;
}

/**
 * Lets the members of one organisation act for another beneath it in the hierarchy (a county
 * council for its schools). Platform-wide work: the caller's transaction is on the platform path.
 */
export async function grantDelegation(tx: PlatformTransaction, input: GrantDelegationInput) {
  if (input.granteeOrganisationId === input.delegatedOrganisationId) {
    throw new ValidationError(
      'An organisation cannot be delegated to itself',
      'input.delegatedOrganisationId',
      TENANT_ERRORS.DELEGATION_OUTSIDE_HIERARCHY,
    );
  }
  if (input.reason.trim() === '') throw new ValidationError('Say why the delegation is needed', 'input.reason');
  const chain = await ancestorsOf(tx, input.delegatedOrganisationId);
  if (chain === null) throw new NotFoundError('The delegated organisation does not exist');
  const grantee = await tx.query.organisations.findFirst({ where: { id: input.granteeOrganisationId } });
  if (!grantee) throw new NotFoundError('The grantee organisation does not exist');
  if (!chain.includes(input.granteeOrganisationId)) {
    throw new ValidationError(
      'Delegation runs down the hierarchy: the delegated organisation must be beneath the grantee',
      'input.delegatedOrganisationId',
      TENANT_ERRORS.DELEGATION_OUTSIDE_HIERARCHY,
    );
  }
  const [delegation] = await tx
    .insert(tables.delegations)
    .values({
      tenantId: input.granteeOrganisationId,
      delegatedOrganisationId: input.delegatedOrganisationId,
      reason: input.reason.trim(),
      grantedBy: input.grantedBy,
    })
    .onConflictDoNothing()
    .returning();
  if (!delegation) throw new ConflictError('This delegation already exists', TENANT_ERRORS.DELEGATION_EXISTS);
  return delegation;
}

/**
 * A platform admin's grant: `grantDelegation`, recorded in both organisations' audit trails (the
 * grantee gains a view, the delegated organisation is seen). Onboarding calls `grantDelegation`
 * itself and audits its own work.
 */
export async function grantAuditedDelegation(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: Omit<GrantDelegationInput, 'grantedBy'>,
) {
  const delegation = await grantDelegation(tx, { ...input, grantedBy: caller.actor.principal.subject });
  const change = { action: 'delegation.granted', targetType: 'Delegation', targetId: delegation.id, after: delegation };
  await recordAuditEvents(tx, auditActor(caller), [
    { organisationId: delegation.tenantId, ...change },
    { organisationId: delegation.delegatedOrganisationId, ...change },
  ]);
  return delegation;
}

/**
 * Delegates organisations registered in this transaction beneath one the grantee acts for (bulk
 * onboarding: the onboarding organisation keeps seeing what it onboarded), with one statement.
 * `grantDelegation`'s hierarchy check holds by construction: row-level security let each in only
 * beneath an organisation in the grantee's context.
 */
export async function delegateNewOrganisations(
  tx: PlatformTransaction,
  input: { granteeOrganisationId: string; organisationIds: readonly string[]; reason: string; grantedBy: string },
): Promise<void> {
  if (input.reason.trim() === '') throw new ValidationError('Say why the delegation is needed', 'input.reason');
  await insertRows(
    tx,
    tables.delegations,
    { tenantId: 'uuid', delegatedOrganisationId: 'uuid', reason: 'text', grantedBy: 'text' },
    input.organisationIds.map((organisationId) => ({
      tenantId: input.granteeOrganisationId,
      delegatedOrganisationId: organisationId,
      reason: input.reason.trim(),
      grantedBy: input.grantedBy,
    })),
  );
}

/** The ids above an organisation, nearest first; null when it does not exist. */
async function ancestorsOf(tx: PlatformTransaction, organisationId: string): Promise<string[] | null> {
  const organisation = await tx.query.organisations.findFirst({
    where: { id: organisationId },
    columns: { id: true, parentId: true },
  });
  if (!organisation) return null;
  const ancestors: string[] = [];
  let parentId = organisation.parentId;
  // The hierarchy is a few levels deep (partnership, council, school); a guard stops a cycle.
  while (parentId && ancestors.length < 16 && !ancestors.includes(parentId)) {
    ancestors.push(parentId);
    const parent = await tx.query.organisations.findFirst({
      where: { id: parentId },
      columns: { id: true, parentId: true },
    });
    parentId = parent?.parentId ?? null;
  }
  return ancestors;
}
