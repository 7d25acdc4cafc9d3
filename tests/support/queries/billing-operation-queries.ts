import type { Operation } from '../test-app.ts';

// Query factories for billing's operations: charges, reductions, savings opportunities, the
// ledger, credits, the reconciliation and the monthly statement.

const ERROR_FIELDS = `... on Error { message code } ... on ValidationError { field }`;
const MONEY = `{ amount currency }`;

export const setChargeMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Set($input: SetAffordabilityChargeInput!) {
    setAffordabilityCharge(input: $input) {
      __typename
      ... on SetAffordabilityChargePayload { affordabilityCharge { id fiscalYear contractSchedule paymentProfile
        annualCharge ${MONEY} reductionInForce ${MONEY} netCharge ${MONEY} instalments { dueMonth amount ${MONEY} } } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});

export const requestReductionMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Reduce($input: RequestAffordabilityReductionInput!) {
    requestAffordabilityReduction(input: $input) {
      __typename
      ... on RequestAffordabilityReductionPayload { replayed reductionRequest { id fromFiscalYear amount ${MONEY} mustBeCoveredBySavings } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});

export const proposeMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Propose($input: ProposeSavingsOpportunityInput!) {
    proposeSavingsOpportunity(input: $input) {
      __typename
      ... on SavingsOpportunityPayload { replayed savingsOpportunity { id title status category countsAgainst budgetName } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});

export const decideMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Decide($input: DecideSavingsOpportunityInput!) {
    decideSavingsOpportunity(input: $input) {
      __typename
      ... on SavingsOpportunityPayload { savingsOpportunity { id status decisionReason decidedBy } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});

export const recordEntryMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Record($input: RecordSavingsLedgerEntryInput!) {
    recordSavingsLedgerEntry(input: $input) {
      __typename
      ... on RecordSavingsLedgerEntryPayload { replayed savingsLedgerEntry { id kind fiscalYear basis reason recordedBy amount ${MONEY} reverses { id } } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});

export const reconciliationQuery = (variables: {
  organisationId: string;
  fiscalYear: string;
  asOf?: string;
}): Operation => ({
  query: `query Reconcile($organisationId: ID!, $fiscalYear: String!, $asOf: DateTime) {
    savingsReconciliation(organisationId: $organisationId, fiscalYear: $fiscalYear, asOf: $asOf) {
      __typename
      ... on SavingsReconciliation {
        fiscalYear
        reductionRequested ${MONEY}
        reductions { fromFiscalYear amount ${MONEY} }
        lines { title category countsAgainst budgetName basis amount ${MONEY} }
        savingsAgainstCharge { actual ${MONEY} estimated ${MONEY} total ${MONEY} }
        savingsAgainstOtherBudgets { actual ${MONEY} estimated ${MONEY} total ${MONEY} }
        otherBudgets { budgetName total ${MONEY} }
        allSavings { actual ${MONEY} estimated ${MONEY} total ${MONEY} }
        balance ${MONEY}
        shortfall ${MONEY}
        surplus ${MONEY}
        coverageRatio
        categories { category total ${MONEY} againstCharge ${MONEY} }
        rejectedOpportunities { title category reason }
        csv
      }
    }
  }`,
  variables,
});

export const statementQuery = (variables: { organisationId: string; month: string }): Operation => ({
  query: `query Statement($organisationId: ID!, $month: String!) {
    monthlyStatement(organisationId: $organisationId, month: $month) {
      __typename
      ... on MonthlyStatement {
        month
        instalment { contractSchedule paymentProfile annualCharge ${MONEY} reductionInForce ${MONEY} netCharge ${MONEY} amount ${MONEY} }
        usage { offeringName quantity unitPrice ${MONEY} amount ${MONEY} }
        credits { amount ${MONEY} reason }
        usageTotal ${MONEY}
        creditsTotal ${MONEY}
        amountDue ${MONEY}
      }
    }
  }`,
  variables,
});

export const creditMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Credit($input: RecordStatementCreditInput!) {
    recordStatementCredit(input: $input) {
      __typename
      ... on RecordStatementCreditPayload { replayed credit { id amount ${MONEY} reason } }
      ${ERROR_FIELDS}
    }
  }`,
  variables: { input },
});
