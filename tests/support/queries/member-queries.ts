import type { Operation } from '../test-app.ts';

// Query factories for an organisation's members: invitations, roles and removal.

export const inviteMemberMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { __typename
    ... on MembershipPayload { membership { id status roles displayName } }
    ... on Error { message } ... on ValidationError { field } } }`,
  variables: { input },
});

export const changeMemberRolesMutation = (membershipId: string, roles: string[]): Operation => ({
  query: `mutation C($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { __typename
    ... on MembershipPayload { membership { roles } } ... on Error { message } } }`,
  variables: { input: { membershipId, roles } },
});

export const removeMemberMutation = (membershipId: string): Operation => ({
  query: `mutation R($input: RemoveMemberInput!) { removeMember(input: $input) { __typename
    ... on MembershipPayload { membership { status } } ... on Error { message } } }`,
  variables: { input: { membershipId } },
});

/** The subjects of an organisation's first ten members. */
export const memberSubjectsQuery = (organisationId: string): Operation => ({
  query: 'query M($id: ID!) { organisation(id: $id) { members(first: 10) { nodes { subject } } } }',
  variables: { id: organisationId },
});
