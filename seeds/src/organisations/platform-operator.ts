import type { SeedOrganisation } from './seed-organisation.ts';

/**
 * The organisation that operates this platform. It is not in the source documents: it is where
 * platform admins belong (the platform admin role is honoured only for its members).
 */
export const platformOperator: SeedOrganisation = {
  slug: 'shared-services-platform',
  name: 'Shared Services Platform',
  kind: 'platform_operator',
  nation: 'england_and_wales',
  lifecycleStatus: 'active',
  generated: false,
  source: '',
};
