import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { performanceStatusesQuery } from '../support/queries/performance-report-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Issue 16: `performanceReport` for 2030/31 answered a full year of NO_DATA instead of saying the
// year has not begun.

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const reportQuery = performanceStatusesQuery;

type Answer = {
  performanceReport: { __typename: string; fiscalYear: string; indicators: { status: string }[] } | null;
};

/** A fiscal year written `2026/27`, counted from the one under way now. */
function fiscalYearFromNow(offset: number): string {
  const now = new Date();
  const start = (now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) + offset;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

describe('performanceReport for a year that has not begun', () => {
  const lancashire = () => organisationGlobalId(api.organisationId('lancashire-county-council'));

  it.each(['2030/31', fiscalYearFromNow(1)])(
    '%s is a FISCAL_YEAR_NOT_BEGUN error on fiscalYear saying so',
    async (year) => {
      const finance = await api.tokenFor('lancashire-county-council', ['finance']);
      const response = await api.graphql<Answer>(reportQuery(lancashire(), year), finance);
      // A query's domain failure is a top-level error with its code (docs/errors.md).
      expect(response.body.data?.performanceReport ?? null).toBeNull();
      const [error] = response.body.errors ?? [];
      expect(error?.extensions).toMatchObject({
        code: 'FISCAL_YEAR_NOT_BEGUN',
        kind: 'VALIDATION',
        field: 'fiscalYear',
      });
      expect(error?.message).toContain(`${year} has not begun`);
      expect(error?.message).toContain(`${year.slice(0, 4)}-04-01`);
    },
  );

  it('still reports the year under way (what has been measured so far)', async () => {
    const finance = await api.tokenFor('lancashire-county-council', ['finance']);
    const year = fiscalYearFromNow(0);
    const response = await api.graphql<Answer>(reportQuery(lancashire(), year), finance);
    expect(response.body.data?.performanceReport).toMatchObject({ __typename: 'PerformanceReport', fiscalYear: year });
  });
});
