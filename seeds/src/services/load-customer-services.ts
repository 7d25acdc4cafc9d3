import { money, type PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { serviceOfferings } from '../catalogue/seed-catalogue.ts';
import { seedOfferingId } from '../catalogue/seed-catalogue-ids.ts';
import type { SeedOrganisation } from '../organisations/seed-organisation.ts';
import { seedOrganisationId } from '../organisations/seed-organisation-ids.ts';

/**
 * The partnerships that deliver back-office services to the organisations beneath them. (The
 * Lincolnshire working group is a partnership of peers sharing ICT support, not a provider.)
 */
export const PROVIDER_PARTNERSHIPS = [
  'bt-lancashire-services',
  'liverpool-direct',
  'south-tyneside-partnership',
  'transform-sandwell',
  'suffolk-partnership',
  'rotherham-partnership',
  'edinburgh-partnership',
] as const;

/** Each provider with the active organisations anywhere beneath it: the customers it serves. */
export function servedCustomers(organisations: readonly SeedOrganisation[]): Map<string, SeedOrganisation[]> {
  const bySlug = new Map(organisations.map((organisation) => [organisation.slug, organisation]));
  const served = new Map<string, SeedOrganisation[]>(PROVIDER_PARTNERSHIPS.map((slug) => [slug, []]));
  for (const organisation of organisations) {
    if (organisation.lifecycleStatus !== 'active' || organisation.kind === 'partnership') continue;
    let ancestor = organisation.parentSlug ? bySlug.get(organisation.parentSlug) : undefined;
    while (ancestor && !served.has(ancestor.slug)) {
      ancestor = ancestor.parentSlug ? bySlug.get(ancestor.parentSlug) : undefined;
    }
    if (ancestor) served.get(ancestor.slug)?.push(organisation);
  }
  return served;
}

/**
 * Subscribes every served customer to each offering its kind may take (at the catalogue price)
 * and delegates each customer to its provider, so the provider's service agents see its
 * requests. Existing rows are kept: loading again changes nothing.
 */
export async function loadCustomerServices(
  tx: PlatformTransaction,
  organisations: readonly SeedOrganisation[],
): Promise<{ subscriptions: number; delegations: number }> {
  const subscriptions = [];
  const delegations = [];
  for (const [provider, customers] of servedCustomers(organisations)) {
    for (const customer of customers) {
      delegations.push({
        tenantId: seedOrganisationId(provider),
        delegatedOrganisationId: seedOrganisationId(customer.slug),
        reason: 'The partnership delivers services to this customer (seed data)',
        grantedBy: 'seed-loader',
      });
      for (const offering of serviceOfferings) {
        if (!offering.allowedKinds.includes(customer.kind)) continue;
        subscriptions.push({
          tenantId: seedOrganisationId(customer.slug),
          offeringId: seedOfferingId(offering.code),
          unitPricePence: money.toPenceNumber(money.parseMoney(offering.unitPrice)),
          priceBasis: 'catalogue' as const,
          startedAt: new Date('2014-04-01T00:00:00+01:00'),
        });
      }
    }
  }
  // Large loads go in chunks: PostgreSQL takes at most 65,535 parameters per statement.
  for (let start = 0; start < subscriptions.length; start += 5_000) {
    await tx
      .insert(tables.subscriptions)
      .values(subscriptions.slice(start, start + 5_000))
      .onConflictDoNothing();
  }
  if (delegations.length > 0) await tx.insert(tables.delegations).values(delegations).onConflictDoNothing();
  return { subscriptions: subscriptions.length, delegations: delegations.length };
}
