import { ALL_MEMBER_ROLES, readRule } from '@ssp/core';

// Who may read the tenants domain's types: its rows of the one roles x types matrix. Row-level
// security decides which rows; these decide who may read the type at all. `node`, `nodes`, every
// field returning the type and its list fields all check the same rule.
export const TENANTS_READ_RULES = {
  /** Every member of an organisation it can see. */
  Organisation: readRule({ roles: ALL_MEMBER_ROLES, platformAdmins: true }),
  /** Granted by platform admins, and reached only through that grant. */
  Delegation: readRule({ roles: [], platformAdmins: true }),
  /** Who acts for an organisation: its tenant admins (and those of a partnership it is delegated to). */
  Membership: readRule({ roles: ['tenant_admin'], platformAdmins: true }),
  /** The machine clients of an organisation: as memberships. */
  ApiClient: readRule({ roles: ['tenant_admin'], platformAdmins: true }),
  /**
   * The audit trail: the organisation's own tenant admins only, never a partnership's by
   * delegation (the trail records what the partnership itself did there).
   */
  AuditEvent: readRule<{ tenantId: string }>({
    roles: ['tenant_admin'],
    platformAdmins: true,
    row: (event, actor) => event.tenantId === actor.organisationId,
    rowColumns: ['tenantId'],
  }),
};
