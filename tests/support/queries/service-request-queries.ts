import type { Operation } from '../test-app.ts';

// Query factories for service requests: raising, moving, reading their clocks and finding them.

/** `raiseServiceRequest` answering the request with both clocks. */
export const raiseRequestWithClocksMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation R($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) { __typename
        ... on ServiceRequestPayload { replayed serviceRequest { id reference status fulfilmentSla { state dueAt secondsRemaining breached } responseSla { state } } }
        ... on Error { message } } }`,
  variables: { input },
});

/** `raiseServiceRequest` answering only the new request's id. */
export const raiseRequestIdMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation R($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) {
        ... on ServiceRequestPayload { serviceRequest { id } } } }`,
  variables: { input },
});

/** `changeServiceRequestStatus` answering the fulfilment clock with its pauses. */
export const changeStatusShowingPausesMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation M($input: ChangeServiceRequestStatusInput!) { changeServiceRequestStatus(input: $input) {
        ... on ServiceRequestPayload { serviceRequest { fulfilmentSla { state pauses { from to reason } } } } } }`,
  variables: { input },
});

/** The catalogue's first `first` offerings: id and code. */
export const catalogueCodesQuery = (first: number): Operation => ({
  query: `query Catalogue($first: Int) { serviceCatalogue(first: $first) { nodes { id code } } }`,
  variables: { first },
});

export const organisationRequestIdsQuery = (organisationId: string): Operation => ({
  query: `query OrgRequests($id: ID!) { organisation(id: $id) { serviceRequests(first: 5) { nodes { id } } } }`,
  variables: { id: organisationId },
});

/** `nodes` for requests and offerings, each with its title or code. */
export const requestsAndOfferingsNodesQuery = (ids: string[]): Operation => ({
  query: `query Many($ids: [ID!]!) { nodes(ids: $ids) { id ... on ServiceRequest { title } ... on ServiceOffering { code } } }`,
  variables: { ids },
});

/** `nodes` asking for nothing but the ids. */
export const nodeIdsQuery = (ids: string[]): Operation => ({
  query: 'query Many($ids: [ID!]!) { nodes(ids: $ids) { id } }',
  variables: { ids },
});

/** A request's fulfilment clock at `asOf`: its state and working seconds. */
export const fulfilmentStateQuery = (requestId: string, asOf: string | null): Operation => ({
  query: `query C($id: ID!, $asOf: DateTime) { node(id: $id) { ... on ServiceRequest {
            fulfilmentSla(asOf: $asOf) { state elapsedWorkingSeconds secondsRemaining } } } }`,
  variables: { id: requestId, asOf },
});

/** Offerings matching a search, with their price and SLA targets. */
export const catalogueSearchQuery = (search: string): Operation => ({
  query:
    'query Search($filter: ServiceCatalogueFilter) { serviceCatalogue(first: 50, filter: $filter) { nodes { id code unitPrice { amount currency } currentSla { fulfilmentUnit fulfilmentAmount } } } }',
  variables: { filter: { search } },
});

/** A page of five of the caller's requests with their offering. */
export const requestsPageQuery = (): Operation => ({
  query: '{ serviceRequests(first: 5) { nodes { reference status offering { code } } } }',
});

/** The catalogue's first `first` offerings: ids only. */
export const catalogueIdsQuery = (first: number): Operation => ({
  query: `query Catalogue($first: Int) { serviceCatalogue(first: $first) { nodes { id } } }`,
  variables: { first },
});

/** `raiseServiceRequest` answering its type, the request's id and whether it was a replay. */
export const raiseRequestReplayMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Raise($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { replayed serviceRequest { id } } ... on Error { message } } }`,
  variables: { input },
});

/** `raiseServiceRequest` answering its type and the request's id (or an error's message). */
export const raiseRequestOrErrorMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Raise($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { serviceRequest { id } } ... on Error { message } } }`,
  variables: { input },
});

/**
 * `raiseServiceRequest` with its input written into the document as literals (the title's text
 * as it stands in the GraphQL source, escapes included), not sent as variables.
 */
export const raiseRequestInLiteralMutation = (input: {
  offeringId: string;
  titleSource: string;
  idempotencyKey: string;
}): Operation => ({
  query: `mutation { raiseServiceRequest(input: { offeringId: "${input.offeringId}", title: "${input.titleSource}", description: "x", idempotencyKey: "${input.idempotencyKey}" }) { __typename } }`,
});
