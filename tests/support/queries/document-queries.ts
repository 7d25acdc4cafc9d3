import type { Operation } from '../test-app.ts';

// Documents whose shape is what a test is about (introspection, validation, page-size bounds):
// each kept exactly as written, literal arguments included.

/** The smallest valid operation: open to anyone. */
export const typenameQuery = (): Operation => ({ query: '{ __typename }' });

/** Introspection of the schema's query type (a token is needed). */
export const schemaQueryTypeQuery = (): Operation => ({ query: '{ __schema { queryType { name } } }' });

/** Introspection reached through a fragment, as a way around a check on the field alone. */
export const schemaThroughFragmentQuery = (): Operation => ({
  query: '{ ...Schema } fragment Schema on Query { __schema { types { name } } }',
});

/** `__type(name:)`, which stays open for GraphQL-over-HTTP conformance checks. */
export const typeByNameQuery = (name: string): Operation => ({
  query: `{ __type(name: ${JSON.stringify(name)}) { name } }`,
});

/** The organisations list with no page size: tenant data, so refused without a token. */
export const unpagedOrganisationIdsQuery = (): Operation => ({ query: '{ organisations { nodes { id } } }' });

/** A misspelt field (`nam`), close enough to `name` for a "Did you mean" suggestion. */
export const misspeltFieldQuery = (): Operation => ({ query: '{ organisations { nodes { nam } } }' });

/** A field the schema does not have: a validation error. */
export const unknownFieldQuery = (): Operation => ({ query: '{ organisations { nodes { noSuchField } } }' });

/** A page of organisations of exactly `first`, written as a literal. */
export const literalPageQuery = (first: number): Operation => ({
  query: `{ organisations(first: ${first}) { nodes { slug } } }`,
});

/** `organisation(id:)` with its id and slug only. */
export const organisationSlugQuery = (id: string): Operation => ({
  query: 'query Organisation($id: ID!) { organisation(id: $id) { id slug } }',
  variables: { id },
});
