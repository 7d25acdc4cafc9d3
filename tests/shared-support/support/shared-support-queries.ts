import { organisationGlobalId } from '../../support/queries/organisation-queries.ts';
import type { Operation, TestApp } from '../../support/test-app.ts';

// Small query factories for the shared-support acceptance tests.

export const PARTNERSHIP = 'lincolnshire-public-sector-working-group';
export const NORTH_KESTEVEN = 'north-kesteven-district-council';
export const BOSTON = 'boston-borough-council';
export const SOUTH_HOLLAND = 'south-holland-district-council';
export const POLICE = 'lincolnshire-police';
export const OUTSIDER = 'lancashire-county-council';

const ERROR_FIELDS = `... on Error { message } ... on ValidationError { field }`;

export const sharedFields = (
  shares: Partial<Record<'name' | 'role' | 'skills' | 'contact' | 'availability', boolean>>,
) => ({
  name: true,
  role: true,
  skills: true,
  contact: true,
  availability: true,
  ...shares,
});

export const joinMutation = (partnershipId: string, shares: Record<string, boolean>): Operation => ({
  query: `mutation J($input: JoinSharedSupportInput!) { joinSharedSupport(input: $input) { __typename
    ... on SharingAgreementPayload { agreement { id optedIn shares { name role skills contact availability } } } ${ERROR_FIELDS} } }`,
  variables: { input: { partnershipId, shares } },
});

export const leaveMutation = (partnershipId: string): Operation => ({
  query: `mutation L($input: LeaveSharedSupportInput!) { leaveSharedSupport(input: $input) { __typename
    ... on SharingAgreementPayload { agreement { optedIn } } ${ERROR_FIELDS} } }`,
  variables: { input: { partnershipId } },
});

export interface PersonInput {
  personId?: string;
  idempotencyKey?: string;
  fullName: string;
  roleTitle: string;
  email?: string | null;
  phone?: string | null;
  skills: { skillCode: string; level: number }[];
  unavailability?: { startsOn: string; endsOn: string; reason?: string }[];
}

export const savePersonMutation = (input: PersonInput): Operation => ({
  query: `mutation S($input: SupportPersonInput!) { saveSupportPerson(input: $input) { __typename
    ... on SupportPersonPayload { person { id fullName skills { skillCode level } } } ${ERROR_FIELDS} } }`,
  // Adding needs a key: one per name is enough for these tests.
  variables: { input: input.personId ? input : { idempotencyKey: `add-${input.fullName}`, ...input } },
});

export interface DirectoryArgs {
  skillCode?: string;
  minimumLevel?: number;
  availableFrom?: string;
  availableTo?: string;
  first?: number;
  after?: string;
}

export const directoryQuery = (partnershipId: string, args: DirectoryArgs = {}): Operation => ({
  query: `query D($p: ID!, $skillCode: String, $minimumLevel: Int, $availableFrom: String, $availableTo: String, $first: Int, $after: String) {
    sharedSupport(partnershipId: $p) {
      directory(skillCode: $skillCode, minimumLevel: $minimumLevel, availableFrom: $availableFrom, availableTo: $availableTo, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id memberOrganisationId memberName fullName roleTitle email phone skills { skillCode level } available }
      }
    }
  }`,
  variables: { p: partnershipId, ...args },
});

export interface DirectoryPerson {
  id: string;
  memberOrganisationId: string;
  memberName: string;
  fullName: string | null;
  roleTitle: string | null;
  email: string | null;
  phone: string | null;
  skills: { skillCode: string; level: number }[] | null;
  available: boolean | null;
}

export interface DirectoryData {
  sharedSupport: {
    directory: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: DirectoryPerson[] };
  } | null;
}

export const auditTrailQuery = (organisationId: string): Operation => ({
  query: `query T($id: ID!) { organisation(id: $id) { auditTrail(first: 100) { nodes { action targetType targetId actorSubject before after } } } }`,
  variables: { id: organisationGlobalId(organisationId) },
});

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string;
  actorSubject: string;
  before: unknown;
  after: Record<string, unknown> | null;
}

/** A member's audit trail, read by its own tenant admin. */
export async function auditTrail(api: TestApp, slug: string): Promise<AuditEvent[]> {
  const token = await api.tokenFor(slug, ['tenant_admin']);
  const response = await api.graphql<{ organisation: { auditTrail: { nodes: AuditEvent[] } } }>(
    auditTrailQuery(api.organisationId(slug)),
    token,
  );
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!.organisation.auditTrail.nodes;
}

/** Runs an operation and fails the test with its errors if it has any. */
export async function ok<Data>(api: TestApp, operation: Operation, token: string): Promise<Data> {
  const response = await api.graphql<Data>(operation, token);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as Data;
}

export const partnershipGlobalId = (api: TestApp) => organisationGlobalId(api.organisationId(PARTNERSHIP));
