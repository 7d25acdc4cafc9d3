import { NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { eq, sql } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';

export type ServiceOfferingRow = typeof tables.serviceOfferings.$inferSelect;

/**
 * The offering, with changes to it queued for the rest of the transaction: two changes to one
 * offering (its price, its next SLA version) take turns instead of both reading the same "latest"
 * and writing over each other. A transaction-scoped advisory lock on the offering's id rather
 * than FOR UPDATE: a locking read on Citus must name a tenant, and the catalogue has none.
 */
export async function lockOffering(tx: PlatformTransaction, offeringId: string): Promise<ServiceOfferingRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`catalogue-offering:${offeringId}`}, 0))`);
  const [offering] = await tx.select().from(tables.serviceOfferings).where(eq(tables.serviceOfferings.id, offeringId));
  if (!offering) throw new NotFoundError('No catalogue offering has this id', SERVICE_ERRORS.OFFERING_NOT_FOUND);
  return offering;
}

/**
 * The offering's columns but its enum array, for RETURNING: drizzle returns an enum array through a
 * cast, which Citus refuses there, so writers take `allowedKinds` from what they wrote.
 */
export const OFFERING_COLUMNS_BUT_KINDS = {
  id: tables.serviceOfferings.id,
  code: tables.serviceOfferings.code,
  serviceLineCode: tables.serviceOfferings.serviceLineCode,
  name: tables.serviceOfferings.name,
  description: tables.serviceOfferings.description,
  kind: tables.serviceOfferings.kind,
  unitPricePence: tables.serviceOfferings.unitPricePence,
  keywords: tables.serviceOfferings.keywords,
  createdAt: tables.serviceOfferings.createdAt,
};
