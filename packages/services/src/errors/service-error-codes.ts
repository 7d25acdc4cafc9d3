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
});
