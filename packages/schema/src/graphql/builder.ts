import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import {
  ConflictError,
  DEFAULT_PAGE_SIZE,
  decodeGlobalId,
  encodeGlobalId,
  ForbiddenError,
  fieldCost,
  MAX_PAGE_SIZE,
  type MembershipRole,
  mayReadType,
  NotFoundError,
  type PlatformRelations,
  type ReadRule,
  type RequestContext,
  requestTransaction,
  scopeAuthError,
  ValidationError,
} from '@ssp/core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations } from '../relations.ts';

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
    /** The caller's roles may read objects of a type (its rule in the roles x types matrix). */
    readable: ReadRule;
  };
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The one Pothos builder: every domain package adds its types and fields to it. */
export const builder = new SchemaBuilder<PlatformSchemaTypes>({
  // scope-auth first (it wraps every resolver), errors before dataloader (so loader failures
  // become typed errors where a field declares them).
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    DataloaderPlugin,
    RelayPlugin,
    ValidationPlugin,
    DrizzlePlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.actor !== null,
      role: (role) => context.actor?.roles.includes(role) ?? false,
      platformAdmin: context.actor?.platformScope ?? false,
      readable: (rule) => mayReadType(rule, context.actor),
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
    // Our own `node` and `nodes` (node-fields.ts): their ids are read as plain strings so that a
    // malformed or wrong-type id answers null, as the schema says, rather than failing to parse.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
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
  // Field prices only: the gateway prices each operation with them before it runs.
  complexity: { fieldComplexity: fieldCost },
});
