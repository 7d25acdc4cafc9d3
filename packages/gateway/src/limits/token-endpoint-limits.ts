import type { AppConfig } from '@ssp/core';
import pLimit, { type LimitFunction } from 'p-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Secret checks one address may have running or waiting at once. */
const IN_FLIGHT_PER_ADDRESS = 2;
/** Checks that may wait for a free slot, per slot; past that the endpoint says "busy" at once. */
const WAITING_PER_SLOT = 4;
/** How long wrong secrets are remembered, and a locked-out address waits. */
const FAILURE_WINDOW_SECONDS = 15 * 60;

export type Refusal = { retryAfterSeconds: number };

const secondsOf = (result: RateLimiterRes): number => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

/**
 * The limits of `POST /oauth/token`, in this process: requests per address and minute, wrong
 * secrets per address and client id (so a guesser locks out itself, not the client it guesses
 * at), and a bound on the scrypt checks running at once, each address holding at most two of
 * them, so a flood of wrong secrets cannot queue a right one behind it for seconds.
 */
export class TokenEndpointLimits {
  readonly #requests: RateLimiterMemory;
  readonly #failures: RateLimiterMemory;
  readonly #checks: LimitFunction;
  readonly #maxWaiting: number;
  readonly #inFlight = new Map<string, number>();

  constructor(config: AppConfig['tokenEndpoint']) {
    this.#requests = new RateLimiterMemory({
      keyPrefix: 'token-requests',
      points: config.requestsPerMinute,
      duration: 60,
    });
    this.#failures = new RateLimiterMemory({
      keyPrefix: 'token-failures',
      points: config.failuresPerClient,
      duration: FAILURE_WINDOW_SECONDS,
    });
    this.#checks = pLimit(config.concurrentChecks);
    this.#maxWaiting = config.concurrentChecks * WAITING_PER_SLOT;
  }

  /** Counts a request from `address`; a refusal once the address is past its rate. */
  async admit(address: string): Promise<Refusal | null> {
    try {
      await this.#requests.consume(address);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { retryAfterSeconds: secondsOf(rejection) };
      throw rejection;
    }
  }

  /** A refusal while `address` has presented too many wrong secrets for `clientId`. */
  async lockedOut(address: string, clientId: string): Promise<Refusal | null> {
    const failures = await this.#failures.get(failureKey(address, clientId));
    if (!failures || failures.remainingPoints > 0) return null;
    return { retryAfterSeconds: secondsOf(failures) };
  }

  async recordFailure(address: string, clientId: string): Promise<void> {
    await this.#failures.penalty(failureKey(address, clientId));
  }

  async recordSuccess(address: string, clientId: string): Promise<void> {
    await this.#failures.delete(failureKey(address, clientId));
  }

  /**
   * Runs a secret check within the bound, or refuses at once (Retry-After 1) when the address
   * already has its share running or too many checks are waiting.
   */
  async check<T>(address: string, work: () => Promise<T>): Promise<{ value: T } | Refusal> {
    const running = this.#inFlight.get(address) ?? 0;
    if (running >= IN_FLIGHT_PER_ADDRESS || this.#checks.pendingCount >= this.#maxWaiting) {
      return { retryAfterSeconds: 1 };
    }
    this.#inFlight.set(address, running + 1);
    try {
      return { value: await this.#checks(work) };
    } finally {
      const left = (this.#inFlight.get(address) ?? 1) - 1;
      if (left === 0) this.#inFlight.delete(address);
      else this.#inFlight.set(address, left);
    }
  }
}

function failureKey(address: string, clientId: string): string {
  return `${address} ${clientId}`;
}
