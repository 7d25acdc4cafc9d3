import {
  describedEnumValues,
  type MembershipRole,
  NotFoundError,
  type PlatformTransaction,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import { auditActor, findOrganisation, OrganisationRef } from '@ssp/tenants';
import { ErrorCauseEnum, PayrollChangeKindEnum, PayrollFrequencyEnum } from '../payroll-record-types.ts';
import { ApplicationStageNameEnum } from '../recruitment-record-types.ts';
import { type ImportRecordsResult, importRecords, MAX_IMPORT_ROWS } from './import-records.ts';
import { csvHeading, readRecordCsv } from './read-record-csv.ts';
import { type RecordImportStatus, recordImportStatus } from './record-import-status.ts';
import type { FieldSpec, ImportKindName, RecordKind } from './record-kind.ts';
import { RECORD_KINDS } from './record-kinds.ts';

/** Who records payroll and recruitment records: the organisation's admins and the service's agents. */
export const RECORDING_ROLES: readonly MembershipRole[] = ['tenant_admin', 'service_agent'];

type AnyEnumRef = typeof PayrollChangeKindEnum;

const ENUMS: Record<string, AnyEnumRef> = {
  PayrollChangeKind: PayrollChangeKindEnum,
  PayrollErrorCause: ErrorCauseEnum as unknown as typeof PayrollChangeKindEnum,
  PayrollFrequency: PayrollFrequencyEnum as unknown as typeof PayrollChangeKindEnum,
  ApplicationStageName: ApplicationStageNameEnum as unknown as typeof PayrollChangeKindEnum,
};

export const RecordKindEnum = builder.enumType('RecordKind', {
  description: 'A kind of record that comes in through the API: payroll and recruitment records, service-desk history.',
  values: describedEnumValues<ImportKindName>({
    ...(Object.fromEntries(Object.values(RECORD_KINDS).map((kind) => [kind.name, kind.description])) as Record<
      RecordKind['name'],
      string
    >),
    service_requests:
      'Service requests imported from another service desk, each with its raised time and status history (`importServiceRequestHistory`).',
  }),
});

const ProblemRef = builder
  .objectRef<{ row: number; field: string | null; reason: string }>('RecordImportProblem')
  .implement({
    description: 'Why one row was refused.',
    fields: (t) => ({
      row: t.int({
        description: 'The row, from 1 (in a CSV file, the first line after the headings).',
        resolve: (p) => p.row,
      }),
      field: t.string({
        nullable: true,
        description: 'The field at fault: its name in `rows`, or its column heading in `csv`.',
        resolve: (p) => p.field,
      }),
      reason: t.string({ description: 'What is wrong.', resolve: (p) => p.reason }),
    }),
  });

export const PayloadRef = builder.objectRef<ImportRecordsResult>('RecordImportPayload').implement({
  description:
    'What an import did: written all or nothing. With any problem nothing is written and every problem is listed (the first 1,000).',
  fields: (t) => ({
    kind: t.field({ type: RecordKindEnum, description: 'The kind of records.', resolve: (r) => r.kind }),
    importKey: t.string({ description: 'Your key for the import.', resolve: (r) => r.importKey }),
    importId: t.string({
      nullable: true,
      description: 'The import, once written (also when this call replayed it); null when nothing was written.',
      resolve: (r) => r.importId,
    }),
    recordedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the records were recorded (the database clock): read reports `asOf` before it to see without them.',
      resolve: (r) => r.recordedAt,
    }),
    dryRun: t.boolean({
      description: 'Whether this was a dry run (checked, nothing written).',
      resolve: (r) => r.dryRun,
    }),
    written: t.boolean({ description: 'Whether this call wrote the records.', resolve: (r) => r.written }),
    replayed: t.boolean({
      description: 'True when an earlier call with the same key and rows wrote them; this one changed nothing.',
      resolve: (r) => r.replayed,
    }),
    rows: t.int({ description: 'Rows sent.', resolve: (r) => r.rows }),
    newRecords: t.int({ description: 'Rows that are (or would be) new records.', resolve: (r) => r.newRecords }),
    corrections: t.int({
      description: 'Rows that are (or would be) corrections or retractions: new versions of records held.',
      resolve: (r) => r.corrections,
    }),
    problemCount: t.int({ description: 'Rows refused.', resolve: (r) => r.problemCount }),
    problems: t.field({
      type: [ProblemRef],
      description: 'Why rows were refused, in row order.',
      resolve: (r) => r.problems,
    }),
  }),
});

