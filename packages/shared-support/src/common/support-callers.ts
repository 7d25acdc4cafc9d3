import { ForbiddenError } from '@ssp/core';
import type { MutationCallers } from '@ssp/schema';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SUPPORT_ROLES } from './roles.ts';

/**
 * Who may run a member's shared-support write: its tenant admins and service agents. Platform
 * admins may not: shared support is the members' own, by their agreement (MEMBERS_ONLY).
 */
export function supportCallers(action: string): MutationCallers {
  return {
    roles: SUPPORT_ROLES,
    action,
    refusePlatformAdmin: () =>
      new ForbiddenError('Shared support is used by the members themselves', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY),
  };
}
