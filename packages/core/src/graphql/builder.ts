import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { MembershipRole } from '../auth/principal.ts';
import { type PlatformRelations, relations } from '../db/relations.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/domain-error.ts';
import { decodeGlobalId, encodeGlobalId } from './global-id.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.ts';
import { type RequestContext, requestTransaction } from './request-context.ts';
import { scopeAuthError } from './unauthorized-error.ts';

export interface PlatformSchemaTypes {
  Context: RequestContext;
  DrizzleRelations: PlatformRelations;
  AuthScopes: {
    /** A verified caller whose organisation and credentials the database confirmed. */
    authenticated: boolean;
    /** The caller holds this role in the organisation it acts for. */
    role: MembershipRole;
    /** The caller runs platform-wide work (the audited partnership-wide path). */
    platformAdmin: boolean;
  };
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}

const MAX_NODES = 100;

// @pothos/plugin-drizzle rejects a node it cannot load with this message. Under row-level
// security "not loaded" means "does not exist or is not yours", which Relay answers with null.
const NODE_NOT_FOUND = /^Model \w+\(.*\) not found$/;

async function nullWhenNotVisible(node: unknown): Promise<unknown> {
  try {
    return await node;
  } catch (error) {
    if (error instanceof Error && NODE_NOT_FOUND.test(error.message)) return null;
    throw error;
  }
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The builder, for the node resolvers that run after it exists (it cannot name itself). */
function schemaBuilder(): PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<PlatformSchemaTypes>> {
  return builder;
}

/** The one Pothos builder: every domain package adds its types and fields to it. */
export const builder = new SchemaBuilder<PlatformSchemaTypes>({
  // scope-auth first (it wraps every resolver), errors before dataloader (so loader failures
  // become typed errors where a field declares them).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, RelayPlugin, ValidationPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.actor !== null,
      role: (role) => context.actor?.roles.includes(role) ?? false,
      platformAdmin: context.actor?.platformScope ?? false,
    }),
    // No token: UNAUTHENTICATED with a hint; a known caller: ROLE_REQUIRED (docs/errors.md).
    unauthorizedError: scopeAuthError,
  },
  errors: {
    // Every mutation can fail in each of the four kinds, so each payload union has all four.
    defaultTypes: [ValidationError, NotFoundError, ForbiddenError, ConflictError],
    // A mutation returns `<Name>Result`, a union of its payload and its typed errors.
    defaultUnionOptions: {
      name: ({ fieldName }) => `${pascalCase(fieldName)}Result`,
      description: 'The payload on success, or the typed error that explains why nothing changed.',
    },
    defaultResultOptions: {
      name: ({ fieldName }) => `${pascalCase(fieldName)}Success`,
      description: 'The successful outcome.',
    },
  },
  relay: {
    clientMutationId: 'omit',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object by its global id; null when it does not exist or is not yours to see.',
      args: { id: { description: 'The global id of the object.' } },
      resolve: (_root, { id }, _context, _info, resolveNode) => nullWhenNotVisible(resolveNode(id)),
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global ids, in order; null for each one you cannot see.',
      args: { ids: { description: 'The global ids of the objects (at most 100).' } },
      resolve: (_root, { ids }, context, info) => {
        if (ids.length > MAX_NODES) throw new GraphQLError(`nodes takes at most ${MAX_NODES} ids`);
        // Each id on its own: the callback Pothos passes loads all of `ids` whatever it is given,
        // and one id the caller may not see would then blank every slot. (The drizzle model
        // loaders still batch these into one statement per type.)
        return ids.map((id) =>
          nullWhenNotVisible(resolveNodes(schemaBuilder(), context, info, [id]).then((nodes) => nodes[0])),
        );
      },
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection.' },
    nodeTypeOptions: { description: 'An object with a global id, fetchable with `node`.' },
    idFieldOptions: { description: 'Opaque global id: reveals nothing about the tenant or the row.' },
    firstArgOptions: {
      description: 'How many items to return from the start (1 to 100; 20 when neither first nor last is given).',
    },
    lastArgOptions: { description: 'How many items to return from the end (1 to 100).' },
    afterArgOptions: { description: 'Return items after this cursor (an endCursor from a previous page).' },
    beforeArgOptions: { description: 'Return items before this cursor (a startCursor from a previous page).' },
    cursorFieldOptions: { description: 'Where this item sits in the connection; pass to after or before.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page, with their cursors.' },
    nodesOnConnection: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the connection.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items come before this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page.' },
    defaultConnectionTypeOptions: { description: 'A page of items, in a stable order, with cursors to move on.' },
    defaultEdgeTypeOptions: { description: 'An item of a page, with its cursor.' },
  },
  drizzle: {
    client: (context) => requestTransaction(context),
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});
