import type { Operation } from '../test-app.ts';

// Query factories for reading an organisation's billing lists (billing-operation-queries.ts has the
// billing mutations and the reconciliation).

export const affordabilityChargeIdsQuery = (organisationId: string): Operation => ({
  query: 'query($id: ID!) { organisation(id: $id) { id affordabilityCharges(first: 5) { nodes { id } } } }',
  variables: { id: organisationId },
});

/** The same, without the organisation's own id (so a refusal leaves nothing in `data`). */
export const affordabilityChargeIdsOnlyQuery = (organisationId: string): Operation => ({
  query: 'query($id: ID!) { organisation(id: $id) { affordabilityCharges(first: 5) { nodes { id } } } }',
  variables: { id: organisationId },
});

/** The ledger's entries for a fiscal year, as recorded at `asOf` when given. */
export const savingsLedgerQuery = (organisationId: string, fiscalYear: string, asOf?: string): Operation => ({
  query: `query($id: ID!, $fiscalYear: String, $asOf: DateTime) { organisation(id: $id) {
            savingsLedger(first: 100, fiscalYear: $fiscalYear, asOf: $asOf) { nodes { kind amount { amount } } } } }`,
  variables: { id: organisationId, fiscalYear, ...(asOf ? { asOf } : {}) },
});

/** Opportunities with their ledger entries, charges with instalments, and reductions: every billing list at once. */
export const billingListsQuery = (organisationId: string): Operation => ({
  query: `query($id: ID!) { organisation(id: $id) {
    savingsOpportunities(first: 20) { nodes { id title status ledgerEntries(first: 5) { nodes { id kind amount { amount } } } } }
    affordabilityCharges(first: 5) { nodes { id netCharge { amount } instalments { amount { amount } } } }
    reductionRequests(first: 5) { nodes { id amount { amount } } }
  } }`,
  variables: { id: organisationId },
});
