// The shared kernel's public surface: config, database, auth, errors, money, fiscal years, calendars
// and the GraphQL pieces that know no domain (the builder itself is `@ssp/schema`'s).

export * from './auth/index.ts';
export * from './auth/mutation-caller.ts';
export * from './auth/read-access.ts';
export * from './auth/require-role.ts';
export * from './calendar/index.ts';
export * from './config/app-config.ts';
export * from './db/database-outage.ts';
export * from './db/embedded-database.ts';
export * from './db/insert-rows.ts';
export * from './db/like-pattern.ts';
export * from './db/migrate-database.ts';
export * from './db/migration-history.ts';
export * from './db/open-database.ts';
export * from './db/platform-database.ts';
export * from './db/platform-schema.ts';
export * from './db/query-rows.ts';
export * from './db/returning-as-stored.ts';
export * from './db/schema/index.ts';
export * from './db/server-database.ts';
export * from './db/statement-counter.ts';
export {
  admitNewTenants,
  beginRequest,
  type ReadRequest,
  type RequestCaller,
  type RequestSetUp,
  setTenantContext,
} from './db/tenant-context.ts';
export * from './errors/core-error-codes.ts';
export * from './errors/domain-error.ts';
export * from './errors/error-code.ts';
export * from './fiscal-year/index.ts';
export * from './graphql/enum-values.ts';
export * from './graphql/error-rule.ts';
export * from './graphql/field-cost.ts';
export * from './graphql/global-id.ts';
export * from './graphql/page-size.ts';
export * from './graphql/readable-node.ts';
export * from './graphql/request-context.ts';
export {
  executeMutationWithCompiledPayloads,
  readCompiledPayloads,
} from './graphql/selection-sql/compiled-mutation-payloads.ts';
export * from './graphql/selection-sql/compiled-root-read.ts';
export {
  answerCompiledRead,
  type CompiledOperation,
  compiledReadStatements,
  compileRead,
  executeCompiledRead,
} from './graphql/selection-sql/execute-compiled-read.ts';
export * from './graphql/unauthorized-error.ts';
export * from './idempotency/idempotency-key.ts';
export * from './idempotency/idempotent-insert.ts';
// Namespaced: its names (add, sum, compare, ZERO) are too generic to sit at the top level.
export * as money from './money/index.ts';
