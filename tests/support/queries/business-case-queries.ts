import type { Operation } from '../test-app.ts';

// Query factories for business cases and their benefits realisation.

const MONEY = 'amount currency';

/** Everything the tests read of a business case. */
export const CASE_FIELDS = `
  id title termYears firstFiscalYear
  workstreams { name savingsLow { amount } savingsHigh { amount } }
  lines { id name kind recurrence cashable note total { amount } termAmount { amount } profile { yearNumber amount { amount } } }
  figures {
    grossRecurringSavings { ${MONEY} } recurringInvestment { amount } netRecurringSavings { amount } oneOffInvestment { amount }
    savingsLow { amount } savingsHigh { amount }
    years { yearNumber fiscalYear cashableSavings { amount } nonCashableBenefits { amount } recurringInvestment { amount } oneOffInvestment { amount } net { amount } cumulativeNet { amount } }
    payback { status months exactMonths }
    returnOverTerm { years cashableSavings { amount } nonCashableBenefits { amount } investment { amount } netReturn { amount } }
  }
  statedFigures { label measure yearNumber comparator quote lineNames stated { amount } computed { amount } difference { amount } statedMonths computedMonths monthsDifference consistent }`;

export const businessCaseQuery = (id: string): Operation => ({
  query: `query Case($id: ID!) { node(id: $id) { ... on BusinessCase { ${CASE_FIELDS} } } }`,
  variables: { id },
});

export const businessCaseReturnOverQuery = (id: string, years: number): Operation => ({
  query: `query R($id: ID!, $years: Int!) { node(id: $id) { ... on BusinessCase { returnOver(years: $years) { netReturn { amount } } } } }`,
  variables: { id, years },
});

/** `node` asking for nothing but the id: null unless the caller may read the object. */
export const nodeIdQuery = (id: string): Operation => ({
  query: `query L($id: ID!) { node(id: $id) { id } }`,
  variables: { id },
});

export const organisationBusinessCaseIdsQuery = (organisationId: string): Operation => ({
  query: `query O($id: ID!) { organisation(id: $id) { businessCases { nodes { id } } } }`,
  variables: { id: organisationId },
});

export const organisationBusinessCaseTitlesQuery = (organisationId: string): Operation => ({
  query: `query O($id: ID!) { organisation(id: $id) { businessCases(first: 10) { nodes { title } } } }`,
  variables: { id: organisationId },
});

/** A page of an organisation's cases with every figure and each line's linked opportunities. */
export const organisationBusinessCasesWithLinksQuery = (organisationId: string): Operation => ({
  query: `query O($id: ID!) { organisation(id: $id) { businessCases(first: 20) { nodes { ${CASE_FIELDS} lines { savingsOpportunityLinks { savingsOpportunity { title } } } } } } }`,
  variables: { id: organisationId },
});

export const createBusinessCaseMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation C($input: CreateBusinessCaseInput!) {
    createBusinessCase(input: $input) {
      __typename
      ... on BusinessCasePayload { replayed businessCase { id title lines { id name } figures { netRecurringSavings { amount } payback { months } } } }
      ... on Error { message }
      ... on ValidationError { field }
    }
  }`,
  variables: { input },
});

export const benefitsRealisationQuery = (businessCaseId: string, asOf?: string): Operation => ({
  query: `query B($id: ID!, $asOf: DateTime) {
    benefitsRealisation(businessCaseId: $id, asOf: $asOf) {
      years { yearNumber fiscalYear planned { amount } deliveredActual { amount } deliveredEstimated { amount } delivered { amount } variance { amount } }
      lines { name savingsOpportunityIds years { fiscalYear planned { amount } delivered { amount } } }
    }
  }`,
  variables: { id: businessCaseId, ...(asOf ? { asOf } : {}) },
});

export const linkLineToSavingsOpportunityMutation = (lineId: string, savingsOpportunityId: string): Operation => ({
  query: `mutation L($input: LinkBusinessCaseLineToSavingsOpportunityInput!) {
    linkBusinessCaseLineToSavingsOpportunity(input: $input) {
      __typename
      ... on BusinessCaseLinePayload { replayed line { name savingsOpportunityLinks { linkedBy savingsOpportunity { id title } } } }
      ... on Error { message }
    }
  }`,
  variables: { input: { lineId, savingsOpportunityId } },
});
