import { DatabaseOutageError, describeOutage } from '@ssp/core';

export interface AdmissionLimits {
  /** Requests that may run at once. */
  concurrency: number;
  /** How long a request may wait for its turn. */
  queueTimeoutMs: number;
  /** How many may wait at once; past it a request is refused at once. */
  queueLimit: number;
}

interface Waiter {
  admit(): void;
  refuse(error: DatabaseOutageError): void;
}

/**
 * Lets a bounded number of requests use the database at once and queues the rest in arrival
 * order, each within a deadline. A request that cannot get its turn in time is refused as busy
 * (503 with Retry-After) instead of waiting on the pool and failing as a 500. (p-limit and
 * p-queue bound concurrency but neither refuses a waiter past a deadline.)
 */
export class AdmissionGate {
  #running = 0;
  readonly #waiting: Waiter[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  /** Requests are waiting for a turn: the server is busy. */
  get saturated(): boolean {
    return this.#waiting.length > 0;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves with the function that gives the turn back, or throws a busy DatabaseOutageError. */
  async enter(): Promise<() => void> {
    if (this.#running < this.limits.concurrency) {
      this.#running += 1;
      return this.#release();
    }
    if (this.#waiting.length >= this.limits.queueLimit) {
      throw new DatabaseOutageError('busy', describeOutage('busy'));
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
        refuse: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.#remove(waiter);
        reject(new DatabaseOutageError('busy', describeOutage('busy')));
      }, this.limits.queueTimeoutMs);
      this.#waiting.push(waiter);
    });
    // The turn was handed over by the request that left (`#running` unchanged).
    return this.#release();
  }

  /** Refuses everyone still waiting (a stopping server), with the given reason. */
  refuseWaiting(error: DatabaseOutageError): void {
    for (const waiter of this.#waiting.splice(0)) waiter.refuse(error);
  }

  #release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next.admit();
      else this.#running -= 1;
    };
  }

  #remove(waiter: Waiter): void {
    const index = this.#waiting.indexOf(waiter);
    if (index >= 0) this.#waiting.splice(index, 1);
  }
}
