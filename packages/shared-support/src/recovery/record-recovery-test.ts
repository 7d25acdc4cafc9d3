import {
  checkIdempotencyKey,
  findReplay,
  idempotencyInputHash as inputHash,
  insertOnce,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { isoDate, londonToday } from '../common/dates.ts';
import type { RecoveryOutcome } from './recovery-item-checks.ts';

/** A member records a recovery test of one of its plan's items. A test cannot be dated in the future. */
export async function recordRecoveryTest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    planItemId: string;
    testedOn: string;
    outcome: RecoveryOutcome;
    notes: string | null;
    idempotencyKey: string;
    today?: string;
  },
): Promise<{ test: typeof tables.recoveryTests.$inferSelect; replayed: boolean }> {
  const memberId = caller.actor.organisationId;
  checkIdempotencyKey(input.idempotencyKey);
  const hash = inputHash([input.planItemId, input.testedOn, input.outcome, input.notes]);
  const key = { tenantId: memberId, idempotencyKey: input.idempotencyKey, inputHash: hash };
  const earlier = await findReplay(tx, tables.recoveryTests, key);
  if (earlier) return { test: earlier, replayed: true };
  const testedOn = isoDate(input.testedOn, 'input.testedOn');
  const today = input.today ?? londonToday();
  if (testedOn > today) {
    throw new ValidationError(`A recovery test cannot be dated in the future (today is ${today})`, 'input.testedOn');
  }
  const [item] = await queryRows<{ id: string }>(
    tx,
    sql`select id from recovery_plan_items where tenant_id = ${memberId} and id = ${input.planItemId}`,
  );
  if (!item) throw new NotFoundError('No item of your recovery plans has this id');
  const { row: test, replayed } = await insertOnce(tx, tables.recoveryTests, {
    ...key,
    planItemId: input.planItemId,
    testedOn,
    outcome: input.outcome,
    notes: input.notes,
    recordedBy: caller.actor.principal.subject,
  });
  if (!replayed) {
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: memberId,
        action: 'recovery_test.recorded',
        targetType: 'RecoveryTest',
        targetId: test.id,
        after: test,
      },
    ]);
  }
  return { test, replayed };
}
