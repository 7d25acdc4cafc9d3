import type { AppConfig } from '@ssp/core';
import { QueryBudget } from './query-budget.ts';
import type { QueryCostLimits } from './query-cost-plugin.ts';
import { TokenEndpointLimits } from './token-endpoint-limits.ts';

/**
 * The largest page a connection may ask for inside the same connection (`children` within
 * `children`, or within `parent { children }`). Every such level multiplies the rows and can reach
 * the same organisations again; a hierarchy is walked one level per query instead (issue 11's
 * fan-out, `children(first: 5)` three levels down through `parent`, took 13 s on PostgreSQL).
 */
export const MAX_RECURSIVE_PAGE_SIZE = 2;

/** The per-process limits a server keeps between requests: made once per server. */
export interface RequestLimits {
  queryCost: QueryCostLimits;
  budget: QueryBudget;
  tokenEndpoint: TokenEndpointLimits;
}

export function createRequestLimits(config: AppConfig): RequestLimits {
  return {
    queryCost: { maxCost: config.queryMaxCost, maxRecursivePageSize: MAX_RECURSIVE_PAGE_SIZE },
    budget: new QueryBudget(config),
    tokenEndpoint: new TokenEndpointLimits(config.tokenEndpoint),
  };
}
