import { Writable } from 'node:stream';
import { loadAppConfig, SigningKeyStore } from '@ssp/core';
import { createPlatformApp, type PlatformApp } from '@ssp/gateway';
import { seedOrganisationId } from '@ssp/seeds';
import { pino } from 'pino';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

/** One line the app's pino logger wrote, parsed. */
export interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  status?: number | null;
  reason?: string;
  [key: string]: unknown;
}

export interface LoggedTestApp {
  url: string;
  app: PlatformApp;
  db: TestDatabase;
  /** Every line logged so far. */
  logLines(): LogLine[];
  tokenFor(slug: string, roles: ('requester' | 'tenant_admin')[], subject?: string): Promise<string>;
  close(): Promise<void>;
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
  const db = await openTestDatabase();
  const keys = await SigningKeyStore.createInMemory();
  const logger = pino({ level: 'info' }, sink);
  const app = await createPlatformApp(loadAppConfig({ NODE_ENV: 'test', ...environment }), {
    database: db.database,
    keys,
    logger,
  });
  const url = await app.http.listen(0, '127.0.0.1');
  return {
    url,
    app,
    db,
    logLines: () => [...lines],
    tokenFor: async (slug, roles, subject) =>
      (
        await app.issuer.issue({
          subject: subject ?? `test:${roles.join('+')}@${slug}`,
          organisationId: seedOrganisationId(slug),
          roles,
        })
      ).accessToken,
    close: async () => {
      await app.http.close(1_000);
      await db.close();
    },
  };
}
