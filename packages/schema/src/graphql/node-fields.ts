import { resolveNodes } from '@pothos/plugin-relay';
import { compiledNodeReadExtension, readableNode, tryDecodeGlobalId } from '@ssp/core';
import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

const MAX_NODES = 100;

// Relay's `node` and `nodes`, answered through each type's read rule (auth/read-access.ts), so
// that they give exactly what the list fields give. The ids are plain strings here (the relay
// plugin's own fields parse them first and fail on a malformed one): a malformed id, an id of a
// type that is not a Node and an id the caller may not read all answer null.

/** Loads one object by its global id with the relay plugin's loaders (the drizzle model loaders batch). */
function loadNode(context: object, info: Parameters<typeof resolveNodes>[2], globalId: string): Promise<unknown> {
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded) return Promise.resolve(null);
  return resolveNodes(builder, context, info, [decoded]).then((nodes) => nodes[0]);
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      'Fetches any object by its global id; null when it does not exist or is not yours to see (an id that is malformed or names no object type answers null too).',
    args: { id: t.arg.id({ required: true, description: 'The global id of the object.' }) },
    // A query the selection compiler takes reads a drizzle type's object by id in its statement.
    extensions: compiledNodeReadExtension({ argument: 'id' }),
    resolve: (_root, { id }, context, info) => readableNode(id, context, info, () => loadNode(context, info, id)),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Fetches objects by their global ids, in order; null for each one `node` would answer null for.',
    args: { ids: t.arg.idList({ required: true, description: 'The global ids of the objects (at most 100).' }) },
    extensions: compiledNodeReadExtension({ argument: 'ids', most: MAX_NODES }),
    resolve: (_root, { ids }, context, info) => {
      if (ids.length > MAX_NODES) throw new GraphQLError(`nodes takes at most ${MAX_NODES} ids`);
      // Each id on its own: one id the caller may not see must not blank the others. (The drizzle
      // model loaders still batch these into one statement per type.)
      return ids.map((id) => readableNode(id, context, info, () => loadNode(context, info, id)));
    },
  }),
}));
