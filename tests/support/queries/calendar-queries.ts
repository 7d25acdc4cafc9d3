import type { Operation } from '../test-app.ts';

// Query factories for the bank-holiday calendars behind the SLA clocks.

export const importBankHolidaysMutation = (document: unknown): Operation => ({
  query: `mutation I($input: ImportBankHolidaysInput!) { importBankHolidays(input: $input) {
        __typename ... on Error { code message } ... on ValidationError { field }
        ... on BankHolidayImportPayload { changes { nation version added { date name } removed { date name } } } } }`,
  variables: { input: { document } },
});

export const addBankHolidayMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation A($input: AddBankHolidayInput!) { addBankHoliday(input: $input) {
        __typename ... on Error { code message }
        ... on AddBankHolidayPayload { change { nation version added { date name } removed { date name } } } } }`,
  variables: { input },
});

export const calendarVersionsQuery = (): Operation => ({
  query: '{ bankHolidayCalendars(first: 3) { nodes { nation version } } }',
});

export const calendarVersionHistoryQuery = (): Operation => ({
  query: '{ bankHolidayCalendars(first: 3) { nodes { nation versions { version source } } } }',
});

/** A request's fulfilment due time at `asOf`, and the calendar version it used. */
export const fulfilmentDueQuery = (requestId: string, asOf: string): Operation => ({
  query: `query C($id: ID!, $asOf: DateTime) { node(id: $id) { ... on ServiceRequest {
        fulfilmentSla(asOf: $asOf) { dueAt calendarVersion targetSeconds } } } }`,
  variables: { id: requestId, asOf },
});
