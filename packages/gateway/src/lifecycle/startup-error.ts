/** A start-up failure an operator can act on from its one line (no stack trace is printed). */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
