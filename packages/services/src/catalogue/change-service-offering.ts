import { money, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { eq } from 'drizzle-orm';
import { recordReferenceDataChange } from './catalogue-audit.ts';
import { lockOffering, OFFERING_COLUMNS_BUT_KINDS, type ServiceOfferingRow } from './lock-offering.ts';
import { checkOfferingTerms, type OfferingTerms } from './offering-terms.ts';

export interface ChangeServiceOfferingInput extends Partial<OfferingTerms> {
  offeringId: string;
}

/**
 * Changes an offering's catalogue price, the kinds of organisation that may subscribe, or its
 * keywords (only what is given). Nothing billed moves: a subscription copies the price when it is
 * taken (`subscriptions.unit_price_pence`, catalogue or negotiated) and statements charge that
 * copy, so a new catalogue price applies to subscriptions taken from now on. Narrowing the kinds
 * likewise only stops new subscriptions. A change that changes nothing writes nothing.
 */
export async function changeServiceOffering(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: ChangeServiceOfferingInput,
): Promise<{ offering: ServiceOfferingRow; changed: boolean }> {
  const before = await lockOffering(tx, input.offeringId);
  const terms = checkOfferingTerms(
    {
      unitPrice: input.unitPrice ?? money.formatMoney(money.fromPence(before.unitPricePence)),
      allowedKinds: input.allowedKinds ?? before.allowedKinds,
      keywords: input.keywords ?? before.keywords,
    },
    'input',
  );
  const next = {
    unitPricePence: money.toPenceNumber(terms.unitPrice),
    allowedKinds: input.allowedKinds === undefined ? before.allowedKinds : terms.allowedKinds,
    keywords: input.keywords === undefined ? before.keywords : terms.keywords,
  };
  const previous = {
    unitPricePence: before.unitPricePence,
    allowedKinds: before.allowedKinds,
    keywords: before.keywords,
  };
  if (JSON.stringify(next) === JSON.stringify(previous)) return { offering: before, changed: false };
  const [after] = await tx
    .update(tables.serviceOfferings)
    .set(next)
    .where(eq(tables.serviceOfferings.id, before.id))
    .returning(OFFERING_COLUMNS_BUT_KINDS);
  await recordReferenceDataChange(tx, audit, {
    action: 'service_offering.change',
    targetType: 'ServiceOffering',
    targetId: before.id,
    before: previous,
    after: next,
  });
  return { offering: { ...after!, allowedKinds: next.allowedKinds }, changed: true };
}
