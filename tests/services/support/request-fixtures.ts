import { randomBytes, randomUUID } from 'node:crypto';
import { tables } from '@ssp/schema';
import { seedOfferingId, seedOrganisationId, seedSlaDefinitionId } from '@ssp/seeds';
import {
  type ChangeStatusInput,
  changeServiceRequestStatusMutation,
  type RaiseInput,
  type RequestPayloadView,
  raiseServiceRequestMutation,
  type ServiceRequestView,
} from '../../support/queries/service-request-lifecycle-queries.ts';
import type { TestApp } from '../../support/test-app.ts';
import { offeringGlobalId, requestRowId } from './request-ids.ts';

// Set-up and checks for the service-request tests: raising and moving requests over GraphQL,
// and reading or writing rows directly through the platform path (around the API) where a test
// needs to see what was written or to plant a request raised in the past.

/** A fresh idempotency key (8-200 characters). */
export function newKey(prefix = 'key'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Sends a request-payload mutation and returns its typed answer; fails on GraphQL errors. */
export async function sendForPayload(
  api: TestApp,
  operation: Parameters<TestApp['graphql']>[0],
  token: string,
): Promise<RequestPayloadView> {
  const response = await api.graphql<Record<string, RequestPayloadView>>(operation, token);
  if (response.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  const payload = Object.values(response.body.data ?? {})[0];
  if (!payload) throw new Error('No payload in the answer');
  return payload;
}

/** Raises a request over GraphQL and returns it; fails unless it was raised. */
export async function raise(
  api: TestApp,
  token: string,
  input: Partial<RaiseInput> & { offeringCode?: string },
): Promise<ServiceRequestView> {
  const { offeringCode, ...rest } = input;
  const payload = await sendForPayload(
    api,
    raiseServiceRequestMutation({
      offeringId: offeringGlobalId(offeringCode ?? 'dbs-check'),
      title: 'DBS check for a new teaching assistant',
      description: 'All necessary information is attached.',
      idempotencyKey: newKey('raise'),
      ...rest,
    }),
    token,
  );
  if (payload.__typename !== 'ServiceRequestPayload' || !payload.serviceRequest) {
    throw new Error(`Expected a raised request, got ${JSON.stringify(payload)}`);
  }
  return payload.serviceRequest;
}

/** Moves a request over GraphQL and returns the typed answer. */
export function move(api: TestApp, token: string, input: ChangeStatusInput): Promise<RequestPayloadView> {
  return sendForPayload(api, changeServiceRequestStatusMutation(input), token);
}

/** Moves a request and fails unless the move was accepted. */
export async function moveOk(api: TestApp, token: string, input: ChangeStatusInput): Promise<ServiceRequestView> {
  const payload = await move(api, token, input);
  if (payload.__typename !== 'ServiceRequestPayload' || !payload.serviceRequest) {
    throw new Error(`Expected the move to ${input.status} to be accepted, got ${JSON.stringify(payload)}`);
  }
  return payload.serviceRequest;
}

const CHECK = { actor: 'test', reason: 'check what was written' };

/** Every request row of an organisation, read around the API. */
export function requestRowsOf(api: TestApp, slug: string) {
  return api.app.database.inPlatformTransaction(CHECK, (tx) =>
    tx.query.serviceRequests.findMany({ where: { tenantId: seedOrganisationId(slug) } }),
  );
}

/** One request's row with its history and comments, read around the API. */
export function requestRow(api: TestApp, globalId: string) {
  return api.app.database.inPlatformTransaction(CHECK, (tx) =>
    tx.query.serviceRequests.findFirst({
      where: { id: requestRowId(globalId) },
      with: {
        statusChanges: { orderBy: { changedAt: 'asc' } },
        comments: { orderBy: { createdAt: 'asc' } },
      },
    }),
  );
}

export interface HistoricRequest {
  slug: string;
  offeringCode: string;
  raisedAt: Date;
  /** The moves after raising (the `new` entry at raisedAt is added). */
  moves?: { status: (typeof tables.requestStatus.enumValues)[number]; at: Date; reason?: string }[];
  title?: string;
  firstContactResolution?: boolean;
  /** The SLA version it pins; the offering's seeded version 1 unless given. */
  slaDefinitionId?: string;
}

/**
 * Plants requests raised in the past, as the API would have written them (a `new` entry at
 * raisedAt, then the moves), in one insert for the requests and one for their histories.
 * Returns their global ids, in order.
 */
export async function insertHistoricRequests(api: TestApp, requests: readonly HistoricRequest[]): Promise<string[]> {
  return api.app.database.inPlatformTransaction({ actor: 'test', reason: 'plant historic requests' }, async (tx) => {
    const subscriptionIds = new Map<string, string>();
    for (const request of requests) {
      const key = `${request.slug}/${request.offeringCode}`;
      if (subscriptionIds.has(key)) continue;
      const subscription = await tx.query.subscriptions.findFirst({
        where: { tenantId: seedOrganisationId(request.slug), offeringId: seedOfferingId(request.offeringCode) },
      });
      if (!subscription) throw new Error(`${request.slug} does not subscribe to ${request.offeringCode}`);
      subscriptionIds.set(key, subscription.id);
    }
    const rows = requests.map((request) => {
      const last = request.moves?.at(-1)?.status ?? 'new';
      const resolved = request.moves?.some((change) => change.status === 'resolved');
      return {
        tenantId: seedOrganisationId(request.slug),
        id: randomUUID(),
        reference: `SR-T${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`,
        subscriptionId: subscriptionIds.get(`${request.slug}/${request.offeringCode}`)!,
        offeringId: seedOfferingId(request.offeringCode),
        slaDefinitionId: request.slaDefinitionId ?? seedSlaDefinitionId(request.offeringCode, 1),
        title: request.title ?? `Historic ${request.offeringCode} request`,
        description: 'Planted by a test',
        status: last,
        raisedBy: 'test:historic',
        raisedAt: request.raisedAt,
        // As the API records it (where the schema keeps it): the first move out of `new`.
        firstRespondedAt: request.moves?.find((change) => change.status !== 'new')?.at ?? null,
        firstContactResolution: resolved ? (request.firstContactResolution ?? false) : null,
        idempotencyKey: newKey('historic'),
        inputHash: 'planted',
      };
    });
    await tx.insert(tables.serviceRequests).values(rows);
    const history = rows.flatMap((row, index) => [
      {
        tenantId: row.tenantId,
        requestId: row.id,
        status: 'new' as const,
        changedBy: row.raisedBy,
        changedAt: row.raisedAt,
      },
      ...(requests[index]?.moves ?? []).map((change) => ({
        tenantId: row.tenantId,
        requestId: row.id,
        status: change.status,
        reason: change.reason ?? null,
        changedBy: 'test:agent',
        changedAt: change.at,
      })),
    ]);
    await tx.insert(tables.serviceRequestStatusChanges).values(history);
    return rows.map((row) => Buffer.from(`ServiceRequest:${row.id}`).toString('base64'));
  });
}
