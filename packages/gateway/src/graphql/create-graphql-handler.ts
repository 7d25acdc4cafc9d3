import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { isDomainError, type PlatformDatabase, type Principal, type RequestContext } from '@ssp/core';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { compiledReadsPlugin } from './compiled-reads-plugin.ts';
import { platformSchema } from './platform-schema.ts';
import { requestTransactionPlugin } from './request-transaction-plugin.ts';
import { withoutSuggestionsPlugin } from './without-suggestions-plugin.ts';

/** What the HTTP layer hands the GraphQL handler for each request. */
export interface GraphqlServerContext {
  requestId: string;
  principal: Principal | null;
}

/**
 * A typed domain error that reaches the top level (a query field without a payload union) keeps
 * its message and gets its code; anything else is masked as "Unexpected error.".
 */
function domainErrorsUnmasked(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof GraphQLError && isDomainError(original)) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: original.code },
    });
  }
  return maskError(error, message, isDev);
}

/** The query limits, checked while validating, before any resolver runs. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  // graphql-armor's static estimate (objects 2, scalars 1, x1.5 per level); the 100-organisation page with
  // parents and children costs ~18,500. It does not read `first`: page sizes are capped at 100.
  maxCost: 30_000,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

export function createGraphqlHandler(options: {
  database: PlatformDatabase;
  logger: Logger;
  graphiql: boolean;
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
    graphiql: options.graphiql ? { title: 'Shared services platform' } : false,
    landingPage: false,
    // Unexpected errors become "Unexpected error." with no SQL, stack or host; typed errors and
    // GraphQLErrors we raise on purpose pass through.
    maskedErrors: { isDev: false, maskError: domainErrorsUnmasked },
    batching: false,
    logging: {
      debug: (...args) => options.logger.debug(args),
      info: (...args) => options.logger.info(args),
      warn: (...args) => options.logger.warn(args),
      error: (...args) => options.logger.error(args),
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
      costLimitPlugin({ maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, ...rejectQuietly }),
      ...(options.graphiql ? [] : [blockFieldSuggestionsPlugin(), withoutSuggestionsPlugin()]),
      // Before the transaction plugin: its execution runs inside the request's transaction.
      compiledReadsPlugin(),
      requestTransactionPlugin(options.database),
    ],
  });
}
