import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What happened to one HTTP request, gathered while it runs, so that a failed request leaves
 * exactly one log line (with its id) however deep the failure was: the GraphQL layer masks
 * unexpected errors for the client and notes them here, where the HTTP layer logs them.
 */
export interface RequestOutcome {
  requestId: string;
  /** Errors masked for the client ("Unexpected error."), in full for the log. */
  unexpectedErrors: unknown[];
  /** Why the request was refused or failed, in a few words, when the status alone does not say. */
  reason: string | null;
}

const outcomes = new AsyncLocalStorage<RequestOutcome>();

export function runWithOutcome<T>(outcome: RequestOutcome, work: () => T): T {
  return outcomes.run(outcome, work);
}

/** The outcome of the request this code runs for, if it runs for one. */
export function currentOutcome(): RequestOutcome | undefined {
  return outcomes.getStore();
}

/** Records an error the client will only see masked. */
export function noteUnexpectedError(error: unknown): void {
  currentOutcome()?.unexpectedErrors.push(error);
}

/** Records why the request is being refused. */
export function noteReason(reason: string): void {
  const outcome = currentOutcome();
  if (outcome) outcome.reason ??= reason;
}
