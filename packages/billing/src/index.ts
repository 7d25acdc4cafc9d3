// The billing domain: affordability charges, reductions, savings opportunities and the savings
// ledger, reconciliation, usage charges, statements and business cases. Its tables and GraphQL
// types arrive with issue #5; the package exists now so the dependency order is fixed.
export {};
