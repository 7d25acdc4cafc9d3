import type { Operation } from '../test-app.ts';

// Query factories for the catalogue's administration (offerings, prices, SLA versions) and what
// customers then read of it.

/** A catalogue-admin mutation by name, its typed errors and the payload `selection`. */
export const catalogueAdminMutation = (
  field: string,
  inputType: string,
  input: unknown,
  selection: string,
): Operation => ({
  query: `mutation M($input: ${inputType}!) { ${field}(input: $input) {
        __typename ... on Error { code message } ... on ValidationError { field } ${selection} } }`,
  variables: { input },
});

/** `publishSlaDefinition`, answering the version it made. */
export const publishSlaVersionMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation P($input: PublishSlaDefinitionInput!) { publishSlaDefinition(input: $input) {
          ... on SlaDefinitionPayload { slaDefinition { version } } ... on Error { code message } } }`,
  variables: { input },
});

export const cataloguePricesQuery = (): Operation => ({
  query: '{ serviceCatalogue(first: 100) { nodes { code unitPrice { amount } } } }',
});

/** The price each of an organisation's subscriptions was taken at. */
export const subscriptionPricesQuery = (organisationId: string): Operation => ({
  query: `query S($id: ID!) { organisation: node(id: $id) { ... on Organisation {
            subscriptions(first: 100) { nodes { offering { code } unitPrice { amount } } } } } }`,
  variables: { id: organisationId },
});

export const offeringSlaVersionsQuery = (offeringId: string): Operation => ({
  query: `query O($id: ID!) { node(id: $id) { ... on ServiceOffering { slaDefinitions { version } } } }`,
  variables: { id: offeringId },
});

/** A request's fulfilment clock at `asOf`, with every figure and the SLA version it runs on. */
export const fulfilmentClockQuery = (requestId: string, asOf: string): Operation => ({
  query: `query C($id: ID!, $asOf: DateTime) { node(id: $id) { ... on ServiceRequest {
        slaDefinition { version }
        fulfilmentSla(asOf: $asOf) { dueAt elapsedWorkingSeconds secondsRemaining pausedSeconds targetSeconds
          slaVersion workingDayConvention calendarVersion } } } }`,
  variables: { id: requestId, asOf },
});
