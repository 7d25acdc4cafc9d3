import type { AppConfig } from '@ssp/core';

/** The example the banner offers: a partner's first call, with a token minted for it. */
export const BANNER_EXAMPLE_QUERY = '{ viewer { subject roles organisation { name } } }';

/** A shell command pasted from the banner: one token, one call. */
export function bannerExample(url: string): string[] {
  const body = JSON.stringify({ query: BANNER_EXAMPLE_QUERY });
  return [
    'TOKEN=$(pnpm --silent cli token --organisation lancashire-county-council --role requester --ttl 8h)',
    `curl -s ${url}/graphql -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '${body}'`,
  ];
}

/**
 * What `pnpm start` prints for a person once the API listens: where everything is and a call to
 * paste, on a stream of its own (the logs use the other one).
 */
export function startBanner(options: { url: string; config: AppConfig; graphiql: boolean }): string {
  const { url, config } = options;
  const where = config.databaseUrl
    ? 'the PostgreSQL server at DATABASE_URL'
    : `embedded PGlite (${config.pgliteDataDir})`;
  return [
    '',
    `Shared services platform API (NODE_ENV=${config.environment}) on ${where}`,
    config.environment === 'development'
      ? '  Development mode: GraphiQL and field suggestions on (NODE_ENV=production turns them off).'
      : '  Production-safe mode: no GraphiQL, no field suggestions (NODE_ENV=development turns them on).',
    '',
    `  Start here:  ${url}/`,
    `  GraphQL:     ${url}/graphql${options.graphiql ? '   (open it in a browser for GraphiQL)' : ''}`,
    `  Schema:      ${url}/schema.graphql   (send a token)`,
    `  JWKS:        ${url}/.well-known/jwks.json`,
    `  Tokens:      ${url}/oauth/token   (client credentials)`,
    `  Health:      ${url}/healthz, ${url}/readyz`,
    `  Guide:       ${url}/docs/partner-guide.md`,
    '',
    'Try it (in another terminal; pnpm cli orgs and pnpm cli roles list what a token can be for):',
    '',
    ...bannerExample(url).map((line) => `  ${line}`),
    '',
    `Tokens last ${config.tokenTtlSeconds / 60} minutes unless minted with --ttl (up to 24h). Stop with Ctrl+C.`,
    '',
  ].join('\n');
}
