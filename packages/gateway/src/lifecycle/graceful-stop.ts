import type { Logger } from 'pino';

export interface StoppableApp {
  logger: Logger;
  http: { close(graceMs?: number, drainMs?: number): Promise<void> };
  database: { close(): Promise<void> };
}

export interface StopSettings {
  /** After SIGTERM, how long the listener keeps accepting while readiness fails. */
  drainMs: number;
  /** Then how long accepted requests get before what still runs is rolled back. */
  graceMs: number;
}

/** Why the server stops: a signal, or the process that started it has gone. */
export type StopReason = 'SIGTERM' | 'SIGINT' | 'parent exited';

/**
 * The one stop sequence (main.ts runs it on a signal; tests drive it the same way): drain,
 * grace, roll back what remains, close the database, then let go of the rest (the data folder
 * lock). Ctrl-C (SIGINT) means a developer at a terminal: no drain. Runs once.
 */
export function gracefulStop(
  app: StoppableApp,
  settings: StopSettings,
  releaseAfter: () => Promise<void> = async () => {},
) {
  let stopping: Promise<void> | null = null;
  return (reason: StopReason): Promise<void> => {
    stopping ??= (async () => {
      const drainMs = reason === 'SIGINT' ? 0 : settings.drainMs;
      app.logger.info({ reason, drainMs, graceMs: settings.graceMs }, 'stopping');
      await app.http.close(settings.graceMs, drainMs);
      await app.database.close();
      await releaseAfter();
      app.logger.info({ reason }, 'stopped');
    })();
    return stopping;
  };
}
