import { defineErrorCodes } from '@ssp/core';

/** The codes of shared support: directory, help between members, rota, recovery plans, sharing. */
export const SHARED_SUPPORT_ERRORS = defineErrorCodes('shared-support', {
  MEMBERS_ONLY: {
    kind: 'FORBIDDEN',
    description: 'Shared support is used by the members themselves: a platform admin cannot act in their place.',
  },
  PARTNERSHIP_ADMIN_REQUIRED: {
    kind: 'FORBIDDEN',
    description: 'Only the tenant admins of a partnership run its shared support.',
  },
  HELP_REQUEST_NOT_OPEN: {
    kind: 'CONFLICT',
    description: 'The request for help is no longer open (withdrawn or filled).',
  },
  HELP_OFFER_ALREADY_DECIDED: {
    kind: 'CONFLICT',
    description: 'The offer of help was already accepted, declined or withdrawn.',
  },
  HELP_OFFER_NOT_ACCEPTED: {
    kind: 'CONFLICT',
    description: 'Time given is recorded only against an accepted offer.',
  },
  SWAP_ALREADY_DECIDED: {
    kind: 'CONFLICT',
    description: 'The rota swap was already accepted, declined or withdrawn.',
  },
  ROTA_SHIFT_CLASH: {
    kind: 'VALIDATION',
    description: 'The person already holds a shift that overlaps this one (`field` names the time or person at fault).',
  },
  ROTA_SHIFT_IN_WORKING_HOURS: {
    kind: 'VALIDATION',
    description:
      'A shift covers out-of-hours time only: at some moment in it every member is in its working hours (the message says when).',
  },
  HELP_LOAN_OUTSIDE_REQUEST: {
    kind: 'VALIDATION',
    description: 'A loan must fit inside the period the request for help asked for (the message gives the period).',
  },
  RECOVERY_PLAN_EXISTS: {
    kind: 'CONFLICT',
    description: 'Your organisation already has a recovery plan adapted from this model.',
  },
});
