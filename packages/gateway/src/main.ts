// `pnpm start`: migrate, seed, serve, and say how to get a token.
import { DatabaseStartupError, loadAppConfig } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import { lockDataFolder } from './lifecycle/data-folder-lock.ts';
import { gracefulStop } from './lifecycle/graceful-stop.ts';
import { watchParent } from './lifecycle/parent-watch.ts';
import { assertPortFree, portInUseError } from './lifecycle/port-check.ts';
import { StartupError } from './lifecycle/startup-error.ts';
import { createPlatformApp } from './platform-app.ts';
import { startBanner } from './start-banner.ts';

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

  // GraphiQL follows the same rule as createPlatformApp's `graphiql` flag.
  const graphiql = config.environment === 'development';
  // The banner never shares a stream with the logs: production logs are JSON on stdout (for a
  // log collector), development logs are pretty on stderr.
  const bannerStream = config.environment === 'development' ? process.stdout : process.stderr;
  bannerStream.write(startBanner({ url, config, graphiql }));

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
