import {
  ConflictError,
  generateSecret,
  hashSecret,
  type MutationCaller,
  type PlatformTransaction,
  returningAsStored,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';
import { type ApiClientRow, apiClientAuditView, MAX_ROTATION_GRACE_HOURS, visibleClient } from './api-client-checks.ts';

/**
 * Issues a new secret. The old one keeps working for `graceHours` (0 ends it at once), so the
 * client's owners can roll the change out without an outage. Audited (never the secret).
 */
export async function rotateApiClientSecret(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { apiClientId: string; graceHours: number; now: Date },
): Promise<{ client: ApiClientRow; clientSecret: string; previousSecretValidUntil: Date | null }> {
  if (!Number.isInteger(input.graceHours) || input.graceHours < 0 || input.graceHours > MAX_ROTATION_GRACE_HOURS) {
    throw new ValidationError(
      `The grace period is 0 to ${MAX_ROTATION_GRACE_HOURS} whole hours`,
      'input.gracePeriodHours',
    );
  }
  const client = await visibleClient(tx, input.apiClientId);
  if (client.revokedAt)
    throw new ConflictError('A revoked client cannot be given a new secret', TENANT_ERRORS.API_CLIENT_REVOKED);
  const clientSecret = generateSecret();
  const previousSecretValidUntil =
    input.graceHours === 0 ? null : new Date(input.now.getTime() + input.graceHours * 3_600_000);
  const [updated] = await tx
    .update(tables.apiClients)
    .set({
      secretHash: await hashSecret(clientSecret),
      previousSecretHash: previousSecretValidUntil ? client.secretHash : null,
      previousSecretExpiresAt: previousSecretValidUntil,
    })
    .where(and(eq(tables.apiClients.tenantId, client.tenantId), eq(tables.apiClients.id, client.id)))
    .returning(returningAsStored(tables.apiClients));
  if (!updated) throw new Error('The API client was not updated');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: updated.tenantId,
      action: 'api_client.secret_rotated',
      targetType: 'ApiClient',
      targetId: updated.id,
      after: apiClientAuditView(updated),
    },
  ]);
  return { client: updated, clientSecret, previousSecretValidUntil };
}
