import { ForbiddenError, type PlatformTransaction, type RequestContext, requestActor, requireRole } from '@ssp/core';
import { findOrganisation } from '@ssp/tenants';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';

/**
 * The partnership's own tenant admins run its shared support (programme, rota shares, recovery
 * model): the caller acts for an organisation of kind partnership. Returns its id.
 */
export async function requirePartnershipAdmin(context: RequestContext, tx: PlatformTransaction): Promise<string> {
  const actor = requestActor(context);
  requireRole(actor, ['tenant_admin'], 'Running shared support for a partnership');
  if (actor.platformScope)
    throw new ForbiddenError('A partnership runs its own shared support', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
  const organisation = await findOrganisation(tx, actor.organisationId);
  if (organisation?.kind !== 'partnership') {
    throw new ForbiddenError(
      'Only the tenant admins of a partnership run its shared support',
      SHARED_SUPPORT_ERRORS.PARTNERSHIP_ADMIN_REQUIRED,
    );
  }
  return actor.organisationId;
}
