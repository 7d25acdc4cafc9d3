import { executeCompiledRead, executeMutationWithCompiledPayloads, type RequestContext } from '@ssp/core';
import { platformSchema } from '@ssp/schema';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Answers the queries the selection compiler takes with one SQL statement per root field
 * (`@ssp/core`'s `executeCompiledRead`), and the payload objects of a mutation it takes the same
 * way once the mutation has written (`executeMutationWithCompiledPayloads`); every other
 * operation goes to graphql's own execution unchanged. Listed before the request transaction plugin, so that its execution runs
 * inside the request's transaction, with the caller confirmed and the tenant context set.
 */
export function compiledReadsPlugin(): Plugin<RequestContext> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (executionArgs) => {
        const context = executionArgs.contextValue as RequestContext;
        const execute = async (args: typeof executionArgs) => (await executeFn(args)) as ExecutionResult;
        const compiled =
          (await executeCompiledRead(executionArgs, context, platformSchema.relations)) ??
          (await executeMutationWithCompiledPayloads(executionArgs, context, platformSchema.relations, execute));
        return compiled ?? (await execute(executionArgs));
      });
    },
  };
}
