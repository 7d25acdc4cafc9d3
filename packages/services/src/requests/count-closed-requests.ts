import type { PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { and, asc, count, eq, gte, lt, max } from 'drizzle-orm';

/** Requests of one offering closed in a period, with the unit price their subscription agreed. */
export interface ClosedRequestCount {
  offeringId: string;
  offeringName: string;
  /** The subscription's unit price, in pence; null if it has none. */
  unitPricePence: number | null;
  quantity: number;
}

/**
 * One organisation's requests closed in `[startsAt, endsAt)`, counted per offering and
 * subscription (what billing's usage charges price). A closed request is complete and final; a
 * resolved one may still be re-opened, so it does not count yet.
 */
export async function countClosedRequests(
  tx: PlatformTransaction,
  organisationId: string,
  period: { startsAt: Date; endsAt: Date },
): Promise<ClosedRequestCount[]> {
  const closed = tables.serviceRequestStatusChanges;
  const requests = tables.serviceRequests;
  return tx
    .select({
      offeringId: tables.serviceOfferings.id,
      offeringName: tables.serviceOfferings.name,
      unitPricePence: max(tables.subscriptions.unitPricePence),
      quantity: count(),
    })
    .from(closed)
    .innerJoin(requests, and(eq(requests.tenantId, closed.tenantId), eq(requests.id, closed.requestId)))
    .innerJoin(
      tables.subscriptions,
      and(eq(tables.subscriptions.tenantId, requests.tenantId), eq(tables.subscriptions.id, requests.subscriptionId)),
    )
    .innerJoin(tables.serviceOfferings, eq(tables.serviceOfferings.id, requests.offeringId))
    .where(
      and(
        eq(closed.tenantId, organisationId),
        eq(closed.status, 'closed'),
        gte(closed.changedAt, period.startsAt),
        lt(closed.changedAt, period.endsAt),
      ),
    )
    .groupBy(tables.serviceOfferings.id, tables.serviceOfferings.name, tables.subscriptions.id)
    .orderBy(asc(tables.serviceOfferings.name));
}
