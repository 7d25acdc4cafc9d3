import type { Operation } from '../test-app.ts';

/**
 * `setAffordabilityCharge` answering the charge with its organisation and that organisation's
 * charges (a list under the payload's object, as long as the years charged so far).
 */
export const setChargeWithOrganisationChargesMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Set($input: SetAffordabilityChargeInput!) {
    setAffordabilityCharge(input: $input) {
      __typename
      ... on SetAffordabilityChargePayload { affordabilityCharge { id fiscalYear netCharge { amount }
        organisation { slug affordabilityCharges(first: 50) { nodes { fiscalYear annualCharge { amount }
          instalments { dueMonth amount { amount } } } } } } }
      ... on Error { message code }
    }
  }`,
  variables: { input },
});
