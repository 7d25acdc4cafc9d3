import type { Operation } from '../test-app.ts';

// Query factories for `viewer`, the caller itself: the cheapest authenticated read.

/** Only the caller's subject: any authenticated answer will do. */
export const viewerSubjectQuery = (): Operation => ({ query: '{ viewer { subject } }' });

/** Whether the caller is a machine client, and whose. */
export const viewerMachineClientQuery = (): Operation => ({
  query: '{ viewer { isMachineClient organisation { slug } } }',
});

/** The caller's organisation and where it stands in its lifecycle. */
export const viewerOrganisationLifecycleQuery = (): Operation => ({
  query: '{ viewer { organisation { slug lifecycleStatus lifecycleActions } } }',
});
