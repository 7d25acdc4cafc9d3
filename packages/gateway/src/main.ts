// `pnpm start`: migrate, seed, serve, and say how to get a token.
import { loadAppConfig } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import { createPlatformApp } from './platform-app.ts';

const config = loadAppConfig();
const app = await createPlatformApp(config);
const seeded = await loadSeedData(app.database);
app.logger.info(seeded, 'seed data loaded');
const url = await app.http.listen(config.port, config.host);

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
