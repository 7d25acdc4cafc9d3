import { z } from 'zod';

/** Everything the platform reads from its environment, parsed once and checked at start. */
const environmentSchema = z.object({
  /**
   * Anything but `development` is production-safe: no GraphiQL, no field suggestions. Unset means
   * production, so a server started without thinking about it is the safe one.
   */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  /** A PostgreSQL server to use instead of the embedded PGlite (migrations run as this user). */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded PGlite keeps its data between runs. */
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  /** The signing keys (a private JWKS) for the tokens this platform issues. */
  SIGNING_KEYS_FILE: z.string().default('.data/signing-keys.json'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The `iss` of the tokens this platform issues, and the `aud` it accepts on them. */
  TOKEN_ISSUER: z.string().default('https://shared-services.example/'),
  TOKEN_AUDIENCE: z.string().default('shared-services-api'),
  /** Lifetime of an access token, in seconds. */
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** The longest lifetime (exp - iat) a token may claim, ours or an identity provider's. */
  TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(604_800).default(86_400),
  /** The most a single GraphQL operation may cost (see the query cost in the README). */
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(20_000),
  /** Each API client's (or user's) query budget: its size and how many points return per second. */
  CALLER_BUDGET_POINTS: z.coerce.number().int().min(1).default(60_000),
  CALLER_BUDGET_RESTORE_PER_SECOND: z.coerce.number().positive().default(3_000),
  /** Each organisation's query budget, shared by all its callers. */
  TENANT_BUDGET_POINTS: z.coerce.number().int().min(1).default(200_000),
  TENANT_BUDGET_RESTORE_PER_SECOND: z.coerce.number().positive().default(10_000),
  /** `/oauth/token` requests one address may make per minute. */
  TOKEN_ENDPOINT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Wrong secrets one address may present for one client id before it is refused for 15 minutes. */
  TOKEN_ENDPOINT_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(10),
  /** Client secret checks (scrypt) running at once; more wait, a few at most, then get a 429. */
  TOKEN_ENDPOINT_CONCURRENT_CHECKS: z.coerce.number().int().min(1).max(64).default(4),
  /** statement_timeout for every database connection, in milliseconds. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Overload, faults and stopping.
  /** The largest request body accepted, in bytes; larger ones are a 413 before authentication. */
  MAX_REQUEST_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** GraphQL requests run at once (default: the pool size); the rest queue. */
  REQUEST_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** How long a request may queue for a turn before it is a 503 with Retry-After. */
  REQUEST_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** How many requests may queue at once; past it, a 503 at once. */
  REQUEST_QUEUE_LIMIT: z.coerce.number().int().min(0).default(2_000),
  /** Client-side limit on one query's answer (a hung server), in ms; default statement timeout + 5 s. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  /** After SIGTERM, how long the listener keeps accepting (readiness already failing), in ms. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(5_000),
  /** Then how long accepted requests may take to finish before open writes are rolled back, in ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Start-up: how many times to try reaching the database (with backoff) before giving up. */
  DATABASE_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).default(8),
});

export type AppConfig = {
  environment: 'development' | 'test' | 'production';
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  signingKeysFile: string;
  host: string;
  port: number;
  tokenIssuer: string;
  tokenAudience: string;
  tokenTtlSeconds: number;
  tokenMaxLifetimeSeconds: number;
  queryMaxCost: number;
  callerBudget: { points: number; restorePerSecond: number };
  tenantBudget: { points: number; restorePerSecond: number };
  tokenEndpoint: { requestsPerMinute: number; failuresPerClient: number; concurrentChecks: number };
  statementTimeoutMs: number;
  databasePoolSize: number;
  maxRequestBodyBytes: number;
  requestConcurrency: number;
  requestQueueTimeoutMs: number;
  requestQueueLimit: number;
  queryTimeoutMs: number;
  shutdownDrainMs: number;
  shutdownGraceMs: number;
  databaseConnectAttempts: number;
};

export function loadAppConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  if (env.TOKEN_TTL_SECONDS > env.TOKEN_MAX_LIFETIME_SECONDS) {
    throw new Error('Invalid configuration:\n  TOKEN_TTL_SECONDS is longer than TOKEN_MAX_LIFETIME_SECONDS');
  }
  return {
    environment: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    signingKeysFile: env.SIGNING_KEYS_FILE,
    host: env.HOST,
    port: env.PORT,
    tokenIssuer: env.TOKEN_ISSUER,
    tokenAudience: env.TOKEN_AUDIENCE,
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    tokenMaxLifetimeSeconds: env.TOKEN_MAX_LIFETIME_SECONDS,
    queryMaxCost: env.QUERY_MAX_COST,
    callerBudget: { points: env.CALLER_BUDGET_POINTS, restorePerSecond: env.CALLER_BUDGET_RESTORE_PER_SECOND },
    tenantBudget: { points: env.TENANT_BUDGET_POINTS, restorePerSecond: env.TENANT_BUDGET_RESTORE_PER_SECOND },
    tokenEndpoint: {
      requestsPerMinute: env.TOKEN_ENDPOINT_REQUESTS_PER_MINUTE,
      failuresPerClient: env.TOKEN_ENDPOINT_FAILURES_PER_CLIENT,
      concurrentChecks: env.TOKEN_ENDPOINT_CONCURRENT_CHECKS,
    },
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES,
    requestConcurrency: env.REQUEST_CONCURRENCY ?? env.DATABASE_POOL_SIZE,
    requestQueueTimeoutMs: env.REQUEST_QUEUE_TIMEOUT_MS,
    requestQueueLimit: env.REQUEST_QUEUE_LIMIT,
    queryTimeoutMs: env.QUERY_TIMEOUT_MS ?? env.STATEMENT_TIMEOUT_MS + 5_000,
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    databaseConnectAttempts: env.DATABASE_CONNECT_ATTEMPTS,
  };
}
