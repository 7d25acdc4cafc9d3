import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startTestApp, type TestApp } from './test-app.ts';

/** One line the app's pino logger wrote, parsed. */
export interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  status?: number | null;
  reason?: string;
  [key: string]: unknown;
}

export interface LoggedTestApp extends TestApp {
  /** Every line logged so far. */
  logLines(): LogLine[];
}

/**
 * The whole platform on a free port over this file's database copy, as startTestApp, with
 * settings from `environment` and its logger's output kept for the test to read.
 */
export async function startLoggedTestApp(environment: Record<string, string> = {}): Promise<LoggedTestApp> {
  const lines: LogLine[] = [];
  let pending = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        lines.push(JSON.parse(pending.slice(0, newline)) as LogLine);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
  const api = await startTestApp(environment, { logger: pino({ level: 'info' }, sink) });
  return { ...api, logLines: () => [...lines] };
}
