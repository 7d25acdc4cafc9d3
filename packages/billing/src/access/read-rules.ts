import { readRule } from '@ssp/core';

/**
 * An organisation's money: its finance people and tenant admins (and those of a partnership it is
 * delegated to), and platform admins. Requesters and service agents see no money.
 */
const BILLING_READERS = readRule({ roles: ['finance', 'tenant_admin'], platformAdmins: true });

// Who may read the billing domain's types: its rows of the one roles x types matrix.
export const BILLING_READ_RULES = {
  AffordabilityCharge: BILLING_READERS,
  ReductionRequest: BILLING_READERS,
  SavingsOpportunity: BILLING_READERS,
  SavingsLedgerEntry: BILLING_READERS,
  BusinessCase: BILLING_READERS,
  BusinessCaseLine: BILLING_READERS,
};
