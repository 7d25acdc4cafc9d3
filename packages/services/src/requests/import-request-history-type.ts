import { ValidationError } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { auditActor, OrganisationRef } from '@ssp/tenants';
import { MAX_IMPORT_ROWS } from '../records/import/import-records.ts';
import { csvHeading, readFieldsCsv } from '../records/import/read-record-csv.ts';
import {
  organisationFor,
  PayloadRef,
  RECORDING_ROLES,
  recordInputField,
} from '../records/import/record-import-type.ts';
import { importRequestHistory } from './import-request-history.ts';
import { HISTORY_ROW_FIELDS } from './request-history-fields.ts';
import { IncidentPriorityEnum, RequestStatusEnum } from './service-request-type.ts';

const ENUMS = {
  RequestStatus: RequestStatusEnum,
  IncidentPriority: IncidentPriorityEnum,
} as unknown as Parameters<typeof recordInputField>[2];

const HistoryRowInput = builder.inputType('ServiceRequestHistoryRowInput', {
  description:
    "One row of a service-desk history: a request's columns (on its first row; later rows of the same external reference leave them empty or repeat them) and one status change (empty on a row that only states the request). Times are ISO 8601 with their offset.",
  fields: (t) => Object.fromEntries(HISTORY_ROW_FIELDS.map((spec) => [spec.name, recordInputField(t, spec, ENUMS)])),
});

const ImportHistoryInput = builder.inputType('ImportServiceRequestHistoryInput', {
  description: 'Service requests from another service desk, with their histories, as rows or as a CSV file.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Whose requests; defaults to the organisation you act for.',
    }),
    sourceSystem: t.string({
      required: true,
      description:
        'The system the history comes from (1-100 characters), kept on every request with its reference there: a reference is imported from one system once.',
    }),
    importKey: t.string({
      required: true,
      description:
        'Your key for this import (8-200 characters): sending it again with the same rows changes nothing and answers as the first time; with other rows it is a conflict.',
    }),
    dryRun: t.boolean({ required: true, description: 'Check everything and write nothing.' }),
    rows: t.field({
      type: [HistoryRowInput],
      required: false,
      description: `The rows, 1 to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}.`,
    }),
    csv: t.string({
      required: false,
      description: `The rows as CSV, headings on the first line (any order; only external_reference is required on every row): ${HISTORY_ROW_FIELDS.map((spec) => spec.csv).join(', ')}. Enumerations as their lower-case values (in_progress, p2), flags true or false.`,
    }),
  }),
});

defineMutation('importServiceRequestHistory', {
  description:
    'Imports service requests from another service desk with their raised times and status histories, all or nothing, idempotent by key; each refused row is reported with its number and field. The imported requests are marked as imported, and their SLA clocks are computed from the imported history like any request (see docs/records.md for the rules).',
  input: ImportHistoryInput,
  inputDescription: 'The import.',
  payload: PayloadRef,
  callers: { roles: RECORDING_ROLES, action: 'Importing service-desk history' },
  run: async (input, caller, tx) => {
    if ((input.rows == null) === (input.csv == null)) {
      throw new ValidationError('Send the history as rows or as csv: one of the two', 'input.rows');
    }
    const rows =
      input.csv != null ? readFieldsCsv(HISTORY_ROW_FIELDS, input.csv) : (input.rows as Record<string, unknown>[]);
    const tenantId = await organisationFor(tx, input.organisationId?.id ?? caller.actor.organisationId);
    const result = await importRequestHistory(tx, auditActor(caller), {
      tenantId,
      sourceSystem: input.sourceSystem,
      importKey: input.importKey,
      dryRun: input.dryRun,
      rows,
    });
    if (input.csv == null) return result;
    const fields = { fields: HISTORY_ROW_FIELDS };
    return { ...result, problems: result.problems.map((p) => ({ ...p, field: csvHeading(fields, p.field) })) };
  },
});
