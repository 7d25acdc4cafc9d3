import { defineErrorCodes } from '@ssp/core';

/** The codes of the billing domain: charges, reductions, opportunities, the savings ledger. */
export const BILLING_ERRORS = defineErrorCodes('billing', {
  SERVING_PARTNERSHIP_ONLY: {
    kind: 'FORBIDDEN',
    description:
      'Done by the partnership serving the organisation (with the finance role), not by the organisation itself.',
  },
  CUSTOMER_DECISION_ONLY: {
    kind: 'FORBIDDEN',
    description: "The organisation's own decision: act for it with the finance role.",
  },
  REDUCTION_EXCEEDS_CHARGE: {
    kind: 'VALIDATION',
    description: "With this reduction, a year's reductions would come to more than that year's affordability charge.",
  },
  OPPORTUNITY_ALREADY_DECIDED: {
    kind: 'CONFLICT',
    description:
      'The savings opportunity is not in the state this decision starts from (e.g. it was already accepted or rejected).',
  },
  OPPORTUNITY_NOT_ACCEPTED: {
    kind: 'CONFLICT',
    description: 'Savings are recorded only against an accepted or delivered opportunity.',
  },
  LEDGER_ENTRY_ALREADY_REVERSED: {
    kind: 'CONFLICT',
    description: 'This ledger entry has already been reversed.',
  },
  LEDGER_NOTHING_TO_RESTATE: {
    kind: 'CONFLICT',
    description: 'There is no figure for this year to restate: record an estimate or an actual first.',
  },
  LEDGER_YEAR_SETTLED: {
    kind: 'CONFLICT',
    description: 'The year is settled by an actual: restate it (with a reason) instead of recording another figure.',
  },
});
