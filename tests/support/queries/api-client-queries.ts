import type { Operation } from '../test-app.ts';

// Query factories for an organisation's machine (API) clients.

export const createApiClientMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation C($input: CreateApiClientInput!) { createApiClient(input: $input) { __typename
    ... on ApiClientSecretPayload { clientSecret apiClient { id clientId name roles revokedAt } }
    ... on Error { message } ... on ValidationError { field } } }`,
  variables: { input },
});

export const rotateApiClientSecretMutation = (apiClientId: string, gracePeriodHours: number): Operation => ({
  query: `mutation R($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { __typename
    ... on ApiClientSecretPayload { clientSecret apiClient { previousSecretValidUntil } } ... on Error { message } } }`,
  variables: { input: { apiClientId, gracePeriodHours } },
});

export const revokeApiClientMutation = (apiClientId: string): Operation => ({
  query: `mutation V($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { __typename
    ... on ApiClientPayload { apiClient { revokedAt } } ... on Error { message } } }`,
  variables: { input: { apiClientId } },
});
