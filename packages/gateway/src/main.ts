// `pnpm start`: migrate, seed, serve, and say how to get a token.
import { loadAppConfig } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import { createPlatformApp } from './platform-app.ts';
import { startBanner } from './start-banner.ts';

const config = loadAppConfig();
const app = await createPlatformApp(config);
const seeded = await loadSeedData(app.database);
app.logger.info(seeded, 'seed data loaded');
const url = await app.http.listen(config.port, config.host);

// GraphiQL follows the same rule as createPlatformApp's `graphiql` flag.
const graphiql = config.environment === 'development';
// The banner never shares a stream with the logs: production logs are JSON on stdout (for a
// log collector), development logs are pretty on stderr.
const bannerStream = config.environment === 'development' ? process.stdout : process.stderr;
bannerStream.write(startBanner({ url, config, graphiql }));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'draining in-flight requests');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
