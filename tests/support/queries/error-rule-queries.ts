import type { Operation } from '../test-app.ts';

// Query factories for tests/error-rule.test.ts: one of each shape of call that can fail, each
// selecting the error's code so the test can assert it.

export const organisationQuery = (id: string): Operation => ({
  query: 'query Organisation($id: ID!) { organisation(id: $id) { id slug } }',
  variables: { id },
});

export const organisationMembersQuery = (id: string): Operation => ({
  query: 'query Members($id: ID!) { organisation(id: $id) { members(first: 5) { nodes { id } } } }',
  variables: { id },
});

export const performanceReportQuery = (variables: {
  organisationId: string;
  fiscalYear: string;
  through?: string;
}): Operation => ({
  query: `query Report($organisationId: ID!, $fiscalYear: String!, $through: String) {
    performanceReport(organisationId: $organisationId, fiscalYear: $fiscalYear, through: $through) { fiscalYear }
  }`,
  variables,
});

export const capabilityMatchQuery = (input: { kind: string; requirementLines: string[] }): Operation => ({
  query: 'query Match($input: CapabilityMatchInput!) { capabilityMatch(input: $input) { fitPercent } }',
  variables: { input },
});

export const catalogueQuery = (): Operation => ({
  query: 'query Catalogue { serviceCatalogue(first: 1) { nodes { code } } }',
});
