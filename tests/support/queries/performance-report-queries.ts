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
