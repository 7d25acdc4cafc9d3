import type { MatrixContext, MatrixSubjects, MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { keyOf, organisationIdOf, outcomes, setUp } from './matrix-operations.ts';

// The tenants domain (and the kernel's node fields): who may manage an organisation's members,
// API clients, lifecycle and delegations, and read organisations. Lancashire is delegated to
// BT Lancashire Services by the seed data; Liverpool has nothing to do with either.

export const TENANTS_SUBJECTS: MatrixSubjects = {
  subject: 'lancashire-county-council',
  outsider: 'liverpool-city-council',
  delegatedTo: 'bt-lancashire-services',
};

/** An organisation beneath the subject, suspended and reinstated (suspending the subject would lock its callers out). */
const LIFECYCLE_SUBJECT = 'south-ribble-borough-council';

const ISSUER = 'https://login.lancashire.example/';

/** A fresh invited member of the subject, made by its tenant admin. */
async function invitedMember(context: MatrixContext, unique: string): Promise<string> {
  const admin = await context.token(context.subjects.subject, ['tenant_admin']);
  const payload = await setUp<{ membership: { id: string } }>(
    context,
    {
      query: `mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) {
        __typename ... on MembershipPayload { membership { id } } } }`,
      variables: {
        input: { displayName: 'Matrix Member', issuer: ISSUER, subject: keyOf('member', unique), roles: ['REQUESTER'] },
      },
    },
    admin,
  );
  return payload.membership.id;
}

/** A fresh API client of the subject, made by its tenant admin. */
async function apiClient(context: MatrixContext, unique: string): Promise<string> {
  const admin = await context.token(context.subjects.subject, ['tenant_admin']);
  const payload = await setUp<{ apiClient: { id: string } }>(
    context,
    {
      query: `mutation Create($input: CreateApiClientInput!) { createApiClient(input: $input) {
        __typename ... on ApiClientSecretPayload { apiClient { id } } } }`,
      variables: { input: { name: keyOf('client', unique), roles: ['REQUESTER'] } },
    },
    admin,
  );
  return payload.apiClient.id;
}

/** Members and clients are managed by the tenant admins of the organisation or of a partnership it is delegated to. */
const TENANT_ADMINS = outcomes(['tenant_admin', 'platform_admin', 'delegated_admin'], { outsider: 'NOT_FOUND' });

export const TENANTS_MATRIX: MatrixTable = {
  inviteMember: {
    operation: (context, caller) =>
      mutationOf('inviteMember', {
        organisationId: organisationIdOf(context),
        displayName: 'Matrix Invitee',
        issuer: ISSUER,
        subject: keyOf('invitee', caller.unique),
        roles: ['REQUESTER'],
      }),
    outcomes: TENANT_ADMINS,
  },
  changeMemberRoles: {
    operation: async (context, caller) =>
      mutationOf('changeMemberRoles', {
        membershipId: await invitedMember(context, caller.unique),
        roles: ['REQUESTER', 'FINANCE'],
      }),
    outcomes: TENANT_ADMINS,
  },
  removeMember: {
    operation: async (context, caller) =>
      mutationOf('removeMember', { membershipId: await invitedMember(context, caller.unique) }),
    outcomes: TENANT_ADMINS,
  },
  createApiClient: {
    operation: (context, caller) =>
      mutationOf('createApiClient', {
        organisationId: organisationIdOf(context),
        name: keyOf('matrix client', caller.unique),
        roles: ['REQUESTER'],
      }),
    outcomes: TENANT_ADMINS,
  },
  rotateApiClientSecret: {
    operation: async (context, caller) =>
      mutationOf('rotateApiClientSecret', {
        apiClientId: await apiClient(context, caller.unique),
        gracePeriodHours: 1,
      }),
    outcomes: TENANT_ADMINS,
  },
  revokeApiClient: {
    operation: async (context, caller) =>
      mutationOf('revokeApiClient', { apiClientId: await apiClient(context, caller.unique) }),
    outcomes: TENANT_ADMINS,
  },
  changeOrganisationLifecycle: {
    operation: (context) =>
      mutationOf('changeOrganisationLifecycle', {
        organisationId: organisationIdOf(context, LIFECYCLE_SUBJECT),
        action: 'SUSPEND',
        reason: 'The caller matrix suspends an organisation',
      }),
    undo: async (context) => {
      await setUp(
        context,
        mutationOf('changeOrganisationLifecycle', {
          organisationId: organisationIdOf(context, LIFECYCLE_SUBJECT),
          action: 'REINSTATE',
          reason: 'The caller matrix reinstates it',
        }),
        await context.token('shared-services-platform', ['platform_admin']),
      );
    },
    // The schema's rule lets platform admins alone through.
    outcomes: outcomes(['platform_admin'], {
      outsider: 'ROLE_REQUIRED',
      delegated_admin: 'ROLE_REQUIRED',
      delegated_agent: 'ROLE_REQUIRED',
    }),
  },
  grantDelegation: {
    operation: (context) =>
      mutationOf('grantDelegation', {
        granteeOrganisationId: organisationIdOf(context),
        delegatedOrganisationId: organisationIdOf(context, 'west-lancashire-borough-council'),
        reason: 'The county runs payroll administration for West Lancashire',
      }),
    outcomes: outcomes(['platform_admin'], {
      outsider: 'ROLE_REQUIRED',
      delegated_admin: 'ROLE_REQUIRED',
      delegated_agent: 'ROLE_REQUIRED',
    }),
  },
  organisation: {
    operation: (context) => ({
      query: 'query Matrix($id: ID!) { organisation(id: $id) { id slug } }',
      variables: { id: organisationIdOf(context) },
    }),
    // An organisation the caller may not see is null, as if it did not exist.
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'null',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  organisations: {
    operation: () => ({ query: '{ organisations(first: 5) { nodes { id } } }' }),
    // Every caller lists what it may see (isolation itself: tests/tenant-isolation.test.ts).
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'ok',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  viewer: {
    operation: () => ({ query: '{ viewer { subject } }' }),
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'ok',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
      // Anonymous callers have no viewer; the field says so with null rather than an error.
      anonymous: 'null',
    }),
  },
  node: {
    operation: (context) => ({
      query: 'query Matrix($id: ID!) { node(id: $id) { id } }',
      variables: { id: organisationIdOf(context) },
    }),
    // What `organisation(id)` answers, through the same rule (tests/node-authorization.test.ts
    // checks every Node type).
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'null',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
      anonymous: 'null',
    }),
  },
  nodes: {
    operation: (context) => ({
      query: 'query Matrix($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: [organisationIdOf(context)] },
    }),
    // A list with null in place of what the caller may not see (`null`: every place is null).
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'null',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
      anonymous: 'null',
    }),
  },
};
