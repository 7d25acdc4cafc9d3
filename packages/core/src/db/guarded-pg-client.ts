import pg from 'pg';
import type { TransactionStopGuard } from './transaction-stop-guard.ts';

/** The first keyword of a statement, lower-cased (`begin`, `commit`, `select`...). */
function leadingKeyword(text: string): string {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase() ?? '';
}

function statementText(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as { text?: unknown }).text === 'string') {
    return (first as { text: string }).text;
  }
  return '';
}

/**
 * A `pg.Client` for the pools, with two duties the driver does not take on:
 * - it follows its transaction (BEGIN to COMMIT/ROLLBACK) for the stop guard, which may then
 *   refuse its next statement or its COMMIT (so it rolls back) and interrupt what it runs;
 * - when a query gets no answer within `query_timeout` (a hung server or network), it closes
 *   the connection: the statement may still be queued on it, and the ROLLBACK that follows
 *   would wait behind it; a closed connection makes the server roll the transaction back.
 */
export function guardedPgClient(
  guard: TransactionStopGuard,
  interruptBackend: (processId: number) => Promise<void>,
): new () => pg.ClientBase {
  class GuardedPgClient extends pg.Client {
    #untrack: (() => void) | null = null;
    #open: { committing: boolean; interrupt(): Promise<void> } | null = null;
    #running = 0;

    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this passes them on.
    override query(...args: any[]): any {
      const keyword = leadingKeyword(statementText(args[0]));
      const inTransaction = this.#open !== null;
      if (guard.stopping && keyword !== 'rollback' && (inTransaction || keyword === 'begin')) {
        const refusal = guard.refusal();
        const callback = args.findLast((arg) => typeof arg === 'function') as ((error: Error) => void) | undefined;
        if (callback) {
          process.nextTick(() => callback(refusal));
          return undefined;
        }
        return Promise.reject(refusal);
      }
      if (keyword === 'begin' && !inTransaction) {
        const open = {
          committing: false,
          interrupt: () => (this.#running > 0 ? interruptBackend(this.#processId()) : Promise.resolve()),
        };
        this.#open = open;
        this.#untrack = guard.track(open);
      }
      const ending = keyword === 'commit' || keyword === 'rollback';
      if (keyword === 'commit' && this.#open) this.#open.committing = true;
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      const result: any = (super.query as (...passed: any[]) => any)(...args);
      if (!(result instanceof Promise)) return result;
      this.#running += 1;
      const settled = (error?: unknown) => {
        this.#running -= 1;
        if (ending) {
          this.#untrack?.();
          this.#untrack = null;
          this.#open = null;
        }
        if (error instanceof Error && error.message === 'Query read timeout') this.#close();
      };
      result.then(() => settled(), settled);
      return result;
    }

    /** The backend's process id (pg keeps it, untyped, from the start-up handshake). */
    #processId(): number {
      return (this as unknown as { processID: number }).processID;
    }

    // A connection closed mid-transaction leaves nothing for the guard to wait for: the server
    // rolls the transaction back when it sees the connection go.
    #close(): void {
      this.#untrack?.();
      this.#untrack = null;
      this.#open = null;
      (this.end() as Promise<void>).catch(() => undefined);
    }
  }
  return GuardedPgClient as unknown as new () => pg.ClientBase;
}
