import type { Operation } from '../test-app.ts';

// Query factories for an organisation's performance report.

/** The report's indicators for a fiscal year (as recorded at `asOf` when given), with the fields asked for. */
export const performanceIndicatorsQuery = (
  organisationId: string,
  fiscalYear: string,
  indicatorFields: string,
  asOf?: string | null,
): Operation => ({
  query: `query R($id: ID!, $fiscalYear: String!, $asOf: DateTime) { performanceReport(organisationId: $id, fiscalYear: $fiscalYear, asOf: $asOf) {
            indicators { ${indicatorFields} } } }`,
  variables: { id: organisationId, fiscalYear, asOf },
});

/** The whole report for a fiscal year (to a month, when `through` is given). */
export const performanceReportQuery = (organisationId: string, fiscalYear: string, through?: string): Operation => ({
  query: `query Report($organisationId: ID!, $fiscalYear: String!, $through: String) {
    performanceReport(organisationId: $organisationId, fiscalYear: $fiscalYear, through: $through) {
      __typename
      ... on PerformanceReport { fiscalYear firstDay lastDay yearToDate
        indicators { code actual status met numerator denominator excluded contractual targetPercent } }
    }
  }`,
  variables: { organisationId, fiscalYear, ...(through ? { through } : {}) },
});

/** Only the status of each indicator (a year not yet begun has none to give). */
export const performanceStatusesQuery = (organisationId: string, fiscalYear: string): Operation => ({
  query: `query Report($organisationId: ID!, $fiscalYear: String!) {
    performanceReport(organisationId: $organisationId, fiscalYear: $fiscalYear) {
      __typename fiscalYear indicators { status }
    }
  }`,
  variables: { organisationId, fiscalYear },
});
