import type { RequestContext } from '@ssp/core';
import { type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ThrottleStatus } from './leaky-bucket.ts';
import { priceOperation } from './price-operation.ts';
import type { QueryBudget } from './query-budget.ts';

export interface QueryCostLimits {
  /** The most one operation may cost. */
  maxCost: number;
  /** The largest page a connection nested inside the same connection may ask for. */
  maxRecursivePageSize: number;
}

/** What every priced response carries in `extensions.cost` (Shopify's shape, plus the tenant). */
export interface CostExtension {
  requestedQueryCost: number;
  throttleStatus?: ThrottleStatus;
  tenantThrottleStatus?: ThrottleStatus;
}

function withCost(result: ExecutionResult, cost: CostExtension): ExecutionResult {
  return { ...result, extensions: { ...result.extensions, cost } };
}

/** The answer to a refused operation: one error with its code and HTTP status, and the price. */
function refused(
  cost: CostExtension,
  message: string,
  code: string,
  status: number,
  headers?: Record<string, string>,
): ExecutionResult {
  const error = new GraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });
  return withCost({ errors: [error] }, cost);
}

/**
 * Prices each operation from its document and variables before it runs (before the request's
 * transaction opens, so a refused operation sends no SQL), refuses what costs too much or nests
 * too deep, and charges the rest to the caller's and its organisation's budgets: past either,
 * a 429 with Retry-After. The remaining budget goes back in `extensions.cost`.
 */
export function queryCostPlugin(limits: QueryCostLimits, budget: QueryBudget): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const context = args.contextValue as RequestContext;
      const price = priceOperation(args.schema, args.document, operation, args.variableValues ?? {}, context);
      if (!price) return;
      if (price.recursivePageSize > limits.maxRecursivePageSize) {
        return setResultAndStopExecution(
          refused(
            { requestedQueryCost: price.cost },
            `A connection nested inside the same connection asks for ${price.recursivePageSize} items; ` +
              `at most ${limits.maxRecursivePageSize} may be asked there. Walk a hierarchy one level per ` +
              'query (each organisation by its id), not through nested pages of itself.',
            'RECURSIVE_PAGE_TOO_LARGE',
            400,
          ),
        );
      }
      const maxCost = Math.min(limits.maxCost, budget.largestCharge);
      if (price.cost > maxCost) {
        return setResultAndStopExecution(
          refused(
            { requestedQueryCost: price.cost },
            `Query cost of ${price.cost} exceeds the maximum of ${maxCost}. ` +
              'Page sizes multiply through nested connections: ask for smaller pages or fewer levels.',
            'MAX_COST_EXCEEDED',
            400,
          ),
        );
      }

      // Anonymous operations reach no tenant data and open no transaction: nothing to charge.
      if (!context.principal) return;
      const charge = budget.charge(context.principal, price.cost);
      const cost: CostExtension = {
        requestedQueryCost: price.cost,
        throttleStatus: charge.caller,
        tenantThrottleStatus: charge.tenant,
      };
      if (!charge.allowed) {
        return setResultAndStopExecution(
          refused(
            cost,
            `Throttled: this operation costs ${price.cost} and the budget holds ` +
              `${Math.min(charge.caller.currentlyAvailable, charge.tenant.currentlyAvailable)}; ` +
              `retry after ${charge.retryAfterSeconds} s.`,
            'THROTTLED',
            429,
            { 'Retry-After': String(charge.retryAfterSeconds) },
          ),
        );
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult(withCost(result, cost));
        },
      };
    },
  };
}
