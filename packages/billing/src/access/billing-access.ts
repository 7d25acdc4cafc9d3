import {
  type Actor,
  ForbiddenError,
  NotFoundError,
  type PlatformTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { findOrganisation } from '@ssp/tenants';
import { BILLING_ERRORS } from '../errors/billing-error-codes.ts';

/** Who may read an organisation's billing: its finance people and tenant admins (and platform admins). */
export function requireBillingReader(actor: Actor, action = 'Reading billing'): void {
  requireRole(actor, ['finance', 'tenant_admin'], action);
}

/**
 * Finds an organisation the caller may see (row-level security decides: its own, those delegated
 * to it, or all on the platform path). Invisible and non-existent look the same: not found.
 */
export async function findVisibleOrganisation(
  tx: PlatformTransaction,
  organisationId: string,
): Promise<{ id: string; name: string }> {
  const organisation = await findOrganisation(tx, organisationId);
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  return organisation;
}

/**
 * Acts the partnership takes for a customer (setting its charge, proposing and delivering
 * savings): finance acting for an organisation that serves the customer by delegation, or a
 * platform admin. The customer's own people may not mark their own homework.
 */
export function requireServingPartner(actor: Actor, organisationId: string, action: string): void {
  requireRole(actor, ['finance'], action);
  if (!actor.platformScope && actor.organisationId === organisationId) {
    throw new ForbiddenError(
      `${action} is done by the partnership serving the organisation, not by the organisation itself`,
      BILLING_ERRORS.SERVING_PARTNERSHIP_ONLY,
    );
  }
}

/** Decisions only the customer makes (asking for a reduction, accepting or rejecting a saving). */
export function requireCustomer(actor: Actor, organisationId: string, action: string): void {
  requireRole(actor, ['finance'], action);
  if (actor.platformScope || actor.organisationId !== organisationId) {
    throw new ForbiddenError(
      `${action} is the organisation's own decision: act for it with the finance role`,
      BILLING_ERRORS.CUSTOMER_DECISION_ONLY,
    );
  }
}

/** A required free-text reason: trimmed, 1 to `max` characters. */
export function requiredText(value: string | null | undefined, field: string, what: string, max = 2000): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new ValidationError(`Give ${what}`, field);
  if (text.length > max)
    throw new ValidationError(`${what[0]?.toUpperCase()}${what.slice(1)} is at most ${max} characters`, field);
  return text;
}
