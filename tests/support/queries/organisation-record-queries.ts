import type { Operation } from '../test-app.ts';

// Query factories for the records an organisation's lists show (DBS checks, vacancies) and the
// service requests an import brought in.

export const organisationDbsChecksQuery = (organisationId: string, first: number, checkFields: string): Operation => ({
  query: `query D($id: ID!, $first: Int) { organisation(id: $id) { dbsChecks(first: $first) { nodes { ${checkFields} } } } }`,
  variables: { id: organisationId, first },
});

/** The platform's first five organisations, each with its DBS checks. */
export const organisationsDbsChecksQuery = (): Operation => ({
  query: '{ organisations(first: 5) { nodes { dbsChecks(first: 20) { nodes { reference processedAt } } } } }',
});

export const organisationVacanciesQuery = (organisationId: string, vacancyFields: string): Operation => ({
  query: `query V($id: ID!) { organisation(id: $id) { vacancies(first: 10) { nodes { ${vacancyFields} } } } }`,
  variables: { id: organisationId },
});

/** A vacancy and an application, each by its node id. */
export const vacancyAndApplicationNodesQuery = (vacancyId: string, applicationId: string): Operation => ({
  query: `query N($v: ID!, $a: ID!) {
      v: node(id: $v) { __typename ... on Vacancy { reference title closesOn version } }
      a: node(id: $a) { __typename ... on Application { reference stages { stage } } } }`,
  variables: { v: vacancyId, a: applicationId },
});

/** The platform's first five organisations, each with its vacancies. */
export const organisationsVacanciesQuery = (vacancyFields: string): Operation => ({
  query: `{ organisations(first: 5) { nodes { vacancies(first: 10) { nodes { ${vacancyFields} } } } } }`,
});

const CLOCK = 'state dueAt elapsedWorkingSeconds secondsRemaining breached stoppedAt pausedSeconds';

/** An organisation's requests with what an import records of them, their history and clocks. */
export const importedRequestsQuery = (organisationId: string): Operation => ({
  query: `query R($id: ID!) { node(id: $id) { ... on Organisation { serviceRequests(first: 100) { nodes {
        reference status raisedAt importedFrom externalReference importedAt firstContactResolution satisfactionScore
        offering { code } history { status reason changedBy changedAt }
        fulfilmentSla { ${CLOCK} } responseSla { ${CLOCK} } } } } } }`,
  variables: { id: organisationId },
});

/** An organisation's requests with their fulfilment target only. */
export const requestTargetsQuery = (organisationId: string): Operation => ({
  query: `query R($id: ID!) { node(id: $id) { ... on Organisation { serviceRequests(first: 100) { nodes {
          externalReference fulfilmentSla { targetSeconds } } } } } }`,
  variables: { id: organisationId },
});

/** An organisation's payrolls (their periods, changes and errors) and DBS checks. */
export const payrollAndDbsRecordsQuery = (id: string, payrolls: number): Operation => ({
  query: `query Records($id: ID!, $payrolls: Int) { organisation(id: $id) {
    payrolls(first: $payrolls) { nodes { code name periods(first: 12) { nodes { periodStart publishedDeadline paymentsMade
      changes(first: 5) { nodes { kind receivedAt processedAt } } errors { causedBy } } } } }
    dbsChecks(first: 20) { nodes { reference receivedAt informationCompleteAt processedAt } }
  } }`,
  variables: { id, payrolls },
});