/** The organisation the records are for: one the caller may act for (its own by default). */
export async function organisationFor(tx: PlatformTransaction, id: string): Promise<string> {
  const organisation = await findOrganisation(tx, id);
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  return organisation.id;
}

/** A field of a row's GraphQL input, as its spec says (its enum found among `enums` by name). */
export function recordInputField(
  t: PothosInputFieldBuilder,
  spec: FieldSpec,
  enums: Readonly<Record<string, AnyEnumRef>> = ENUMS,
) {
  const options = { required: spec.required, description: spec.description };
  switch (spec.type) {
    case 'count':
      return t.int(options);
    case 'flag':
      return t.boolean(options);
    case 'enum': {
      const ref = enums[spec.graphqlEnum];
      if (!ref) throw new Error(`No GraphQL enum ${spec.graphqlEnum}`);
      return t.field({ ...options, type: ref });
    }
    default:
      return t.string(options);
  }
}

export type PothosInputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields'] & object>[0];

/** The record input, the import and the single-record mutations of one kind. */
function defineRecordKindApi(kind: RecordKind) {
  const RecordInput = builder.inputType(`${kind.typeName}RecordInput`, {
    description: `${kind.description} Times are ISO 8601 with their offset; dates are ISO dates.`,
    fields: (t) => ({
      ...Object.fromEntries(kind.fields.map((spec) => [spec.name, recordInputField(t, spec)])),
      correction: t.boolean({
        required: false,
        description:
          'True when this row corrects the record its key names: it becomes the next version (the earlier stays, for reports as of before).',
      }),
      retraction: t.boolean({
        required: false,
        description:
          'True when this row withdraws the record its key names (sent in error, never happened): a new version that lists and reports from now on leave out; reports as of before still count it. A later correction restores it.',
      }),
    }),
  });
  const ImportInput = builder.inputType(`Import${kind.pluralName}Input`, {
    description: `Many ${kind.noun} records, as rows or as a CSV file (one of the two).`,
    fields: (t) => ({
      organisationId: t.globalID({
        for: OrganisationRef,
        required: false,
        description: 'Whose records; defaults to the organisation you act for.',
      }),
      importKey: t.string({
        required: true,
        description:
          'Your key for this import (8-200 characters): sending it again with the same rows changes nothing and answers as the first time; with other rows it is a conflict.',
      }),
      dryRun: t.boolean({ required: true, description: 'Check everything and write nothing.' }),
      rows: t.field({
        type: [RecordInput],
        required: false,
        description: `The records, 1 to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')}.`,
      }),
      csv: t.string({
        required: false,
        description: `The records as CSV, headings on the first line: ${[...kind.fields.map((spec) => spec.csv), 'correction', 'retraction'].join(', ')}.`,
      }),
    }),
  });
  defineMutation(`import${kind.pluralName}`, {
    description: `Records many ${kind.noun} records at once, all or nothing, idempotent by key; each refused row is reported with its number and field.`,
    input: ImportInput,
    inputDescription: 'The import.',
    payload: PayloadRef,
    callers: { roles: RECORDING_ROLES, action: 'Recording payroll and recruitment records' },
    run: async (input, caller, tx) => {
      if ((input.rows == null) === (input.csv == null)) {
        throw new ValidationError('Send the records as rows or as csv: one of the two', 'input.rows');
      }
      const rows = input.csv != null ? readRecordCsv(kind, input.csv) : (input.rows as Record<string, unknown>[]);
      const tenantId = await organisationFor(tx, input.organisationId?.id ?? caller.actor.organisationId);
      const result = await importRecords(tx, auditActor(caller), {
        tenantId,
        kind,
        importKey: input.importKey,
        dryRun: input.dryRun,
        rows,
      });
      if (input.csv == null) return result;
      return { ...result, problems: result.problems.map((p) => ({ ...p, field: csvHeading(kind, p.field) })) };
    },
  });

  const RecordOneInput = builder.inputType(`Record${kind.typeName}Input`, {
    description: `One ${kind.noun} record.`,
    fields: (t) => ({
      organisationId: t.globalID({
        for: OrganisationRef,
        required: false,
        description: 'Whose record; defaults to the organisation you act for.',
      }),
      idempotencyKey: t.string({
        required: true,
        description: 'Your unique key for this record (8-200 characters): sending it again returns the first result.',
      }),
      record: t.field({ type: RecordInput, required: true, description: 'The record.' }),
    }),
  });
  defineMutation(`record${kind.typeName}`, {
    description: `Records one ${kind.noun} record (or, marked as a correction, its next version): an import of one row.`,
    input: RecordOneInput,
    inputDescription: 'The record.',
    payload: PayloadRef,
    callers: { roles: RECORDING_ROLES, action: 'Recording payroll and recruitment records' },
    run: async (input, caller, tx) => {
      const tenantId = await organisationFor(tx, input.organisationId?.id ?? caller.actor.organisationId);
      return importRecords(tx, auditActor(caller), {
        tenantId,
        kind,
        importKey: input.idempotencyKey,
        dryRun: false,
        rows: [input.record as Record<string, unknown>],
      });
    },
  });
}

