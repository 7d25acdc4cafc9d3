import type { Operation } from '../test-app.ts';

// Query factories for what partnership members share: people in the directory and the receipts
// of who read a member's shared rows (the join, leave and directory factories are in
// `tests/shared-support/support`).

/** `node` for a person in the shared directory: whose they are and their role. */
export const sharedPersonNodeQuery = (id: string): Operation => ({
  query: `query N($id: ID!) { node(id: $id) { ... on SharedPerson { memberName roleTitle } } }`,
  variables: { id },
});

/** Who has read the caller's shared rows, what and how many. */
export const readsOfOurRowsQuery = (partnershipId: string): Operation => ({
  query: `query R($p: ID!) { sharedSupport(partnershipId: $p) { readsOfOurRows(first: 50) { nodes { readerName what rowCount readBy } } } }`,
  variables: { p: partnershipId },
});
