import type { Operation } from '../test-app.ts';

const PAYLOAD = `__typename
  ... on RecordImportPayload { importId recordedAt dryRun written replayed rows newRecords corrections problemCount
    problems { row field reason } }
  ... on Error { code message }
  ... on ValidationError { field }`;

/** `import<Kinds>` (e.g. `importPayrollChanges`) with rows or a CSV file. */
export const importRecordsMutation = (pluralName: string, input: Record<string, unknown>): Operation => ({
  query: `mutation Import($input: Import${pluralName}Input!) { import${pluralName}(input: $input) { ${PAYLOAD} } }`,
  variables: { input },
});

/** `record<Kind>` (e.g. `recordDbsCheck`): one record. */
export const recordOneMutation = (typeName: string, input: Record<string, unknown>): Operation => ({
  query: `mutation Record($input: Record${typeName}Input!) { record${typeName}(input: $input) { ${PAYLOAD} } }`,
  variables: { input },
});

export const recordImportStatusQuery = (importKey: string): Operation => ({
  query: `query Status($key: String!) { recordImport(importKey: $key) { state kind importId rows corrections recordedAt } }`,
  variables: { key: importKey },
});

export interface ImportPayload {
  __typename: string;
  importId?: string | null;
  recordedAt?: string | null;
  dryRun?: boolean;
  written?: boolean;
  replayed?: boolean;
  rows?: number;
  newRecords?: number;
  corrections?: number;
  problemCount?: number;
  problems?: { row: number; field: string | null; reason: string }[];
  code?: string;
  message?: string;
  field?: string | null;
}

/** `importServiceRequestHistory`: a service desk's history, as rows or a CSV file. */
export const importServiceRequestHistoryMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation Import($input: ImportServiceRequestHistoryInput!) {
        importServiceRequestHistory(input: $input) { ${PAYLOAD} } }`,
  variables: { input },
});
