import type { ExternalIdentityProvider, PlatformDatabase } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { eq } from 'drizzle-orm';

/**
 * Finds the organisation whose own identity provider issues tokens as `issuer`. Runs before the
 * caller's tenant is known, on the platform path; the table holds configuration, no tenant data.
 */
export async function findIdentityProvider(
  database: PlatformDatabase,
  issuer: string,
): Promise<ExternalIdentityProvider | null> {
  const [provider] = await database.inPlatformTransaction(
    { actor: 'token-verifier', reason: 'resolve external token issuer' },
    (tx) =>
      tx
        .select({
          organisationId: tables.identityProviders.organisationId,
          issuer: tables.identityProviders.issuer,
          jwksUrl: tables.identityProviders.jwksUrl,
          audience: tables.identityProviders.audience,
        })
        .from(tables.identityProviders)
        .where(eq(tables.identityProviders.issuer, issuer)),
  );
  return provider ?? null;
}
