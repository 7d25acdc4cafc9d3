import { NotFoundError, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { eq } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';

export type ServiceOfferingRow = typeof tables.serviceOfferings.$inferSelect;

/**
 * The offering, locked for the rest of the transaction: changes to one offering (its price, its
 * next SLA version) queue instead of both reading the same "latest" and writing over each other.
 * The catalogue is platform-wide reference data, so the lock names no tenant.
 */
export async function lockOffering(tx: PlatformTransaction, offeringId: string): Promise<ServiceOfferingRow> {
  const [offering] = await tx
    .select()
    .from(tables.serviceOfferings)
    .where(eq(tables.serviceOfferings.id, offeringId))
    .for('update');
  if (!offering) throw new NotFoundError('No catalogue offering has this id', SERVICE_ERRORS.OFFERING_NOT_FOUND);
  return offering;
}
