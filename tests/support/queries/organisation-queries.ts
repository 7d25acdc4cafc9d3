import type { Operation } from '../test-app.ts';

// Small query factories (one per operation) that the acceptance tests share.

export const viewerQuery = (): Operation => ({
  query: `query Viewer { viewer { subject issuer isMachineClient roles organisation { id slug name } } }`,
});

export const organisationQuery = (id: string): Operation => ({
  query: `query Organisation($id: ID!) { organisation(id: $id) { id slug name kind parent { slug } } }`,
  variables: { id },
});

export const nodeQuery = (id: string): Operation => ({
  query: `query Node($id: ID!) { node(id: $id) { id ... on Organisation { slug name } } }`,
  variables: { id },
});

export const organisationsQuery = (variables: {
  first?: number;
  after?: string;
  filter?: Record<string, unknown>;
  children?: number;
}): Operation => ({
  query: `query Organisations($first: Int, $after: String, $filter: OrganisationFilter, $children: Int) {
    organisations(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes { id slug name kind lifecycleStatus parent { id slug } children(first: $children) { totalCount nodes { slug } } }
    }
  }`,
  variables: { children: 10, ...variables },
});

export const grantDelegationMutation = (input: {
  granteeOrganisationId: string;
  delegatedOrganisationId: string;
  reason: string;
}): Operation => ({
  query: `mutation GrantDelegation($input: GrantDelegationInput!) {
    grantDelegation(input: $input) {
      __typename
      ... on GrantDelegationPayload { delegation { id grantee { slug } delegatedOrganisation { slug } reason } }
      ... on Error { message code }
      ... on ValidationError { field }
    }
  }`,
  variables: { input },
});

/** The global id the API gives an organisation (Relay's `Type:id`, base64). */
export function organisationGlobalId(organisationId: string): string {
  return Buffer.from(`Organisation:${organisationId}`).toString('base64');
}

export const changeLifecycleMutation = (input: {
  organisationId: string;
  action: string;
  reason: string;
}): Operation => ({
  query: `mutation L($input: ChangeOrganisationLifecycleInput!) { changeOrganisationLifecycle(input: $input) { __typename
    ... on OrganisationPayload { organisation { lifecycleStatus lifecycleActions } }
    ... on Error { message code } ... on ValidationError { field } } }`,
  variables: { input },
});

/** A page of 100 organisations, each with its parent and up to ten children. */
export const organisationTreePageQuery = (): Operation => ({
  query: `query { organisations(first: 100) { pageInfo { hasNextPage }
          nodes { slug parent { slug } children(first: 10) { nodes { slug } } } } }`,
});

/** A page of 100 organisations' slugs. */
export const organisationSlugsQuery = (): Operation => ({
  query: '{ organisations(first: 100) { nodes { slug } } }',
});
