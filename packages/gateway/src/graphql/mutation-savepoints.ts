import { isDomainError, type RequestContext, readCompiledPayloads } from '@ssp/core';
import type { GraphQLSchema } from 'graphql';

/** Raised inside a savepoint to undo a mutation that answered with a typed error. */
class UndoMutation extends Error {}

/**
 * Runs every mutation field in a savepoint of the request's transaction, and rolls the savepoint
 * back when the mutation answers with a typed error (a payload union member, not a thrown error):
 * whatever it wrote before failing is undone, so bad input changes nothing, whichever step of a
 * mutation found it bad. Later mutations of the same operation still run.
 */
export function runMutationsInSavepoints(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = async (root, args, context: RequestContext, info) => {
      const outer = context.transaction;
      // Anonymous calls have no transaction; the field's own auth check refuses them.
      if (!outer) return resolve(root, args, context, info);
      let value: unknown;
      try {
        await outer.transaction(async (savepoint) => {
          context.transaction = savepoint;
          value = await resolve(root, args, context, info);
          if (isDomainError(value)) throw new UndoMutation();
          // The payload objects the selection compiler answers are read before the release
          // (a mutation run outside an operation, without a path, has none planned).
          const rootKey = info?.path?.key;
          if (rootKey !== undefined) await readCompiledPayloads(context, String(rootKey), value);
        });
      } catch (error) {
        if (!(error instanceof UndoMutation)) throw error;
      } finally {
        context.transaction = outer;
      }
      return value;
    };
  }
  return schema;
}
