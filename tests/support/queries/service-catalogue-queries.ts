import type { Operation } from '../test-app.ts';

// Query factories for the service catalogue and an organisation's subscriptions, with the shapes
// they answer.

export interface OfferingView {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: 'REQUEST' | 'INCIDENT';
  serviceLine: { code: string; name: string };
  unitPrice: { amount: string; currency: string };
  allowedKinds: string[];
  currentSla: {
    version: number;
    fulfilmentUnit: string;
    fulfilmentAmount: number;
    responseUnit: string | null;
    responseAmount: number | null;
  };
}

export const serviceCatalogueQuery = (
  variables: { first?: number; after?: string; filter?: { serviceLine?: string; search?: string } } = {},
): Operation => ({
  query: `query Catalogue($first: Int, $after: String, $filter: ServiceCatalogueFilter) {
    serviceCatalogue(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id code name description kind
        serviceLine { code name }
        unitPrice { amount currency }
        allowedKinds
        currentSla { version fulfilmentUnit fulfilmentAmount responseUnit responseAmount }
      }
    }
  }`,
  variables,
});

export interface SubscriptionView {
  id: string;
  active: boolean;
  negotiatedPrice: boolean;
  unitPrice: { amount: string; currency: string };
  startedAt: string;
  endedAt: string | null;
  offering: { code: string };
  organisation: { slug: string };
}

export const organisationSubscriptionsQuery = (organisationId: string, first = 100): Operation => ({
  query: `query Subscriptions($id: ID!, $first: Int) {
    organisation(id: $id) {
      slug kind
      subscriptions(first: $first) {
        pageInfo { hasNextPage }
        nodes {
          id active negotiatedPrice startedAt endedAt
          unitPrice { amount currency }
          offering { code }
          organisation { slug }
        }
      }
    }
  }`,
  variables: { id: organisationId, first },
});
