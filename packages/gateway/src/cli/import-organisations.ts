import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The columns of an onboarding file, one organisation a row (a header row first). */
export const IMPORT_COLUMNS = [
  'name',
  'kind',
  'nation',
  'identifier_scheme',
  'identifier',
  'offerings',
  'tenant_admin_name',
  'tenant_admin_email',
  'tenant_admin_issuer',
  'tenant_admin_subject',
] as const;

type ImportRecord = Record<(typeof IMPORT_COLUMNS)[number], string>;

export interface ImportOptions {
  file: string;
  apiUrl: string;
  token: string;
  parentId: string;
  mode: 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY';
  dryRun: boolean;
  batchKey: string;
}

async function graphql<T>(options: ImportOptions, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${options.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(
      `The API refused the request (${response.status}): ${body.errors?.map((e) => e.message).join('; ')}`,
    );
  }
  return body.data;
}

const upper = (value: string) =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');

/**
 * Imports organisations from a CSV file through the API's bulk onboarding (so the same checks,
 * tenancy and audit apply as for any client). Offerings are catalogue codes separated by `;`.
 * Returns the API's per-row report.
 */
export async function importOrganisations(options: ImportOptions) {
  const records = parse(readFileSync(options.file), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as ImportRecord[];
  const missing = IMPORT_COLUMNS.filter((column) => records.length > 0 && !(column in records[0]!));
  if (missing.length > 0) throw new Error(`The file lacks the columns: ${missing.join(', ')}`);

  const catalogue = await graphql<{ serviceCatalogue: { nodes: { id: string; code: string }[] } }>(
    options,
    'query Catalogue { serviceCatalogue(first: 100) { nodes { id code } } }',
    {},
  );
  const offeringIds = new Map(catalogue.serviceCatalogue.nodes.map((node) => [node.code, node.id]));
  const codesOf = (record: ImportRecord) =>
    record.offerings
      .split(';')
      .map((code) => code.trim())
      .filter((code) => code !== '');
  const unknown = records.flatMap((record, index) =>
    codesOf(record)
      .filter((code) => !offeringIds.has(code))
      .map((code) => `row ${index + 1}, offerings: no offering has the code "${code}"`),
  );
  if (unknown.length > 0)
    throw new Error(`The file refers to offerings the catalogue lacks:\n  ${unknown.join('\n  ')}`);
  const rows = records.map((record) => ({
    name: record.name,
    kind: upper(record.kind),
    nation: upper(record.nation),
    identifierScheme: record.identifier_scheme ? upper(record.identifier_scheme) : null,
    identifier: record.identifier || null,
    offeringIds: codesOf(record).map((code) => offeringIds.get(code)!),
    tenantAdminName: record.tenant_admin_name,
    tenantAdminEmail: record.tenant_admin_email || null,
    tenantAdminIssuer: record.tenant_admin_issuer,
    tenantAdminSubject: record.tenant_admin_subject,
  }));
  const result = await graphql<{
    bulkOnboardOrganisations: {
      __typename: string;
      message?: string;
      created?: number;
      alreadyExisted?: number;
      errors?: number;
      written?: boolean;
      rows?: { row: number; name: string; outcome: string; field: string | null; reason: string | null }[];
    };
  }>(
    options,
    `mutation Import($input: BulkOnboardOrganisationsInput!) { bulkOnboardOrganisations(input: $input) { __typename
      ... on BulkOnboardOrganisationsPayload { created alreadyExisted errors written rows { row name outcome field reason } }
      ... on Error { message } } }`,
    {
      input: {
        parentId: options.parentId,
        rows,
        mode: options.mode,
        dryRun: options.dryRun,
        batchKey: options.batchKey,
      },
    },
  );
  return result.bulkOnboardOrganisations;
}
