import type { Operation } from '../test-app.ts';

// Query factories for an organisation's audit trail.

/** The newest `first` events of the organisation's trail, with the event fields asked for. */
export const auditTrailQuery = (organisationId: string, first: number, eventFields: string): Operation => ({
  query: `query T($id: ID!, $first: Int) { organisation(id: $id) { auditTrail(first: $first) { nodes { ${eventFields} } } } }`,
  variables: { id: organisationId, first },
});
