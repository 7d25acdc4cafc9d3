import { pgEnum } from 'drizzle-orm/pg-core';

/** How the annual affordability charge is paid: 12 monthly or 4 quarterly instalments. */
export const paymentProfile = pgEnum('payment_profile', ['monthly', 'quarterly']);

/** What kind of saving an opportunity is (the Lancashire savings table's headings). */
export const savingsCategory = pgEnum('savings_category', [
  'return_of_affordability',
  'licence_reduction',
  'site_reduction',
  'printing',
  'telephony',
  'staffing',
  'policy_change',
  'supplier_change',
  'other',
]);

/** Whether a saving repeats every year or happens once. */
export const savingsRecurrence = pgEnum('savings_recurrence', ['recurring', 'one_off']);

/**
 * What a saving is counted against: the customer's affordability charge (it covers a reduction),
 * or another budget of the customer's (shown apart; it covers no reduction).
 */
export const savingsTarget = pgEnum('savings_target', ['affordability_charge', 'other_budget']);

/** Where an opportunity is: proposed by the partnership, then accepted or rejected by the customer. */
export const savingsOpportunityStatus = pgEnum('savings_opportunity_status', [
  'proposed',
  'accepted',
  'rejected',
  'delivered',
]);

/**
 * A ledger entry's kind. An estimate is pending until an actual settles the year; a restatement
 * replaces the current figure (with a reason); a reversal withdraws one earlier entry.
 */
export const ledgerEntryKind = pgEnum('ledger_entry_kind', ['estimate', 'actual', 'restatement', 'reversal']);

/** Whether a figure is estimated (pending) or actual (settled when the accounts closed). */
export const ledgerBasis = pgEnum('ledger_basis', ['estimated', 'actual']);
