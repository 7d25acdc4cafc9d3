/** Shopify's `throttleStatus`: how big a bucket is, how full now, and how fast it refills. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Buckets that have sat full this long are forgotten (a full bucket and no bucket are the same). */
const SWEEP_EVERY_TAKES = 1_000;

/**
 * One leaky bucket per key: each key starts full, a request takes its cost out, and points flow
 * back at `restorePerSecond` up to `capacity`. Kept in this process: with one server process that
 * is the whole budget; several processes would each keep their own (a shared store then).
 * rate-limiter-flexible counts fixed windows; this budget restores continuously, as Shopify's does,
 * which is what `currentlyAvailable` and `restoreRate` describe to a client.
 */
export class LeakyBuckets {
  readonly #levels = new Map<string, { available: number; at: number }>();
  #takes = 0;

  constructor(
    readonly capacity: number,
    readonly restorePerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The points `key` has now. */
  available(key: string): number {
    const level = this.#levels.get(key);
    if (!level) return this.capacity;
    const restored = ((this.now() - level.at) / 1000) * this.restorePerSecond;
    return Math.min(this.capacity, level.available + restored);
  }

  status(key: string): ThrottleStatus {
    return {
      maximumAvailable: this.capacity,
      currentlyAvailable: Math.floor(this.available(key)),
      restoreRate: this.restorePerSecond,
    };
  }

  /** Seconds until `key` holds `cost` points (0: it does now). */
  secondsUntil(key: string, cost: number): number {
    const missing = cost - this.available(key);
    return missing <= 0 ? 0 : missing / this.restorePerSecond;
  }

  /** Takes `cost` points from `key`; the caller checked `secondsUntil` first. */
  take(key: string, cost: number): void {
    this.#levels.set(key, { available: this.available(key) - cost, at: this.now() });
    this.#takes += 1;
    if (this.#takes % SWEEP_EVERY_TAKES === 0) this.#sweep();
  }

  #sweep(): void {
    for (const key of this.#levels.keys()) {
      if (this.available(key) >= this.capacity) this.#levels.delete(key);
    }
  }
}
