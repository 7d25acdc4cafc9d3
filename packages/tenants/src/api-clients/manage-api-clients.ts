import {
  ConflictError,
  generateSecret,
  hashSecret,
  type MembershipRole,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  returningAsStored,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq, isNull } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';

export type ApiClientRow = typeof tables.apiClients.$inferSelect;

/** What the audit trail keeps of a client: never its secret hashes. */
export function apiClientAuditView(client: ApiClientRow) {
  const { secretHash: _secret, previousSecretHash: _previous, ...view } = client;
  return view;
}

/** A rotated secret stays valid for at most a week, so a forgotten old secret dies on its own. */
export const MAX_ROTATION_GRACE_HOURS = 168;

/** The roles a tenant admin may give a machine client: anything but platform admin. */
export function checkClientRoles(roles: readonly MembershipRole[]): MembershipRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new ValidationError('Give the client at least one role', 'input.roles');
  if (unique.includes('platform_admin')) {
    throw new ValidationError(
      'A machine client cannot be a platform admin',
      'input.roles',
      TENANT_ERRORS.ROLE_NOT_GRANTABLE,
    );
  }
  return unique;
}

async function visibleClient(tx: PlatformTransaction, apiClientId: string): Promise<ApiClientRow> {
  const client = await tx.query.apiClients.findFirst({ where: { id: apiClientId } });
  if (!client) throw new NotFoundError('No API client you may see has this id');
  return client;
}

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

/** Revokes a client (audited): its tokens are refused from the next request, and it gets no new ones. */
export async function revokeApiClient(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { apiClientId: string; now: Date },
): Promise<{ before: ApiClientRow; after: ApiClientRow }> {
  const client = await visibleClient(tx, input.apiClientId);
  const [revoked] = await tx
    .update(tables.apiClients)
    .set({ revokedAt: input.now, previousSecretHash: null, previousSecretExpiresAt: null })
    .where(
      and(
        eq(tables.apiClients.tenantId, client.tenantId),
        eq(tables.apiClients.id, client.id),
        isNull(tables.apiClients.revokedAt),
      ),
    )
    .returning(returningAsStored(tables.apiClients));
  if (!revoked) throw new ConflictError('This client is already revoked', TENANT_ERRORS.API_CLIENT_REVOKED);
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: revoked.tenantId,
      action: 'api_client.revoked',
      targetType: 'ApiClient',
      targetId: revoked.id,
      before: apiClientAuditView(client),
      after: apiClientAuditView(revoked),
    },
  ]);
  return { before: client, after: revoked };
}
