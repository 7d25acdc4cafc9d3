import type { GraphQLResolveInfo } from 'graphql';
import { mayReadRow, mayReadType, readRuleOfType } from '../auth/read-access.ts';
import { tryDecodeGlobalId } from './global-id.ts';
import type { RequestContext } from './request-context.ts';

// @pothos/plugin-drizzle rejects a node it cannot load with this message. Under row-level
// security "not loaded" means "does not exist or is not yours", which Relay answers with null.
const NODE_NOT_FOUND = /^Model \w+\(.*\) not found$/;

/**
 * One object for `node`/`nodes`, or null: null when the id is malformed or names no Node type,
 * when the caller's roles may not read the type (decided before any SQL), when the object does
 * not exist or row-level security hides it, and when the type's rule refuses this row. All look
 * the same to the caller: "does not exist or is not yours to see".
 */
export async function readableNode(
  globalId: string,
  context: RequestContext,
  info: GraphQLResolveInfo,
  load: () => unknown,
): Promise<unknown> {
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded) return null;
  const rule = readRuleOfType(info, decoded.typename);
  // A Node type without a rule is read by nobody: the schema test names the type that lacks one.
  if (!rule || !mayReadType(rule, context.actor)) return null;
  let node: unknown;
  try {
    node = await load();
  } catch (error) {
    if (error instanceof Error && NODE_NOT_FOUND.test(error.message)) return null;
    throw error;
  }
  if (node === null || node === undefined) return null;
  return mayReadRow(rule, context.actor, node) ? node : null;
}
