import type { Operation } from '../test-app.ts';

const ORGANISATION_WITH_SUBSCRIPTIONS = `... on Organisation { slug subscriptions(first: 100) { nodes { id
  offering { code currentSla { __typename id } } } } }`;

/** `nodes` answering each organisation with its subscriptions and their offerings, each subscription its id. */
export const organisationsWithSubscriptionsByNodesQuery = (ids: string[]): Operation => ({
  query: `query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id ${ORGANISATION_WITH_SUBSCRIPTIONS}
    ... on Subscription { offering { code } } } }`,
  variables: { ids },
});
