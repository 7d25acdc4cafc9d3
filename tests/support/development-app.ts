import { loadAppConfig, SigningKeyStore } from '@ssp/core';
import { createLogger, createPlatformApp, type PlatformApp } from '@ssp/gateway';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

export interface DevelopmentApp {
  url: string;
  app: PlatformApp;
  db: TestDatabase;
  keys: SigningKeyStore;
  close(): Promise<void>;
}

/**
 * The platform as a developer's `pnpm start` runs it (NODE_ENV=development: GraphiQL on), on this
 * test file's database copy, quiet. With `signingKeysFile`, its keys are that file's, so tokens
 * `pnpm cli token` mints with the same file are accepted, as on a developer's machine.
 */
export async function startDevelopmentApp(options: { signingKeysFile?: string } = {}): Promise<DevelopmentApp> {
  const db = await openTestDatabase();
  const keys = options.signingKeysFile
    ? await SigningKeyStore.openFile(options.signingKeysFile)
    : await SigningKeyStore.createInMemory();
  const app = await createPlatformApp(loadAppConfig({ NODE_ENV: 'development' }), {
    database: db.database,
    keys,
    logger: createLogger(loadAppConfig({ NODE_ENV: 'test' })),
  });
  const url = await app.http.listen(0, '127.0.0.1');
  return {
    url,
    app,
    db,
    keys,
    close: async () => {
      await app.http.close(1_000);
      await db.close();
    },
  };
}
