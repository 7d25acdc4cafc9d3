import { type MutationCaller, money, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { isoDate } from '../common/dates.ts';
import { callerPartnership } from '../common/partnership-admin.ts';

export type ProgrammeRow = typeof tables.sharedSupportProgrammes.$inferSelect;

/**
 * The caller's partnership records when its shared support started and the day rate its members
 * agreed (a day rate is more than nothing). What is left out stays as it was. Audited.
 */
export async function updateSharedSupportProgramme(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { startedOn: string | null; dayRate: string | null },
): Promise<ProgrammeRow> {
  const partnershipId = await callerPartnership(tx, caller);
  const before = await tx.query.sharedSupportProgrammes.findFirst({ where: { tenantId: partnershipId } });
  if (!before) throw new NotFoundError('Your partnership has no shared-support programme');
  const changes: Partial<ProgrammeRow> = { updatedAt: new Date() };
  if (input.startedOn) changes.startedOn = isoDate(input.startedOn, 'input.startedOn');
  if (input.dayRate) {
    const rate = money.parseMoney(input.dayRate, { field: 'input.dayRate' });
    if (rate.pence <= 0n) throw new ValidationError('A day rate is more than nothing', 'input.dayRate');
    changes.dayRatePence = money.toPenceNumber(rate);
  }
  const [after] = await tx
    .update(tables.sharedSupportProgrammes)
    .set(changes)
    .where(
      and(eq(tables.sharedSupportProgrammes.tenantId, partnershipId), eq(tables.sharedSupportProgrammes.id, before.id)),
    )
    .returning();
  if (!after) throw new Error('The programme was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: partnershipId,
      action: 'shared_support_programme.changed',
      targetType: 'SharedSupportProgramme',
      targetId: after.id,
      before,
      after,
    },
  ]);
  return after;
}
