import { applyErrorRule } from '@ssp/core';
import { addErrorCodeField, builder } from '@ssp/schema';
// Each domain package registers its types and fields on the shared builder when imported;
// the order is the dependency order (a later package extends an earlier one's types).
import '@ssp/tenants';
import '@ssp/services';
import '@ssp/billing';
import '@ssp/shared-support';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { runMutationsInSavepoints } from './mutation-savepoints.ts';

let schema: GraphQLSchema | undefined;

/** The platform's GraphQL schema, assembled once from every domain package. */
export function platformSchema(): GraphQLSchema {
  if (!schema) {
    // Every domain has declared its error codes by now (each did when it was imported above).
    addErrorCodeField();
    schema = runMutationsInSavepoints(applyErrorRule(lexicographicSortSchema(builder.toSchema())));
  }
  return schema;
}
