import type { Actor } from '../../auth/principal.ts';
import { mayReadType, type ReadRule } from '../../auth/read-access.ts';

/**
 * Whether `authScopes` as declared on a type or field lets `actor` through, for the scope maps
 * the builder defines (`authenticated`, `role`, `platformAdmin`, `readable`, any of them passing, as
 * scope-auth reads a map). `undefined` when the declaration is anything else (a function,
 * `$all`, an unknown scope): the compiler then leaves the operation to the resolvers, so every
 * rule the schema states is still enforced by scope-auth itself.
 */
export function scopesAllow(authScopes: unknown, actor: Actor): boolean | undefined {
  if (authScopes === undefined) return true;
  if (!authScopes || typeof authScopes !== 'object' || Array.isArray(authScopes)) return undefined;
  let allowed = false;
  for (const [scope, value] of Object.entries(authScopes)) {
    switch (scope) {
      case 'authenticated':
        if (typeof value !== 'boolean') return undefined;
        if (value) allowed = true;
        break;
      case 'platformAdmin':
        if (typeof value !== 'boolean') return undefined;
        if (value && actor.platformScope) allowed = true;
        break;
      case 'role':
        if (typeof value !== 'string') return undefined;
        if ((actor.roles as string[]).includes(value)) allowed = true;
        break;
      case 'readable':
        // The builder's scope: the caller's roles against the type's rule (`readableBy`).
        if (!value || typeof value !== 'object' || !Array.isArray((value as ReadRule).roles)) return undefined;
        if (mayReadType(value as ReadRule, actor)) allowed = true;
        break;
      default:
        return undefined;
    }
  }
  return allowed;
}
