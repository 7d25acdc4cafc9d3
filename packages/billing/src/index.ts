// The billing domain: affordability charges and their instalments, reduction requests, savings
// opportunities, the append-only savings ledger, reconciliation, monthly statements and business
// cases. Importing it registers its GraphQL types and fields on the shared builder.
import './charges/affordability-charge-type.ts';
import './charges/set-affordability-charge-mutation.ts';
import './reductions/reduction-request-type.ts';
import './reductions/request-affordability-reduction-mutation.ts';
import './opportunities/savings-opportunity-type.ts';
import './opportunities/savings-opportunity-mutations.ts';
import './ledger/ledger-entry-type.ts';
import './ledger/record-ledger-entry-mutation.ts';
import './reconciliation/savings-reconciliation-type.ts';
import './statements/monthly-statement-type.ts';
import './statements/record-statement-credit-mutation.ts';

export * from './charges/charge-instalments.ts';
export * from './charges/set-affordability-charge.ts';
export * from './errors/billing-error-codes.ts';
export * from './ledger/ledger-figures.ts';
export * from './ledger/record-ledger-entry.ts';
export * from './opportunities/decide-savings-opportunity.ts';
export * from './opportunities/propose-savings-opportunity.ts';
export * from './reconciliation/reconciliation-csv.ts';
export * from './reconciliation/savings-reconciliation.ts';
export * from './reductions/request-affordability-reduction.ts';
export * from './statements/monthly-statement.ts';
export * from './statements/record-statement-credit.ts';
export * from './statements/statement-month.ts';

// Business cases and benefits realisation (issue 5, point 7).
import './business-cases/business-case-type.ts';
import './business-cases/business-case-mutations.ts';
import './business-cases/benefits-realisation-type.ts';

export * from './business-cases/benefits-realisation.ts';
export * from './business-cases/business-case-figures.ts';
export * from './business-cases/create-business-case.ts';
