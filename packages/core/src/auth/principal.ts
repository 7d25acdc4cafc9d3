import type { membershipRole } from '../db/schema/index.ts';

export type MembershipRole = (typeof membershipRole.enumValues)[number];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = [
  'platform_admin',
  'tenant_admin',
  'finance',
  'service_agent',
  'requester',
];

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
