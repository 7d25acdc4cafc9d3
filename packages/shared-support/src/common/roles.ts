import type { MembershipRole } from '@ssp/core';

/** Who at a member works with shared support day to day. */
export const SUPPORT_ROLES: readonly MembershipRole[] = ['tenant_admin', 'service_agent'];
/** Who may read the benefits (finance too). */
export const BENEFIT_ROLES: readonly MembershipRole[] = ['tenant_admin', 'service_agent', 'finance'];
