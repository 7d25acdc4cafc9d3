import type { Actor, Principal } from '../auth/principal.ts';
import type { PlatformTransaction } from '../db/platform-database.ts';
import { unauthenticatedError } from './unauthorized-error.ts';

/**
 * One per request (never shared): the caller, and the transaction the request runs in. The
 * dataloader and auth caches of the Pothos plugins hang off this object, so they die with it.
 */
export interface RequestContext {
  requestId: string;
  /** The verified token's claims; null for an anonymous request. */
  principal: Principal | null;
  /** Set once the request's transaction has confirmed the principal. */
  actor: Actor | null;
  /** The request's transaction; set for authenticated requests while they execute. */
  transaction: PlatformTransaction | null;
}

/** The request's transaction, for resolvers that run only for authenticated callers. */
export function requestTransaction(context: RequestContext): PlatformTransaction {
  if (!context.transaction) throw new Error('This field needs an authenticated request transaction');
  return context.transaction;
}

/** The confirmed caller, for resolvers that run only for authenticated callers. */
export function requestActor(context: RequestContext): Actor {
  if (!context.actor) throw unauthenticatedError();
  return context.actor;
}
