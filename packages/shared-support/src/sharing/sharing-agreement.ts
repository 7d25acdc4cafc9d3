import { NotFoundError, type PlatformTransaction } from '@ssp/core';
import type * as tables from '@ssp/shared-support-tables';
import { findOrganisation } from '@ssp/tenants';

export type SharingAgreementRow = typeof tables.sharingAgreements.$inferSelect;

export interface SharedFields {
  name: boolean;
  role: boolean;
  skills: boolean;
  contact: boolean;
  availability: boolean;
}

/** The partnership a member belongs to: its parent. Anything else is, to the member, not there. */
export async function requireParentPartnership(tx: PlatformTransaction, memberId: string, partnershipId: string) {
  const member = await findOrganisation(tx, memberId);
  if (!member || member.parentId !== partnershipId) {
    throw new NotFoundError('Your organisation is not a member of a partnership with this id');
  }
}

export function currentAgreement(tx: PlatformTransaction, memberId: string, partnershipId: string) {
  return tx.query.sharingAgreements.findFirst({ where: { tenantId: memberId, partnershipId } });
}
