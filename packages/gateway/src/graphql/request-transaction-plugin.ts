import {
  AuthenticationError,
  answerCompiledRead,
  compiledReadStatements,
  compileRead,
  type PlatformDatabase,
  type RequestContext,
} from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import { readAsActor, runAsActor } from '@ssp/tenants';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
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
 * A query the selection compiler answers whole, planned for the caller the token presumes and
 * sent with the transaction's set-up: one round trip. Null when it cannot be answered so.
 */
function readInOneRoundTrip(
  database: PlatformDatabase,
  args: ExecutionArgs,
  context: RequestContext,
): Promise<{ answer: ExecutionResult } | null> {
  return readAsActor(database, context.principal!, (presumed) => {
    const compiled = compileRead(args, presumed, platformSchema.relations);
    if (!compiled) return null;
    return {
      reads: compiledReadStatements(compiled, presumed.organisationId),
      answer: (actor, rows) => {
        context.actor = actor;
        return answerCompiledRead(compiled, rows, args, context);
      },
    };
  });
}

/**
 * Runs each authenticated operation in one database transaction as its caller: the caller is
 * confirmed by the transaction's first statement and every resolver reads through it, so
 * row-level security sees one tenant context for the whole request. An operation that ends with
 * errors rolls back: bad input changes nothing. A query the selection compiler answers whole
 * goes with the set-up in one round trip instead (`readAsActor`).
 */
export function requestTransactionPlugin(database: PlatformDatabase): Plugin<RequestContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as RequestContext;
      const principal = context.principal;
      if (!principal) return;
      setExecuteFn(async (executionArgs) => {
        try {
          const read = await readInOneRoundTrip(database, executionArgs, context);
          if (read) return read.answer;
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
