import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements the application sends, so tests and benchmarks can check that a
 * request costs a number of statements fixed by the shape of its query, not by its rows.
 */
export class StatementCounter implements Logger {
  #count = 0;

  get count(): number {
    return this.#count;
  }

  #recording: string[] | null = null;
  #recordingWithParameters: { text: string; parameters: unknown[] }[] | null = null;

  logQuery(query: string, parameters: unknown[] = []): void {
    this.#count += 1;
    this.#recording?.push(query);
    this.#recordingWithParameters?.push({ text: query, parameters });
  }

  /** Counts the statements `work` sends (meaningful when nothing else runs meanwhile). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.#count;
    const result = await work();
    return { result, statements: this.#count - before };
  }

  /** The text of each statement `work` sends, in order (meaningful when nothing else runs meanwhile). */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const recording: string[] = [];
    this.#recording = recording;
    try {
      return { result: await work(), statements: recording };
    } finally {
      this.#recording = null;
    }
  }

  /**
   * Each statement `work` sends with its bound parameters, in order, so a test can EXPLAIN it as
   * sent (meaningful when nothing else runs meanwhile).
   */
  async recordWithParameters<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; statements: { text: string; parameters: unknown[] }[] }> {
    const recording: { text: string; parameters: unknown[] }[] = [];
    this.#recordingWithParameters = recording;
    try {
      return { result: await work(), statements: recording };
    } finally {
      this.#recordingWithParameters = null;
    }
  }
}
