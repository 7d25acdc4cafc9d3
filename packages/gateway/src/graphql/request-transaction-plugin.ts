import { AuthenticationError, type PlatformDatabase, type RequestContext } from '@ssp/core';
import { runAsActor } from '@ssp/tenants';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Thrown to roll a request's transaction back while still answering with its result. */
class RollBack {
  constructor(readonly result: ExecutionResult) {}
}

export function unauthenticatedError(error: AuthenticationError): GraphQLError {
  return new GraphQLError(`Unauthenticated: ${error.description}`, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': error.wwwAuthenticate } },
    },
  });
}

/**
 * Runs each authenticated operation in one database transaction as its caller: the caller is
 * confirmed by the transaction's first statement and every resolver reads through it, so
 * row-level security sees one tenant context for the whole request. An operation that ends with
 * errors rolls back: bad input changes nothing.
 */
export function requestTransactionPlugin(database: PlatformDatabase): Plugin<RequestContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as RequestContext;
      const principal = context.principal;
      if (!principal) return;
      setExecuteFn(async (executionArgs) => {
        try {
          return await runAsActor(database, principal, async (tx, actor) => {
            context.transaction = tx;
            context.actor = actor;
            try {
              const result = (await executeFn(executionArgs)) as ExecutionResult;
              if (result.errors?.length) throw new RollBack(result);
              return result;
            } finally {
              context.transaction = null;
            }
          });
        } catch (error) {
          if (error instanceof RollBack) return error.result;
          if (error instanceof AuthenticationError) return { errors: [unauthenticatedError(error)] };
          throw error;
        }
      });
    },
  };
}
