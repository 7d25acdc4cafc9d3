import { type MembershipRole, NotFoundError, type PlatformTransaction, ValidationError } from '@ssp/core';
import type * as tables from '@ssp/tenants-tables';
import { TENANT_ERRORS } from '../errors/tenant-error-codes.ts';

export type ApiClientRow = typeof tables.apiClients.$inferSelect;

/** What the audit trail keeps of a client: never its secret hashes. */
export function apiClientAuditView(client: ApiClientRow) {
  const { secretHash: _secret, previousSecretHash: _previous, ...view } = client;
  return view;
}

/** A rotated secret stays valid for at most a week, so a forgotten old secret dies on its own. */
export const MAX_ROTATION_GRACE_HOURS = 168;

/** The roles a tenant admin may give a machine client: anything but platform admin. */
export function checkClientRoles(roles: readonly MembershipRole[]): MembershipRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new ValidationError('Give the client at least one role', 'input.roles');
  if (unique.includes('platform_admin')) {
    throw new ValidationError(
      'A machine client cannot be a platform admin',
      'input.roles',
      TENANT_ERRORS.ROLE_NOT_GRANTABLE,
    );
  }
  return unique;
}

export async function visibleClient(tx: PlatformTransaction, apiClientId: string): Promise<ApiClientRow> {
  const client = await tx.query.apiClients.findFirst({ where: { id: apiClientId } });
  if (!client) throw new NotFoundError('No API client you may see has this id');
  return client;
}
