import type { AppConfig, Principal } from '@ssp/core';
import { LeakyBuckets, type ThrottleStatus } from './leaky-bucket.ts';

export type BudgetCharge =
  | { allowed: true; caller: ThrottleStatus; tenant: ThrottleStatus }
  | { allowed: false; retryAfterSeconds: number; caller: ThrottleStatus; tenant: ThrottleStatus };

/** The caller's own bucket: an API client by its id, a person by issuer and subject. */
function callerKey(principal: Principal): string {
  return principal.kind === 'client'
    ? `client:${principal.clientId}`
    : `user:${principal.issuer.length}:${principal.issuer}${principal.subject}`;
}

/**
 * The query budget: every operation's cost comes out of its caller's bucket and its
 * organisation's bucket, so neither one busy client nor many clients of one organisation can
 * take the service from the others. An operation runs only when both buckets hold its cost.
 */
export class QueryBudget {
  readonly #callers: LeakyBuckets;
  readonly #tenants: LeakyBuckets;

  constructor(config: Pick<AppConfig, 'callerBudget' | 'tenantBudget'>, now: () => number = Date.now) {
    this.#callers = new LeakyBuckets(config.callerBudget.points, config.callerBudget.restorePerSecond, now);
    this.#tenants = new LeakyBuckets(config.tenantBudget.points, config.tenantBudget.restorePerSecond, now);
  }

  /** The most one operation can ever cost and still fit both buckets. */
  get largestCharge(): number {
    return Math.min(this.#callers.capacity, this.#tenants.capacity);
  }

  charge(principal: Principal, cost: number): BudgetCharge {
    const caller = callerKey(principal);
    const tenant = principal.organisationId;
    const wait = Math.max(this.#callers.secondsUntil(caller, cost), this.#tenants.secondsUntil(tenant, cost));
    if (wait > 0) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(wait)),
        caller: this.#callers.status(caller),
        tenant: this.#tenants.status(tenant),
      };
    }
    this.#callers.take(caller, cost);
    this.#tenants.take(tenant, cost);
    return { allowed: true, caller: this.#callers.status(caller), tenant: this.#tenants.status(tenant) };
  }
}
