import {
  CORE_ERRORS,
  ConflictError,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { type LifecycleAction, lifecycleTarget } from './lifecycle-rules.ts';

export type OrganisationRow = typeof tables.organisations.$inferSelect;

/**
 * Moves an organisation along its lifecycle. Runs on the platform path (organisations are the
 * tenant registry). The update is conditional on the status read, so two admins cannot both move
 * it from the same state. The move and its reason go into the organisation's audit trail.
 */
export async function changeOrganisationLifecycle(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { organisationId: string; action: LifecycleAction; reason: string; now: Date },
): Promise<{ before: OrganisationRow; after: OrganisationRow }> {
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 1_000)
    throw new ValidationError('Say why (1 to 1,000 characters)', 'input.reason');
  const before = await tx.query.organisations.findFirst({ where: { id: input.organisationId } });
  if (!before) throw new NotFoundError('No organisation has this id');
  if (before.kind === 'platform_operator') {
    throw new ValidationError(
      'The platform operator cannot change its own lifecycle',
      'input.organisationId',
      CORE_ERRORS.INVALID_TRANSITION,
    );
  }
  const target = lifecycleTarget(before.lifecycleStatus, input.action);
  if (!target) {
    throw new ValidationError(
      `An organisation that is ${before.lifecycleStatus} cannot ${input.action.replace('_', ' ')}`,
      'input.action',
      CORE_ERRORS.INVALID_TRANSITION,
    );
  }
  const [after] = await tx
    .update(tables.organisations)
    .set({ lifecycleStatus: target, updatedAt: input.now })
    .where(
      and(eq(tables.organisations.id, before.id), eq(tables.organisations.lifecycleStatus, before.lifecycleStatus)),
    )
    .returning();
  if (!after)
    throw new ConflictError(
      'The organisation changed meanwhile; read it again and retry',
      CORE_ERRORS.CHANGED_MEANWHILE,
    );
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: after.id,
      action: `organisation.${input.action}`,
      targetType: 'Organisation',
      targetId: after.id,
      before: { lifecycleStatus: before.lifecycleStatus },
      after: { lifecycleStatus: after.lifecycleStatus, reason },
    },
  ]);
  return { before, after };
}
