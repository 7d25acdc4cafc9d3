import type { Actor } from './principal.ts';

/**
 * Who runs a write, as a domain service sees it: the confirmed actor (for the domain's own
 * "whose decision is this" rules) and the request it belongs to (for the audit trail the
 * service writes with the change). The mutation form hands one to every service it calls.
 */
export interface MutationCaller {
  actor: Actor;
  requestId: string;
}
