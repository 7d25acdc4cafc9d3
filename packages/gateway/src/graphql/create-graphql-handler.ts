import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { isDomainError, type PlatformDatabase, type Principal, type RequestContext, ValidationError } from '@ssp/core';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { graphiqlOptions } from '../http/graphiql-examples.ts';
import { renderLocalGraphiQL } from '../http/render-local-graphiql.ts';
import { noteUnexpectedError } from '../http/request-outcome.ts';
import { serviceUnavailableError } from '../http/service-unavailable.ts';
import { introspectionNeedsTokenPlugin } from '../limits/introspection-needs-token-plugin.ts';
import { queryCostPlugin } from '../limits/query-cost-plugin.ts';
import type { RequestLimits } from '../limits/request-limits.ts';
import { compiledReadsPlugin } from './compiled-reads-plugin.ts';
import { platformSchema } from './platform-schema.ts';
import { rejectNulBytesPlugin } from './reject-nul-bytes-plugin.ts';
import { requestTransactionPlugin } from './request-transaction-plugin.ts';
import { withoutSuggestionsPlugin } from './without-suggestions-plugin.ts';

/** What the HTTP layer hands the GraphQL handler for each request. */
export interface GraphqlServerContext {
  requestId: string;
  principal: Principal | null;
}

/**
 * A typed domain error that reaches the top level (a query field without a payload union) keeps
 * its message and gets its code and kind (docs/errors.md); anything else is masked as
 * "Unexpected error.".
 */
function domainErrorsUnmasked(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof GraphQLError && isDomainError(original)) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: {
        code: original.code,
        kind: original.kind,
        ...(original instanceof ValidationError && original.field ? { field: original.field } : {}),
      },
    });
  }
  // A database outage (busy, down, timed out, stopping) is a 503 with Retry-After, not a 500.
  const unavailable = serviceUnavailableError(error);
  if (unavailable) return unavailable;
  noteUnexpectedError(error);
  return maskError(error, message, isDev);
}

/**
 * The document limits, checked while parsing and validating. The cost (page sizes and nesting,
 * read from the variables too) is priced next, before the request's transaction opens: see
 * `queryCostPlugin`.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

export function createGraphqlHandler(options: {
  database: PlatformDatabase;
  logger: Logger;
  graphiql: boolean;
  limits: RequestLimits;
}): YogaServerInstance<GraphqlServerContext, RequestContext> {
  // A limit breach is reported as a validation error (yoga then answers 400, as GraphQL over
  // HTTP asks), not thrown (which would answer 200 with no data).
  const rejectQuietly = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return createYoga<GraphqlServerContext, RequestContext>({
    schema: platformSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? graphiqlOptions() : false,
    // GraphiQL's code inlined from our own dependency: yoga's default page loads it from a CDN.
    renderGraphiQL: renderLocalGraphiQL,
    landingPage: false,
    // Unexpected errors become "Unexpected error." with no SQL, stack or host; typed errors and
    // GraphQLErrors we raise on purpose pass through.
    maskedErrors: { isDev: false, maskError: domainErrorsUnmasked },
    batching: false,
    // The HTTP layer has read the body already, within MAX_REQUEST_BODY_BYTES and before the
    // token (http/request-body.ts): yoga's own limit would only wrap those bytes in another
    // stream on every request.
    maxRequestBodySize: false,
    logging: {
      debug: (...args) => options.logger.debug(args),
      info: (...args) => options.logger.info(args),
      warn: (...args) => options.logger.warn(args),
      // Yoga logs every error it masks, without the request id; the HTTP layer logs each failed
      // request once, with its id and these errors (see http/request-outcome.ts).
      error: (...args) => options.logger.debug(args),
    },
    context: ({ requestId, principal }): RequestContext => ({
      requestId,
      principal,
      actor: null,
      transaction: null,
    }),
    plugins: [
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens }),
      maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...rejectQuietly }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases, ...rejectQuietly }),
      maxDirectivesPlugin({ n: QUERY_LIMITS.maxDirectives, ...rejectQuietly }),
      ...(options.graphiql ? [] : [blockFieldSuggestionsPlugin(), withoutSuggestionsPlugin()]),
      rejectNulBytesPlugin(),
      // Both before the request transaction: what they refuse sends no SQL.
      introspectionNeedsTokenPlugin(),
      queryCostPlugin(options.limits.queryCost, options.limits.budget),
      // After the cost plugin (priced first) and before the transaction plugin (it runs inside the
      // request's transaction).
      compiledReadsPlugin(),
      requestTransactionPlugin(options.database),
    ],
  });
}
