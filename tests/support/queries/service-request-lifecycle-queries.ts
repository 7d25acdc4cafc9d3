import type { Operation } from '../test-app.ts';

// Query factories for a service request's life: raising, moving, assigning, rating and commenting
// on it, and reading requests, with the shapes they answer.

export interface SlaClockView {
  state: 'RUNNING' | 'PAUSED' | 'STOPPED';
  dueAt: string;
  secondsRemaining: number;
  breached: boolean;
  stoppedAt: string | null;
  pausedSeconds: number;
}

export interface ServiceRequestView {
  id: string;
  reference: string;
  title: string;
  description: string;
  priority: string | null;
  status: string;
  raisedBy: string;
  raisedAt: string;
  assignedAgent: string | null;
  firstContactResolution: boolean | null;
  satisfactionScore: number | null;
  organisation: { slug: string; nation: string };
  offering: { code: string };
  slaDefinition: { version: number };
  history: { status: string; reason: string | null; changedBy: string; changedAt: string }[];
  comments: { author: string; body: string; createdAt: string }[];
  fulfilmentSla: SlaClockView;
  responseSla: SlaClockView | null;
}

/** A mutation's answer: the payload on success, or one of the typed errors. */
export interface RequestPayloadView {
  __typename: 'ServiceRequestPayload' | 'ValidationError' | 'NotFoundError' | 'ForbiddenError' | 'ConflictError';
  message?: string;
  code?: string;
  field?: string | null;
  replayed?: boolean;
  serviceRequest?: ServiceRequestView;
}

export interface CommentPayloadView {
  __typename: 'CommentPayload' | 'ValidationError' | 'NotFoundError' | 'ForbiddenError' | 'ConflictError';
  message?: string;
  field?: string | null;
  comment?: { author: string; body: string; createdAt: string };
}

export const SLA_CLOCK_FIELDS = 'state dueAt secondsRemaining breached stoppedAt pausedSeconds';

export const SERVICE_REQUEST_FIELDS = `id reference title description priority status raisedBy raisedAt assignedAgent
  firstContactResolution satisfactionScore
  organisation { slug nation } offering { code } slaDefinition { version }
  history { status reason changedBy changedAt }
  comments { author body createdAt }
  fulfilmentSla { ${SLA_CLOCK_FIELDS} }
  responseSla { ${SLA_CLOCK_FIELDS} }`;

const REQUEST_PAYLOAD = `__typename
  ... on ServiceRequestPayload { replayed serviceRequest { ${SERVICE_REQUEST_FIELDS} } }
  ... on Error { message code }
  ... on ValidationError { field }`;

export interface RaiseInput {
  offeringId: string;
  title: string;
  description: string;
  idempotencyKey: string;
  organisationId?: string;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
}

export const raiseServiceRequestMutation = (input: RaiseInput): Operation => ({
  query: `mutation Raise($input: RaiseServiceRequestInput!) { raiseServiceRequest(input: $input) { ${REQUEST_PAYLOAD} } }`,
  variables: { input },
});

export interface ChangeStatusInput {
  requestId: string;
  status: 'NEW' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED' | 'CANCELLED';
  reason?: string;
  firstContactResolution?: boolean;
}

export const changeServiceRequestStatusMutation = (input: ChangeStatusInput): Operation => ({
  query: `mutation Change($input: ChangeServiceRequestStatusInput!) { changeServiceRequestStatus(input: $input) { ${REQUEST_PAYLOAD} } }`,
  variables: { input },
});

export const assignServiceRequestMutation = (input: { requestId: string; agent?: string }): Operation => ({
  query: `mutation Assign($input: AssignServiceRequestInput!) { assignServiceRequest(input: $input) { ${REQUEST_PAYLOAD} } }`,
  variables: { input },
});

export const rateServiceRequestMutation = (input: { requestId: string; score: number }): Operation => ({
  query: `mutation Rate($input: RateServiceRequestInput!) { rateServiceRequest(input: $input) { ${REQUEST_PAYLOAD} } }`,
  variables: { input },
});

export const commentOnServiceRequestMutation = (input: { requestId: string; body: string }): Operation => ({
  query: `mutation Comment($input: CommentOnServiceRequestInput!) { commentOnServiceRequest(input: $input) {
    __typename
    ... on CommentPayload { comment { author body createdAt } }
    ... on Error { message }
    ... on ValidationError { field }
  } }`,
  variables: { input },
});

export interface ServiceRequestFilterInput {
  organisationId?: string;
  offeringId?: string;
  status?: ChangeStatusInput['status'];
  assignedAgent?: string;
}

export const serviceRequestsQuery = (
  variables: { first?: number; after?: string; filter?: ServiceRequestFilterInput } = {},
): Operation => ({
  query: `query Requests($first: Int, $after: String, $filter: ServiceRequestFilter) {
    serviceRequests(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      nodes { ${SERVICE_REQUEST_FIELDS} }
    }
  }`,
  variables,
});

/** The listing the statement-count test measures: each request with its offering, organisation and SLA. */
export const serviceRequestListQuery = (first: number): Operation => ({
  query: `query RequestList($first: Int) {
    serviceRequests(first: $first) {
      nodes {
        id reference status raisedAt
        offering { code name unitPrice { amount currency } }
        organisation { slug name nation }
        fulfilmentSla { state dueAt secondsRemaining breached }
      }
    }
  }`,
  variables: { first },
});

export const serviceRequestNodeQuery = (id: string): Operation => ({
  query: `query RequestNode($id: ID!) { node(id: $id) { id ... on ServiceRequest { ${SERVICE_REQUEST_FIELDS} } } }`,
  variables: { id },
});
