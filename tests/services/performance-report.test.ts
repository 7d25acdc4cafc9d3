import {
  DEFAULT_PERFORMANCE_SCALE,
  generateLancashireYear,
  LANCASHIRE_COVERAGE,
  LANCASHIRE_FISCAL_YEARS,
  LANCASHIRE_KPI_FIGURES,
} from '@ssp/seeds';
import { performanceReport } from '@ssp/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { performanceReportQuery } from '../support/queries/performance-report-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

interface Indicator {
  code: string;
  actual: string | null;
  status: string;
  met: boolean | null;
  numerator: number;
  denominator: number;
  excluded: number;
  contractual: boolean;
  targetPercent: string;
}

const reportQuery = performanceReportQuery;

type ReportResponse = { performanceReport: { __typename: string; indicators: Indicator[]; yearToDate: boolean } };

describe("Lancashire's performance report, computed in the database from the seeded records", () => {
  const lancashire = () => organisationGlobalId(api.organisationId('lancashire-county-council'));

  it.each(LANCASHIRE_FISCAL_YEARS)('%s reproduces every figure the report prints', async (fiscalYear) => {
    const finance = await api.tokenFor('lancashire-county-council', ['finance']);
    const response = await api.graphql<ReportResponse>(
      reportQuery(lancashire(), fiscalYear, LANCASHIRE_COVERAGE[fiscalYear].through),
      finance,
    );
    expect(response.body.errors).toBeUndefined();
    const report = response.body.data!.performanceReport;
    expect(report.__typename).toBe('PerformanceReport');
    const figures = LANCASHIRE_KPI_FIGURES.filter(
      (figure) => figure.fiscalYear === fiscalYear && figure.month === null,
    );
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const figure of figures) {
      const indicator = report.indicators.find((candidate) => candidate.code === figure.indicatorCode);
      expect(indicator?.actual, `${fiscalYear} ${figure.indicatorCode}`).toBe(figure.printed);
    }
    // The two payroll indicators are the contractual ones, and both are met every year.
    expect(report.indicators.filter((i) => i.contractual).map((i) => [i.code, i.status])).toEqual([
      ['payroll-error-rate', 'MET'],
      ['payroll-changes-by-deadline', 'MET'],
    ]);
  });

  it.each(LANCASHIRE_FISCAL_YEARS)(
    '%s: the SQL report counts exactly what the pure definitions count over the same records',
    async (fiscalYear) => {
      const through = LANCASHIRE_COVERAGE[fiscalYear].through;
      const expected = performanceReport(
        fiscalYear,
        generateLancashireYear(fiscalYear, { scale: DEFAULT_PERFORMANCE_SCALE }).records,
        { through },
      );
      const finance = await api.tokenFor('lancashire-county-council', ['finance']);
      const response = await api.graphql<ReportResponse>(reportQuery(lancashire(), fiscalYear, through), finance);
      const actual = response.body.data!.performanceReport.indicators;
      expect(actual.map((i) => [i.code, i.numerator, i.denominator, i.excluded])).toEqual(
        expected.indicators.map((i) => [i.code, i.numerator, i.denominator, i.excluded]),
      );
    },
  );

  it('reports no data, not 0 % or 100 %, for an organisation without records', async () => {
    const admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
    const response = await api.graphql<ReportResponse>(
      reportQuery(organisationGlobalId(api.organisationId('liverpool-city-council')), '2016/17'),
      admin,
    );
    const indicators = response.body.data!.performanceReport.indicators;
    expect(indicators.map((i) => [i.status, i.actual, i.met])).toEqual(indicators.map(() => ['NO_DATA', null, null]));
  });

  it("does not show one organisation's report to another", async () => {
    const liverpool = await api.tokenFor('liverpool-city-council', ['finance']);
    const response = await api.graphql<{ performanceReport: { __typename: string } }>(
      reportQuery(lancashire(), '2016/17'),
      liverpool,
    );
    // A query raises its domain failures at the top level, with the code (docs/errors.md).
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'NOT_FOUND' });
  });

  it('refuses a malformed fiscal year with its code', async () => {
    const finance = await api.tokenFor('lancashire-county-council', ['finance']);
    const response = await api.graphql<{ performanceReport: { __typename: string } }>(
      reportQuery(lancashire(), '2017-18'),
      finance,
    );
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_FISCAL_YEAR', kind: 'VALIDATION' });
  });
});
