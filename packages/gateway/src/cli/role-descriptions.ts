import type { MembershipRole } from '@ssp/core';

/** What each role may do, as `pnpm cli roles` prints it (a Record, so a new role must be described). */
export const ROLE_DESCRIPTIONS: Readonly<Record<MembershipRole, string>> = {
  platform_admin: 'operates the whole platform (only for shared-services-platform)',
  tenant_admin: 'administers its organisation: members, API clients, onboarding, capability matching',
  finance: 'charges, reductions, savings ledger and reconciliation, business cases',
  service_agent: 'works the service requests of the organisations its partnership serves',
  requester: 'raises and follows service requests; reads the catalogue and performance (a partner system)',
};
