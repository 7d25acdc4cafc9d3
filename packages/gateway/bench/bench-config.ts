import { type AppConfig, loadAppConfig } from '@ssp/core';

/**
 * The configuration every benchmark runs with: the test environment, and query budgets too large
 * to reach. A benchmark is one caller sending as fast as it can, which the per-caller and
 * per-organisation budgets throttle by design (429 after a few hundred pages); what is measured
 * here is the cost of answering, not the budget (tests/query-budget.test.ts covers that).
 */
export function benchConfig(): AppConfig {
  const unlimited = String(Number.MAX_SAFE_INTEGER);
  return loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    CALLER_BUDGET_POINTS: unlimited,
    CALLER_BUDGET_RESTORE_PER_SECOND: unlimited,
    TENANT_BUDGET_POINTS: unlimited,
    TENANT_BUDGET_RESTORE_PER_SECOND: unlimited,
  });
}
