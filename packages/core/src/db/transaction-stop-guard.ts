import { DatabaseOutageError, describeOutage } from './database-outage.ts';

/** One transaction the guard may have to end: how to interrupt the statement it is running. */
interface OpenTransaction {
  /** True once COMMIT has been sent: its outcome is the server's, and it is left to finish. */
  committing: boolean;
  /** Interrupts the running statement, if any, so the transaction rolls back promptly. */
  interrupt(): Promise<void>;
}

/**
 * What lets a stopping server promise "a write whose client saw an error did not commit": once
 * `stop()` is called, no transaction begins, no open transaction runs another statement or
 * commits (each rolls back instead), and running statements are interrupted. A COMMIT already
 * sent is left to finish, so its client gets the true outcome.
 */
export class TransactionStopGuard {
  #stopping = false;
  readonly #open = new Set<OpenTransaction>();

  get stopping(): boolean {
    return this.#stopping;
  }

  /** How many transactions are open now (for readiness and tests). */
  get openCount(): number {
    return this.#open.size;
  }

  refusal(): DatabaseOutageError {
    return new DatabaseOutageError('stopping', describeOutage('stopping'));
  }

  /** Throws once stopping: called where a transaction would begin, run a statement, or commit. */
  assertRunning(): void {
    if (this.#stopping) throw this.refusal();
  }

  /** Registers an open transaction; call the result when it has committed or rolled back. */
  track(transaction: OpenTransaction): () => void {
    this.#open.add(transaction);
    return () => this.#open.delete(transaction);
  }

  /** Refuses further work and interrupts what runs; commits already sent are left alone. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(
      [...this.#open].filter((transaction) => !transaction.committing).map((transaction) => transaction.interrupt()),
    );
  }
}
