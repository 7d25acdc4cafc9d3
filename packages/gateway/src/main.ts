// `pnpm start`: migrate, seed, serve, and say how to get a token.
import { DatabaseStartupError, loadAppConfig } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import { lockDataFolder } from './lifecycle/data-folder-lock.ts';
import { gracefulStop } from './lifecycle/graceful-stop.ts';
import { watchParent } from './lifecycle/parent-watch.ts';
import { assertPortFree, portInUseError } from './lifecycle/port-check.ts';
import { StartupError } from './lifecycle/startup-error.ts';
import { createPlatformApp } from './platform-app.ts';

async function start(): Promise<void> {
  const config = loadAppConfig();
  // Both checks come before migrating or seeding: a second server must change nothing.
  await assertPortFree(config.host, config.port);
  const unlock = config.databaseUrl
    ? async () => {}
    : await lockDataFolder(config.pgliteDataDir, (error) => {
        process.stderr.write(`The data folder lock was lost (${error.message}); stopping\n`);
        process.exit(1);
      });
  const app = await createPlatformApp(config);
  const seeded = await loadSeedData(app.database);
  app.logger.info(seeded, 'seed data loaded');
  const url = await app.http.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? portInUseError(config.host, config.port, error) : error;
  });

  const where = config.databaseUrl
    ? 'the PostgreSQL server at DATABASE_URL'
    : `embedded PGlite (${config.pgliteDataDir})`;
  process.stdout.write(
    [
      '',
      `Shared services platform API on ${where}`,
      `  Mode:      ${config.environment}${config.environment === 'development' ? ' (GraphiQL and suggestions on: set NODE_ENV=production to turn them off)' : ' (production-safe: no GraphiQL, no suggestions)'}`,
      `  GraphQL:   ${url}/graphql${config.environment === 'development' ? ' (GraphiQL in the browser)' : ''}`,
      `  JWKS:      ${url}/.well-known/jwks.json`,
      `  Health:    ${url}/healthz, ${url}/readyz`,
      '',
      'A token to try it with (in another terminal):',
      '  pnpm cli token --organisation lancashire-county-council --role tenant_admin',
      'then send it as "Authorization: Bearer <token>".',
      '',
    ].join('\n'),
  );

  const stop = gracefulStop(app, { drainMs: config.shutdownDrainMs, graceMs: config.shutdownGraceMs }, unlock);
  const stopAndExit = (reason: Parameters<typeof stop>[0]) =>
    stop(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAndExit(signal));
  // `pnpm start` does not pass SIGTERM on: if it exits without us, stop as if we had it.
  watchParent(() => stopAndExit('parent exited'));
}

start().catch((error: unknown) => {
  // Failures an operator can act on are one line; anything else keeps its stack.
  const known =
    error instanceof StartupError ||
    error instanceof DatabaseStartupError ||
    (error instanceof Error && error.message.startsWith('Invalid configuration'));
  process.stderr.write(
    `Cannot start: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
