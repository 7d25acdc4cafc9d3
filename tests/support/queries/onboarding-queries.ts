import type { Operation } from '../test-app.ts';

// Query factories for onboarding customers: one at a time, or a batch from a file.

export const onboardOrganisationMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation O($input: OnboardOrganisationInput!) { onboardOrganisation(input: $input) { __typename
    ... on OnboardOrganisationPayload { replayed apiClientId apiClientSecret
      organisation { id name lifecycleStatus parent { slug } subscriptions(first: 10) { nodes { negotiatedPrice unitPrice { amount } offering { code } } } } }
    ... on Error { message } ... on ValidationError { field } } }`,
  variables: { input },
});

export const bulkOnboardMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation B($input: BulkOnboardOrganisationsInput!) { bulkOnboardOrganisations(input: $input) { __typename
    ... on BulkOnboardOrganisationsPayload { created alreadyExisted errors written rows { row outcome field reason } }
    ... on Error { message } } }`,
  variables: { input },
});

/** `bulkOnboardOrganisations` with each row's new organisation id and the error codes. */
export const bulkOnboardWithIdsMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation B($input: BulkOnboardOrganisationsInput!) { bulkOnboardOrganisations(input: $input) { __typename
    ... on BulkOnboardOrganisationsPayload { created alreadyExisted errors written rows { row outcome organisationId field reason } }
    ... on Error { message code } } }`,
  variables: { input },
});

/** `onboardOrganisation` answering only the new organisation's name and parent. */
export const onboardOrganisationNameMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation O($input: OnboardOrganisationInput!) { onboardOrganisation(input: $input) { __typename
          ... on OnboardOrganisationPayload { organisation { name parent { slug } } } ... on Error { message } } }`,
  variables: { input },
});
