import {
  type AppConfig,
  JWKS_CACHE_SECONDS,
  openDatabase,
  type PlatformDatabase,
  SigningKeyStore,
  TokenIssuer,
  TokenVerifier,
} from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { findIdentityProvider } from '@ssp/tenants';
import { type Logger, pino } from 'pino';
import { createPlatformServer, type PlatformServer } from './http/platform-server.ts';
import { createRequestLimits } from './limits/request-limits.ts';

export interface PlatformApp {
  config: AppConfig;
  database: PlatformDatabase;
  keys: SigningKeyStore;
  issuer: TokenIssuer;
  verifier: TokenVerifier;
  http: PlatformServer;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * JSON lines on stdout in production (for a log collector); in development pino's own
 * `pino-pretty` transport prints them readably on stderr, apart from the start banner on stdout.
 */
export function createLogger(config: AppConfig): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? (config.environment === 'test' ? 'silent' : 'info'),
    redact: ['req.headers.authorization', 'headers.authorization', '*.client_secret'],
  };
  if (config.environment !== 'development') return pino(options);
  return pino({
    ...options,
    transport: { target: 'pino-pretty', options: { destination: 2, colorize: process.stderr.isTTY ?? false } },
  });
}

/**
 * Wires the platform together. Tests pass their own database (a per-file copy of a migrated
 * template) and key store; `pnpm start` lets it open the configured ones.
 */
export async function createPlatformApp(
  config: AppConfig,
  overrides: { database?: PlatformDatabase; keys?: SigningKeyStore; logger?: Logger } = {},
): Promise<PlatformApp> {
  const logger = overrides.logger ?? createLogger(config);
  const database =
    overrides.database ??
    (await openDatabase(config, platformSchema, {
      onPoolError: (error) => logger.warn({ err: error }, 'database connection lost'),
      onPlatformWork: (purpose) => logger.info({ platformWork: purpose }, 'partnership-wide work'),
      onConnectRetry: (failure) =>
        logger.warn(failure, `database not reachable (attempt ${failure.attempt} of ${failure.attempts}); retrying`),
    }));
  const keys = overrides.keys ?? (await SigningKeyStore.openFile(config.signingKeysFile));
  const issuer = new TokenIssuer({
    keys,
    issuer: config.tokenIssuer,
    audience: config.tokenAudience,
    ttlSeconds: config.tokenTtlSeconds,
    maxTtlSeconds: config.tokenMaxLifetimeSeconds,
  });
  const verifier = new TokenVerifier({
    keys,
    issuer: config.tokenIssuer,
    audience: config.tokenAudience,
    findIdentityProvider: (iss) => findIdentityProvider(database, iss),
    maxLifetimeSeconds: config.tokenMaxLifetimeSeconds,
  });
  const http = createPlatformServer({
    database,
    keys,
    issuer,
    verifier,
    logger,
    graphiql: config.environment === 'development',
    jwksCacheSeconds: JWKS_CACHE_SECONDS,
    limits: createRequestLimits(config),
    serverLimits: {
      maxBodyBytes: config.maxRequestBodyBytes,
      concurrency: config.requestConcurrency,
      queueTimeoutMs: config.requestQueueTimeoutMs,
      queueLimit: config.requestQueueLimit,
    },
  });
  return {
    config,
    database,
    keys,
    issuer,
    verifier,
    http,
    logger,
    close: async () => {
      await http.close();
      await database.close();
    },
  };
}
