import { type MembershipRole, type PlatformDatabase, verifySecret } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';

/** Why a client-credentials request was refused, as an OAuth 2.0 error code (RFC 6749 5.2). */
export class ClientAuthenticationError extends Error {
  constructor(
    readonly oauthError: 'invalid_client' | 'unauthorized_client',
    readonly description: string,
  ) {
    super(description);
    this.name = 'ClientAuthenticationError';
  }
}

export interface AuthenticatedApiClient {
  clientId: string;
  organisationId: string;
  roles: MembershipRole[];
}

/**
 * Checks a client id and secret for the client-credentials grant. The client is found through
 * the platform-wide directory before its tenant is known, so this runs on the audited platform
 * path. Unknown id and wrong secret get the same answer.
 */
export async function authenticateApiClient(
  database: PlatformDatabase,
  clientId: string,
  clientSecret: string,
  now = new Date(),
): Promise<AuthenticatedApiClient> {
  const found = await database.inPlatformTransaction(
    { actor: `client:${clientId}`, reason: 'client credentials grant' },
    async (tx) => {
      const [entry] = await tx
        .select({
          organisationId: tables.apiClientDirectory.organisationId,
          lifecycleStatus: tables.organisations.lifecycleStatus,
        })
        .from(tables.apiClientDirectory)
        .innerJoin(tables.organisations, eq(tables.organisations.id, tables.apiClientDirectory.organisationId))
        .where(eq(tables.apiClientDirectory.clientId, clientId));
      if (!entry) return null;
      const [client] = await tx
        .select()
        .from(tables.apiClients)
        .where(and(eq(tables.apiClients.tenantId, entry.organisationId), eq(tables.apiClients.clientId, clientId)));
      return client ? { client, lifecycleStatus: entry.lifecycleStatus } : null;
    },
  );
  const invalid = new ClientAuthenticationError('invalid_client', 'the client id or secret is wrong');
  if (!found) {
    // Spend the same time as a real check, so response times do not reveal which ids exist.
    await verifySecret(clientSecret, DUMMY_HASH);
    throw invalid;
  }
  const { client, lifecycleStatus } = found;
  const current = await verifySecret(clientSecret, client.secretHash);
  const previous =
    !current &&
    client.previousSecretHash !== null &&
    client.previousSecretExpiresAt !== null &&
    client.previousSecretExpiresAt > now &&
    (await verifySecret(clientSecret, client.previousSecretHash));
  if (!current && !previous) throw invalid;
  if (client.revokedAt) throw new ClientAuthenticationError('invalid_client', 'the client has been revoked');
  if (lifecycleStatus === 'suspended' || lifecycleStatus === 'offboarded') {
    throw new ClientAuthenticationError('unauthorized_client', `the organisation is ${lifecycleStatus}`);
  }
  return { clientId, organisationId: client.tenantId, roles: client.roles };
}

// A hash of a random secret nobody holds, with the production cost parameters.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$2vGKqQJbX2ztnM1xHhN3e6fH4Jk0Q5mGZ6XyJdX3h1U';
