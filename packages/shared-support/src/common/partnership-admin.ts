import { ForbiddenError, type MutationCaller, type PlatformTransaction } from '@ssp/core';
import type { MutationCallers } from '@ssp/schema';
import { findOrganisation } from '@ssp/tenants';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';

function platformAdminRefused(): ForbiddenError {
  return new ForbiddenError('A partnership runs its own shared support', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
}

/** Who may call a partnership's shared-support writes (the mutation form checks it on the field). */
export const PARTNERSHIP_ADMIN_CALLERS: MutationCallers = {
  roles: ['tenant_admin'],
  action: 'Running shared support for a partnership',
  refusePlatformAdmin: platformAdminRefused,
};

/**
 * The caller's organisation, which must be a partnership (its own tenant admins run its shared
 * support: programme, rota shares, recovery model). Returns its id.
 */
export async function callerPartnership(tx: PlatformTransaction, caller: MutationCaller): Promise<string> {
  const organisation = await findOrganisation(tx, caller.actor.organisationId);
  if (organisation?.kind !== 'partnership') {
    throw new ForbiddenError(
      'Only the tenant admins of a partnership run its shared support',
      SHARED_SUPPORT_ERRORS.PARTNERSHIP_ADMIN_REQUIRED,
    );
  }
  return caller.actor.organisationId;
}
