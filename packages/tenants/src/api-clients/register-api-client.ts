import {
  type MembershipRole,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { type ApiClientRow, apiClientAuditView, checkClientRoles } from './api-client-checks.ts';
import { createApiClient } from './create-api-client.ts';

/**
 * A tenant admin registers a machine client for an organisation it may act for (its own unless
 * it says which): a name of 1 to 200 characters and roles short of platform admin. Returns the
 * client and its secret (shown once); the audit trail keeps the client, never the secret.
 * `createApiClient` is the write alone, for onboarding.
 */
export async function registerApiClient(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: { organisationId: string | null; name: string; roles: readonly MembershipRole[] },
): Promise<{ client: ApiClientRow; clientSecret: string }> {
  const organisationId = input.organisationId ?? caller.actor.organisationId;
  const organisation = await tx.query.organisations.findFirst({ where: { id: organisationId }, columns: { id: true } });
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new ValidationError('Give a name of 1 to 200 characters', 'input.name');
  const created = await createApiClient(tx, { organisationId, name, roles: checkClientRoles(input.roles) });
  const client = await tx.query.apiClients.findFirst({ where: { id: created.id } });
  if (!client) throw new Error('The new API client is not visible');
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId,
      action: 'api_client.created',
      targetType: 'ApiClient',
      targetId: client.id,
      after: apiClientAuditView(client),
    },
  ]);
  return { client, clientSecret: created.clientSecret };
}
