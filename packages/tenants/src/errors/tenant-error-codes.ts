import { defineErrorCodes } from '@ssp/core';

/** The codes of the tenants domain: organisations, delegations, members, API clients. */
export const TENANT_ERRORS = defineErrorCodes('tenants', {
  ORGANISATION_IDENTIFIER_TAKEN: {
    kind: 'CONFLICT',
    description: 'An organisation with this official identifier (GSS code, URN, ODS code) is already registered.',
  },
  DELEGATION_OUTSIDE_HIERARCHY: {
    kind: 'VALIDATION',
    description:
      'Delegation runs down the hierarchy: the delegated organisation must be beneath the grantee, and not the grantee itself.',
  },
  DELEGATION_EXISTS: {
    kind: 'CONFLICT',
    description: 'This delegation already exists.',
  },
  ROLE_NOT_GRANTABLE: {
    kind: 'VALIDATION',
    description: 'A role that cannot be given here: platform admin, except to people of the platform operator.',
  },
  ALREADY_A_MEMBER: {
    kind: 'CONFLICT',
    description: 'This person is already a member of the organisation.',
  },
  MEMBER_REMOVED: {
    kind: 'CONFLICT',
    description: 'The member has been removed; a removed membership does not change again.',
  },
  API_CLIENT_REVOKED: {
    kind: 'CONFLICT',
    description: 'The API client is revoked; it cannot be given a new secret or revoked again.',
  },
});