for (const kind of Object.values(RECORD_KINDS)) defineRecordKindApi(kind);

const ImportStatusEnum = builder.enumType('RecordImportState', {
  description: 'Where an import stands.',
  values: {
    RUNNING: { value: 'running', description: 'A call with this key is being written now.' },
    WRITTEN: { value: 'written', description: 'Written: its records are held.' },
    NOT_FOUND: {
      value: 'not_found',
      description: 'Nothing written under this key (never sent, refused, a dry run, or rolled back).',
    },
  } as const,
});

const StatusRef = builder.objectRef<RecordImportStatus>('RecordImportStatus').implement({
  description: 'Where an import stands, by its key.',
  fields: (t) => ({
    state: t.field({ type: ImportStatusEnum, description: 'Running, written or not found.', resolve: (s) => s.state }),
    kind: t.field({
      type: RecordKindEnum,
      nullable: true,
      description: 'Its kind, once written.',
      resolve: (s) => s.kind,
    }),
    importId: t.string({ nullable: true, description: 'The import, once written.', resolve: (s) => s.importId }),
    rows: t.int({
      nullable: true,
      description: 'Records written (for service-desk history: requests, whatever the rows of their histories).',
      resolve: (s) => s.rows,
    }),
    corrections: t.int({ nullable: true, description: 'Of which corrections.', resolve: (s) => s.corrections }),
    recordedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was recorded.',
      resolve: (s) => s.recordedAt,
    }),
  }),
});

builder.queryField('recordImport', (t) =>
  t.field({
    type: StatusRef,
    description:
      'Where an import of payroll or recruitment records stands, by its key: running (another call is writing it now), written, or not found.',
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.globalID({
        for: OrganisationRef,
        required: false,
        description: 'Whose import; defaults to the organisation you act for.',
      }),
      importKey: t.arg.string({ required: true, description: 'The key it was sent with.' }),
    },
    resolve: async (_root, args, context) => {
      const actor = requestActor(context);
      requireRole(actor, RECORDING_ROLES, 'Following an import');
      const tx = requestTransaction(context);
      const tenantId = await organisationFor(tx, args.organisationId?.id ?? actor.organisationId);
      return recordImportStatus(tx, tenantId, args.importKey);
    },
  }),
);
