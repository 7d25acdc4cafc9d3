/**
 * The roles a caller may hold in the organisation it acts for. The kernel's authorisation (scopes,
 * the read matrix) is written in them, so they are declared here; the tenants' `membership_role`
 * column takes its values from this list.
 */
export const MEMBERSHIP_ROLES = ['platform_admin', 'tenant_admin', 'finance', 'service_agent', 'requester'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * Who a verified token says is calling, before the database has confirmed it. Roles are known
 * only for tokens we issued; for an organisation's own identity provider they come from the
 * member's membership row.
 */
export type Principal =
  | {
      kind: 'user';
      issuer: string;
      subject: string;
      organisationId: string;
      /** Roles asserted by our own issuer; null when the membership row decides. */
      claimedRoles: MembershipRole[] | null;
      expiresAt: Date;
    }
  | {
      kind: 'client';
      issuer: string;
      subject: string;
      clientId: string;
      organisationId: string;
      claimedRoles: MembershipRole[];
      expiresAt: Date;
    };

/**
 * The principal as confirmed inside the request's transaction: its organisation is live, its
 * client or membership stands, and these are the tenants it may see.
 */
export interface Actor {
  principal: Principal;
  organisationId: string;
  roles: MembershipRole[];
  /**
   * How many organisations the request's tenant context holds: the actor's own and those
   * explicitly delegated to it (the database keeps the list; the application never carries it).
   */
  visibleTenantCount: number;
  /** True for platform admins: their requests run on the audited partnership-wide path. */
  platformScope: boolean;
}
