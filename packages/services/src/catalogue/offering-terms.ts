import { CORE_ERRORS, money, ValidationError } from '@ssp/core';
import type * as tables from '@ssp/services-tables';

export type OrganisationKind = (typeof tables.serviceOfferings.$inferSelect)['allowedKinds'][number];

/** What a platform admin may change on an offering after creating it. */
export interface OfferingTerms {
  /** Pounds as a decimal string, e.g. "45.00". */
  unitPrice: string;
  allowedKinds: OrganisationKind[];
  keywords: string[];
}

/** Reads and checks the terms: a price in pence, kinds and keywords de-duplicated and in order. */
export function checkOfferingTerms(
  terms: OfferingTerms,
  field: string,
): { unitPrice: money.Money; allowedKinds: OrganisationKind[]; keywords: string[] } {
  // parseMoney refuses a malformed or negative price with INVALID_MONEY.
  const unitPrice = money.parseMoney(terms.unitPrice, { field: `${field}.unitPrice` });
  if (money.toPenceNumber(unitPrice) > 100_000_000) {
    throw new ValidationError('A unit price is at most £1,000,000.00', `${field}.unitPrice`, CORE_ERRORS.INVALID_MONEY);
  }
  const allowedKinds = [...new Set(terms.allowedKinds)].sort();
  if (allowedKinds.length === 0) {
    throw new ValidationError('Name at least one kind of organisation that may subscribe', `${field}.allowedKinds`);
  }
  const keywords = [...new Set(terms.keywords.map((keyword) => keyword.trim().toLowerCase()))].filter((k) => k !== '');
  if (keywords.length > 50 || keywords.some((keyword) => keyword.length > 60)) {
    throw new ValidationError('At most 50 keywords of up to 60 characters', `${field}.keywords`);
  }
  return { unitPrice, allowedKinds, keywords };
}
