import { randomBytes } from 'node:crypto';
import { generateSecret, hashSecret, type MembershipRole, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';

export interface CreatedApiClient {
  id: string;
  clientId: string;
  /** Shown once, never stored: only its slow hash is kept. */
  clientSecret: string;
}

/** A public client id: random, so it says nothing about its organisation or how many exist. */
export function generateClientId(): string {
  return `ssp_${randomBytes(16).toString('base64url')}`;
}

/**
 * Registers a machine client for an organisation and returns its secret once. Runs in the
 * caller's transaction: the directory row (platform-wide) and the client row (the tenant's)
 * are written together or not at all.
 */
export async function createApiClient(
  tx: PlatformTransaction,
  input: { organisationId: string; name: string; roles: MembershipRole[] },
): Promise<CreatedApiClient> {
  const clientId = generateClientId();
  const clientSecret = generateSecret();
  await tx.insert(tables.apiClientDirectory).values({ clientId, organisationId: input.organisationId });
  const [row] = await tx
    .insert(tables.apiClients)
    .values({
      tenantId: input.organisationId,
      clientId,
      name: input.name,
      roles: input.roles,
      secretHash: await hashSecret(clientSecret),
    })
    .returning({ id: tables.apiClients.id });
  if (!row) throw new Error('The API client row was not written');
  return { id: row.id, clientId, clientSecret };
}
