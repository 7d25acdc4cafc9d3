import { organisationGlobalId } from '../../support/queries/organisation-queries.ts';
import { type AuditEvent, auditTrailQuery } from '../../support/queries/shared-support-queries.ts';
import type { Operation, TestApp } from '../../support/test-app.ts';

// The seeded organisations the shared-support acceptance tests use, and helpers that send an
// operation (its factories are in tests/support/queries/shared-support-queries.ts).

export const PARTNERSHIP = 'lincolnshire-public-sector-working-group';
export const NORTH_KESTEVEN = 'north-kesteven-district-council';
export const BOSTON = 'boston-borough-council';
export const SOUTH_HOLLAND = 'south-holland-district-council';
export const POLICE = 'lincolnshire-police';
export const OUTSIDER = 'lancashire-county-council';

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
