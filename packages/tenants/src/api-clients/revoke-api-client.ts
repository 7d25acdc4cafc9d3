import { ConflictError, type MutationCaller, type PlatformTransaction, returningAsStored } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq, isNull } from 'drizzle-orm';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';
import { type ApiClientRow, apiClientAuditView, visibleClient } from './api-client-checks.ts';

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
