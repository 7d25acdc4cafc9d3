import { seedOfferingId } from '@ssp/seeds';
import type { Caller, MatrixContext, MatrixSubjects, MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { CATALOGUE_ADMIN_MATRIX } from './catalogue-admin-matrix.ts';
import { keyOf, organisationIdOf, outcomes, setUp } from './matrix-operations.ts';
import { RECORDS_MATRIX } from './records-matrix.ts';

// The services domain: who may raise, work and rate a customer's service requests, onboard
// customers beneath an organisation, and read the catalogue, requests, performance report and
// capability match. Lancashire's requests are worked by BT Lancashire Services, to which the seed
// data delegates it.

export const SERVICES_SUBJECTS: MatrixSubjects = {
  subject: 'lancashire-county-council',
  outsider: 'liverpool-city-council',
  delegatedTo: 'bt-lancashire-services',
};

const offeringId = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');

/** A fresh request of the subject, raised by its requester; `resolved` moves it to RESOLVED first. */
async function raisedRequest(context: MatrixContext, caller: Caller, resolved = false): Promise<string> {
  const requester = await context.token(context.subjects.subject, ['requester']);
  const raised = await setUp<{ serviceRequest: { id: string } }>(
    context,
    mutationOfWithId('raiseServiceRequest', {
      offeringId: offeringId('dbs-check'),
      title: 'DBS check for a new teaching assistant',
      description: 'Raised for the caller matrix',
      idempotencyKey: keyOf('raise', caller.unique),
    }),
    requester,
  );
  const requestId = raised.serviceRequest.id;
  if (resolved) {
    const agent = await context.token(context.subjects.delegatedTo, ['service_agent']);
    for (const move of [{ status: 'IN_PROGRESS' }, { status: 'RESOLVED', firstContactResolution: true }]) {
      await setUp(context, mutationOfWithId('changeServiceRequestStatus', { requestId, ...move }), agent);
    }
  }
  return requestId;
}

/** A request mutation selecting the request's id (for set-up). */
function mutationOfWithId(field: string, input: Record<string, unknown>) {
  const operation = mutationOf(field, input);
  return {
    ...operation,
    query: operation.query.replace('__typename', '__typename ... on ServiceRequestPayload { serviceRequest { id } }'),
  };
}

let urn = 820_000;

/** An onboarding of a new school beneath the subject, unique to the call. */
function onboardingInput(context: MatrixContext, caller: Caller): Record<string, unknown> {
  urn += 1;
  return {
    parentId: organisationIdOf(context),
    name: keyOf('Matrix Primary School', caller.unique),
    kind: 'SCHOOL',
    nation: 'ENGLAND_AND_WALES',
    identifier: { scheme: 'URN', value: String(urn) },
    subscriptions: [{ offeringId: offeringId('dbs-check') }],
    tenantAdmin: {
      displayName: 'Head Teacher',
      issuer: 'https://sso.matrix.test/',
      subject: keyOf('head', caller.unique),
    },
    idempotencyKey: keyOf('onboard', caller.unique),
  };
}

/** Customers are onboarded by a tenant admin of the parent, or of a partnership it is delegated to. */
const ONBOARDERS = outcomes(['tenant_admin', 'platform_admin', 'delegated_admin'], { outsider: 'NOT_FOUND' });

export const SERVICES_MATRIX: MatrixTable = {
  ...RECORDS_MATRIX,
  ...CATALOGUE_ADMIN_MATRIX,
  raiseServiceRequest: {
    operation: (context, caller) =>
      mutationOf('raiseServiceRequest', {
        organisationId: organisationIdOf(context),
        offeringId: offeringId('dbs-check'),
        title: 'DBS check for a new starter',
        description: 'Raised by the caller matrix',
        idempotencyKey: keyOf('raise', caller.unique),
      }),
    outcomes: outcomes(['tenant_admin', 'service_agent', 'requester', 'platform_admin', 'delegated_agent'], {
      outsider: 'NOT_FOUND',
      delegated_admin: 'ok',
    }),
  },
  assignServiceRequest: {
    operation: async (context, caller) =>
      mutationOf('assignServiceRequest', {
        requestId: await raisedRequest(context, caller),
        agent: 'agent@bt-lancashire',
      }),
    outcomes: outcomes(['service_agent', 'platform_admin', 'delegated_agent'], {
      outsider: 'ROLE_REQUIRED',
      delegated_admin: 'ROLE_REQUIRED',
    }),
  },
  changeServiceRequestStatus: {
    operation: async (context, caller) =>
      mutationOf('changeServiceRequestStatus', {
        requestId: await raisedRequest(context, caller),
        status: 'IN_PROGRESS',
      }),
    outcomes: outcomes(['service_agent', 'platform_admin', 'delegated_agent'], {
      outsider: 'NOT_FOUND',
      delegated_admin: 'ROLE_REQUIRED',
    }),
  },
  commentOnServiceRequest: {
    operation: async (context, caller) =>
      mutationOf('commentOnServiceRequest', {
        requestId: await raisedRequest(context, caller),
        body: 'A comment from the caller matrix',
      }),
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'NOT_FOUND',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  rateServiceRequest: {
    operation: async (context, caller) =>
      mutationOf('rateServiceRequest', { requestId: await raisedRequest(context, caller, true), score: 4 }),
    // The requesting organisation rates its request; the partnership working it may not.
    outcomes: outcomes(['tenant_admin', 'requester', 'platform_admin'], {
      outsider: 'NOT_FOUND',
      delegated_admin: 'NOT_REQUESTING_ORGANISATION',
      delegated_agent: 'ROLE_REQUIRED',
    }),
  },
  onboardOrganisation: {
    operation: (context, caller) => mutationOf('onboardOrganisation', onboardingInput(context, caller)),
    outcomes: ONBOARDERS,
  },
  bulkOnboardOrganisations: {
    operation: (context, caller) => {
      const row = onboardingInput(context, caller);
      return mutationOf('bulkOnboardOrganisations', {
        parentId: row.parentId,
        mode: 'ALL_OR_NOTHING',
        dryRun: false,
        batchKey: keyOf('bulk', caller.unique),
        rows: [
          {
            name: row.name,
            kind: 'SCHOOL',
            nation: 'ENGLAND_AND_WALES',
            identifierScheme: 'URN',
            identifier: (row.identifier as { value: string }).value,
            offeringIds: [offeringId('dbs-check')],
            tenantAdminName: 'Head Teacher',
            tenantAdminIssuer: 'https://sso.matrix.test/',
            tenantAdminSubject: keyOf('bulk-head', caller.unique),
          },
        ],
      });
    },
    outcomes: ONBOARDERS,
  },
  serviceCatalogue: {
    operation: () => ({ query: '{ serviceCatalogue(first: 5) { nodes { id } } }' }),
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'ok',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  serviceRequests: {
    operation: (context) => ({
      query:
        'query Matrix($filter: ServiceRequestFilter) { serviceRequests(first: 5, filter: $filter) { nodes { id } } }',
      variables: { filter: { organisationId: organisationIdOf(context) } },
    }),
    // Each caller lists the requests it may see; the outsider's list is empty, not an error.
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'ok',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  performanceReport: {
    operation: (context) => ({
      query: 'query Matrix($id: ID!) { performanceReport(organisationId: $id, fiscalYear: "2017/18") { fiscalYear } }',
      variables: { id: organisationIdOf(context) },
    }),
    outcomes: outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
      outsider: 'NOT_FOUND',
      delegated_admin: 'ok',
      delegated_finance: 'ok',
      delegated_agent: 'ok',
    }),
  },
  capabilityMatch: {
    operation: () => ({
      query: 'query Matrix($input: CapabilityMatchInput!) { capabilityMatch(input: $input) { fitPercent } }',
      variables: { input: { kind: 'SCHOOL', requirementLines: ['payroll'] } },
    }),
    outcomes: outcomes(['tenant_admin', 'platform_admin'], {
      outsider: 'ok',
      delegated_admin: 'ok',
      delegated_agent: 'ROLE_REQUIRED',
    }),
  },
};
