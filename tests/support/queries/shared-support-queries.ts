import type { Operation } from '../test-app.ts';
import { organisationGlobalId } from './organisation-queries.ts';

// Query factories for shared support: joining and leaving a partnership's sharing, the people a
// member shares, the partnership's directory, and a member's audit trail.

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
