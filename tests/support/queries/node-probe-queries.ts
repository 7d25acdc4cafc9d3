import type { Operation } from '../test-app.ts';

// Query factories for probing what a caller may read: the lists that give objects, `node` and
// `nodes` by id, the Node types of the schema, and any mutation by name.

/** A root list field's selection, as the probe sends it (e.g. `{ supportPeople(first: 100) { ... } }`). */
export const rootListProbeQuery = (selection: string): Operation => ({ query: `{ ${selection} }` });

/** A list under `sharedSupport(partnershipId:)`. */
export const sharedSupportListProbeQuery = (partnershipId: string, selection: string): Operation => ({
  query: `query S($p: ID!) { sharedSupport(partnershipId: $p) { ${selection} } }`,
  variables: { p: partnershipId },
});

/** One page of organisations, each as `{ __typename id }`. */
export const organisationNodesPageQuery = (after: string | null): Operation => ({
  query: `query O($after: String) { organisations(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { __typename id } } }`,
  variables: { after },
});

/** The first 50 of one of an organisation's lists, each item with `selection`. */
export const organisationListProbeQuery = (organisationId: string, field: string, selection: string): Operation => ({
  query: `query L($id: ID!) { organisation(id: $id) { ${field}(first: 50) { nodes { __typename ${selection} } } } }`,
  variables: { id: organisationId },
});

/** `nodes` answering each id's type and id (null where the caller may not read it). */
export const typedNodesQuery = (ids: string[]): Operation => ({
  query: 'query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
  variables: { ids },
});

/** `node` answering the id only. */
export const nodeByIdQuery = (id: string): Operation => ({
  query: 'query N($id: ID!) { node(id: $id) { id } }',
  variables: { id },
});

/** `nodes` answering the ids only. */
export const nodesByIdsQuery = (ids: string[]): Operation => ({
  query: 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }',
  variables: { ids },
});

/** Every type that implements Node. */
export const nodeTypesQuery = (): Operation => ({ query: '{ __type(name: "Node") { possibleTypes { name } } }' });

/** Any mutation by field and input type, answering its payload's type name (and an error's message). */
export const namedMutation = (name: string, inputType: string, input: Record<string, unknown>): Operation => ({
  query: `mutation M($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { message } } }`,
  variables: { input },
});

/** `requestHelp` answering the new request's id. */
export const requestHelpIdMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation R($input: RequestHelpInput!) { requestHelp(input: $input) { __typename ... on HelpRequestPayload { request { id } } } }`,
  variables: { input },
});

/** The id of the partnership's first recovery template. */
export const firstRecoveryTemplateQuery = (partnershipId: string): Operation => ({
  query: 'query T($p: ID!) { sharedSupport(partnershipId: $p) { recoveryTemplates(first: 1) { nodes { id } } } }',
  variables: { p: partnershipId },
});
