import type { Operation } from '../test-app.ts';

// Query factories for help between partnership members: requests, loans, the help statement and
// the programme's benefits.

const ERRORS = '... on Error { message code } ... on ValidationError { field }';

/** What the help tests read of a loan. */
export const LOAN_FIELDS =
  'id status daysOffered daysGiven dayRate { amount } agencyDayRate { amount } value { amount } agencyCostAvoided { amount } person { fullName } lendingMemberName';

export const requestHelpMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation R($input: RequestHelpInput!) { requestHelp(input: $input) { __typename
    ... on HelpRequestPayload { request { id status daysNeeded agencyDayRate { amount currency } requestingMemberName } } ${ERRORS} } }`,
  variables: { input },
});

export const offerHelpMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation O($input: OfferHelpInput!) { offerHelp(input: $input) { __typename ... on HelpLoanPayload { loan { ${LOAN_FIELDS} } } ${ERRORS} } }`,
  variables: { input },
});

/** `acceptHelpOffer`, `declineHelpOffer` or `recordHelpGiven` on one loan; `fields` adds to the selection. */
export const loanMutation = (name: string, input: Record<string, unknown>, fields = ''): Operation => ({
  query: `mutation M($input: ${name === 'recordHelpGiven' ? 'RecordHelpGivenInput' : 'DecideHelpOfferInput'}!) { ${name}(input: $input) { __typename
    ... on HelpLoanPayload { loan { ${LOAN_FIELDS} } } ${ERRORS} ${fields} } }`,
  variables: { input },
});

export const withdrawHelpRequestMutation = (input: { partnershipId: string; requestId: string }): Operation => ({
  query: `mutation W($input: WithdrawHelpRequestInput!) { withdrawHelpRequest(input: $input) { __typename
              ... on HelpRequestPayload { request { status offers { status } } } ${ERRORS} } }`,
  variables: { input },
});

export const updateProgrammeMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation P($input: UpdateSharedSupportProgrammeInput!) { updateSharedSupportProgramme(input: $input) { __typename
        ... on SharedSupportProgrammePayload { startedOn dayRate { amount } } ${ERRORS} } }`,
  variables: { input },
});

export const helpRequestsWithOffersQuery = (partnershipId: string): Operation => ({
  query: `query H($p: ID!) { sharedSupport(partnershipId: $p) { helpRequests(first: 10) { nodes { id status offers { ${LOAN_FIELDS} } } } } }`,
  variables: { p: partnershipId },
});

/** `nodes` for help requests and loans, with each one's status. */
export const helpNodesQuery = (ids: string[]): Operation => ({
  query: `query N($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on HelpRequest { status } ... on HelpLoan { loanStatus: status } } }`,
  variables: { ids },
});

export const helpStatementQuery = (partnershipId: string): Operation => ({
  query: `query S($p: ID!) { sharedSupport(partnershipId: $p) { helpStatement {
              daysGiven daysReceived earned { amount } paid { amount } agencyCostAvoided { amount } netBenefit { amount }
              lines { direction amount { amount } agencyCostAvoided { amount } loan { id } } } } }`,
  variables: { p: partnershipId },
});

export const benefitsQuery = (partnershipId: string): Operation => ({
  query: `query B($p: ID!) { sharedSupport(partnershipId: $p) { benefits {
            programme startedOn forecastYears windowEndsOn grantFrom qualitativeImprovementPercent
            grant { amount } cashableForecast { amount } nonCashableForecast { amount } totalForecast { amount }
            forecastNetReturn { amount } forecastReturnPercent dayRate { amount }
            loans daysGiven loanValue { amount } agencyCostAvoided { amount } cashableDeliveredPercent deliveredNetReturn { amount }
            byFiscalYear { fiscalYear loans daysGiven agencyCostAvoided { amount } } } } }`,
  variables: { p: partnershipId },
});

export const membersAndAgencyCostAvoidedQuery = (partnershipId: string): Operation => ({
  query: `query C($p: ID!) { sharedSupport(partnershipId: $p) { members(first: 50) { nodes { name } } benefits { agencyCostAvoided { amount } } } }`,
  variables: { p: partnershipId },
});
