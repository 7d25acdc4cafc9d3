import { pgEnum } from 'drizzle-orm/pg-core';

/** The shared taxonomy's families of skill. */
export const supportSkillCategory = pgEnum('support_skill_category', [
  'networks',
  'servers',
  'storage',
  'security',
  'applications',
  'telephony',
  'databases',
  'end_user_computing',
]);

/** Where a request for help between members stands. */
export const helpRequestStatus = pgEnum('help_request_status', ['open', 'filled', 'withdrawn']);

/** Where an offer of a named person stands. */
export const helpLoanStatus = pgEnum('help_loan_status', ['offered', 'accepted', 'declined']);

/** Where a proposed rota swap stands. */
export const rotaSwapStatus = pgEnum('rota_swap_status', ['proposed', 'accepted', 'declined']);

/** What a disaster-recovery item recovers (the document's "hardware, networks and systems"). */
export const recoveryItemCategory = pgEnum('recovery_item_category', ['hardware', 'network', 'system']);

/** How a disaster-recovery test went. */
export const recoveryTestOutcome = pgEnum('recovery_test_outcome', ['passed', 'partial', 'failed']);
