import { defineErrorCodes } from '@ssp/core';

/** The codes of the services domain: catalogue, subscriptions, requests, onboarding. */
export const SERVICE_ERRORS = defineErrorCodes('services', {
  NOT_SUBSCRIBED: {
    kind: 'VALIDATION',
    description:
      'The organisation has no active subscription to this offering, so it cannot raise a request against it.',
  },
  OFFERING_NOT_OFFERED_TO_KIND: {
    kind: 'VALIDATION',
    description: 'The catalogue does not offer this offering to this kind of organisation.',
  },
  NOT_REQUESTING_ORGANISATION: {
    kind: 'FORBIDDEN',
    description: 'Only the organisation that raised a request may do this (e.g. rate it).',
  },
  FISCAL_YEAR_NOT_BEGUN: {
    kind: 'VALIDATION',
    description: 'The fiscal year asked for has not begun, so there is nothing to report yet (not a year of NO_DATA).',
  },
  REQUEST_ALREADY_RATED: {
    kind: 'CONFLICT',
    description: 'This request has already been rated; a rating is given once.',
  },
  OFFERING_NOT_FOUND: {
    kind: 'NOT_FOUND',
    description: 'No catalogue offering has this id.',
  },
  OFFERING_CODE_TAKEN: {
    kind: 'CONFLICT',
    description: 'Another offering already has this code (codes are unique across the catalogue).',
  },
  INVALID_SLA_TARGET: {
    kind: 'VALIDATION',
    description:
      'An SLA target is out of range: a whole number from 1 (0 for same-day working-day targets), working days at most 250, working hours at most 2,000, elapsed minutes at most 525,600.',
  },
  SLA_PRIORITY_NOT_INCIDENT: {
    kind: 'VALIDATION',
    description: 'Only an incident offering has SLA definitions per priority.',
  },
  SLA_EFFECTIVE_FROM_IN_PAST: {
    kind: 'VALIDATION',
    description:
      'A new SLA version takes effect now or later, never earlier: requests already raised keep the version they pinned, and a back-dated version would claim time already lived under another.',
  },
  SLA_VERSION_OUT_OF_ORDER: {
    kind: 'CONFLICT',
    description:
      'A version for this offering and priority already takes effect at or after this time: versions take effect in the order they are published.',
  },
  CALENDAR_DOCUMENT_INVALID: {
    kind: 'VALIDATION',
    description:
      'The bank-holidays document is not in the GOV.UK format (https://www.gov.uk/bank-holidays.json), or lists a date twice or outside 2014 to 2030; the message lists every problem and nothing was written.',
  },
  BANK_HOLIDAY_EXISTS: {
    kind: 'CONFLICT',
    description: 'The nation already has a bank holiday, under another name, on this date.',
  },
  BANK_HOLIDAY_NOT_A_WEEKDAY: {
    kind: 'VALIDATION',
    description:
      'A bank holiday falls on a weekday (a weekend is never a working day, so one there would change nothing).',
  },
  CALENDAR_DATE_OUT_OF_RANGE: {
    kind: 'VALIDATION',
    description: 'The calendars cover 2014 to 2030 (the working-days table and the SLA clocks stop there).',
  },
});
