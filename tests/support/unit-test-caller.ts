import type { MembershipRole, MutationCaller } from '@ssp/core';
import { seedOrganisationId } from '@ssp/seeds';

// Domain packages do not depend on the seeds; their unit tests take the seeded ids from here.
export { seedOrganisationId };

/**
 * The caller a domain unit test hands a write service: a member of a seeded organisation with
 * these roles, as the mutation form would pass it once the database had confirmed the token.
 * `platformScope` is a platform admin's partnership-wide path.
 */
export function unitTestCaller(
  slug: string,
  roles: MembershipRole[],
  options: { subject?: string; platformScope?: boolean; visibleTenantCount?: number } = {},
): MutationCaller {
  const organisationId = seedOrganisationId(slug);
  const subject = options.subject ?? `unit:${roles.join('+')}@${slug}`;
  return {
    requestId: `unit-test-${subject}`,
    actor: {
      principal: {
        kind: 'user',
        issuer: 'https://unit-test.invalid/',
        subject,
        organisationId,
        claimedRoles: roles,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      organisationId,
      roles,
      visibleTenantCount: options.visibleTenantCount ?? 1,
      platformScope: options.platformScope ?? false,
    },
  };
}
