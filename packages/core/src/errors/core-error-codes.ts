import { defineErrorCodes } from './error-code.ts';

/** The kernel's codes: failures any domain can give (ids, keys, money, dates, roles, races). */
export const CORE_ERRORS = defineErrorCodes('core', {
  UNAUTHENTICATED: {
    kind: 'UNAUTHENTICATED',
    description:
      'No bearer token was sent (top-level error only). Send `Authorization: Bearer <token>`; get one from `POST /oauth/token` (client credentials).',
  },
  INVALID_INPUT: {
    kind: 'VALIDATION',
    description: 'A value is missing, out of range or badly formed; `field` names it.',
  },
  INVALID_ID: {
    kind: 'VALIDATION',
    description: 'Not a global id this API issued (ids are opaque: pass them back as you received them).',
  },
  WRONG_ID_TYPE: {
    kind: 'VALIDATION',
    description:
      'A valid global id, but of another type than the argument takes (e.g. an Organisation id as an offering id).',
  },
  IDEMPOTENCY_KEY_INVALID: {
    kind: 'VALIDATION',
    description: 'The idempotency key is not 8 to 200 characters.',
  },
  INVALID_MONEY: {
    kind: 'VALIDATION',
    description: 'An amount is not a decimal string in range (e.g. "1250.00"), or its currency is not supported.',
  },
  INVALID_FISCAL_YEAR: {
    kind: 'VALIDATION',
    description: 'A fiscal year is not written YYYY/YY with consecutive years (e.g. "2017/18"), or is out of range.',
  },
  INVALID_DATE: {
    kind: 'VALIDATION',
    description: 'A date or month is not an ISO date (YYYY-MM-DD, or YYYY-MM for a month), or is out of range.',
  },
  PERIOD_ENDS_BEFORE_START: {
    kind: 'VALIDATION',
    description: 'A period ends before it starts; `field` names its end.',
  },
  INVALID_TRANSITION: {
    kind: 'VALIDATION',
    description: 'The object is in a state this change cannot start from (e.g. a closed request cannot be assigned).',
  },
  NOT_FOUND: {
    kind: 'NOT_FOUND',
    description: 'Nothing you may see has this id: it does not exist or is not yours (deliberately the same answer).',
  },
  ROLE_REQUIRED: {
    kind: 'FORBIDDEN',
    description: 'Your roles in the organisation you act for do not allow this; the message names the roles that do.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'CONFLICT',
    description: 'This idempotency key was already used with different input. Use a new key for a new operation.',
  },
  CHANGED_MEANWHILE: {
    kind: 'CONFLICT',
    description: 'The object changed while this ran (another caller got there first). Read it again and retry.',
  },
});
