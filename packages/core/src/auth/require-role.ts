import { CORE_ERRORS } from '../errors/core-error-codes.ts';
import { ForbiddenError } from '../errors/domain-error.ts';
import type { Actor, MembershipRole } from './principal.ts';

/** Throws the typed ForbiddenError (ROLE_REQUIRED) unless the actor holds one of `roles` (platform admins always pass). */
export function requireRole(actor: Actor, roles: readonly MembershipRole[], action: string): void {
  if (actor.platformScope) return;
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new ForbiddenError(`${action} needs one of these roles: ${roles.join(', ')}`, CORE_ERRORS.ROLE_REQUIRED);
  }
}
