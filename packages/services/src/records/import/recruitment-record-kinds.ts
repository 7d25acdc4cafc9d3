import * as tables from '@ssp/services-tables';
import { sql } from 'drizzle-orm';
import { byReference, heldRecords } from './held-records.ts';
import type { FieldSpec, RecordKind } from './record-kind.ts';
import { laterThan } from './record-times.ts';

const reference = (what: string): FieldSpec => ({
  name: 'reference',
  csv: 'reference',
  type: 'text',
  maxLength: 100,
  required: true,
  description: `Your reference for the ${what} (no personal data needed): it names the record, and a correction repeats it.`,
});

export const DBS_CHECKS: RecordKind = {
  name: 'dbs_checks',
  typeName: 'DbsCheck',
  noun: 'DBS check',
  pluralName: 'DbsChecks',
  description: 'A DBS check: received, its necessary information complete, processed.',
  table: tables.dbsChecks,
  fields: [
    reference('applicant or post'),
    { name: 'receivedAt', csv: 'received_at', type: 'instant', required: true, description: 'When it arrived.' },
    {
      name: 'informationCompleteAt',
      csv: 'information_complete_at',
      type: 'instant',
      required: false,
      description: 'When the last of the necessary information arrived (the two working days start here).',
    },
    {
      name: 'processedAt',
      csv: 'processed_at',
      type: 'instant',
      required: false,
      description: 'When it was processed; needs the information complete.',
    },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  check: (values) => {
    if (values.processedAt !== null && values.informationCompleteAt === null) {
      return { field: 'informationCompleteAt', reason: 'A processed check has its information complete: give when' };
    }
    return (
      laterThan(values, 'informationCompleteAt', 'receivedAt') ??
      laterThan(values, 'processedAt', 'informationCompleteAt')
    );
  },
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('dbs_checks', tenantId)),
  toRow: (values) => ({
    reference: values.reference,
    receivedAt: values.receivedAt,
    informationCompleteAt: values.informationCompleteAt,
    processedAt: values.processedAt,
  }),
};

export const CONTRACT_LETTERS: RecordKind = {
  name: 'contract_letters',
  typeName: 'ContractLetter',
  noun: 'contract letter',
  pluralName: 'ContractLetters',
  description: 'A contract letter: the change made in the HR system, and when the letter was issued.',
  table: tables.contractLetters,
  fields: [
    reference('employee or post'),
    {
      name: 'systemChangeDate',
      csv: 'system_change_date',
      type: 'date',
      required: true,
      description: 'When the HR system was changed (ISO date).',
    },
    {
      name: 'issuedDate',
      csv: 'issued_date',
      type: 'date',
      required: false,
      description: 'When the letter was issued (ISO date); absent until it is.',
    },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  check: (values) => laterThan(values, 'issuedDate', 'systemChangeDate'),
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('contract_letters', tenantId)),
  toRow: (values) => ({
    reference: values.reference,
    systemChangeDate: values.systemChangeDate,
    issuedDate: values.issuedDate,
  }),
};

export const VACANCIES: RecordKind = {
  name: 'vacancies',
  typeName: 'Vacancy',
  noun: 'vacancy',
  pluralName: 'Vacancies',
  description: 'A post recruitment advertises for the organisation.',
  table: tables.vacancies,
  fields: [
    reference('vacancy'),
    { name: 'title', csv: 'title', type: 'text', maxLength: 200, required: true, description: 'The post.' },
    { name: 'openedOn', csv: 'opened_on', type: 'date', required: true, description: 'When it opened (ISO date).' },
    {
      name: 'closesOn',
      csv: 'closes_on',
      type: 'date',
      mayBeAhead: true,
      required: false,
      description: 'When applications close (ISO date; may be ahead).',
    },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  check: (values) => laterThan(values, 'closesOn', 'openedOn'),
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('vacancies', tenantId)),
  toRow: (values) => ({
    reference: values.reference,
    title: values.title,
    openedOn: values.openedOn,
    closesOn: values.closesOn,
  }),
};

export const APPLICATIONS: RecordKind = {
  name: 'applications',
  typeName: 'Application',
  noun: 'application',
  pluralName: 'Applications',
  description: 'An application for a vacancy.',
  table: tables.applications,
  fields: [
    reference('application'),
    {
      name: 'vacancyReference',
      csv: 'vacancy_reference',
      type: 'text',
      maxLength: 100,
      required: true,
      description: 'The vacancy, by your reference for it.',
    },
    { name: 'receivedAt', csv: 'received_at', type: 'instant', required: true, description: 'When it arrived.' },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  parents: [
    {
      kind: 'vacancies',
      key: (values) => String(values.vacancyReference),
      field: 'vacancyReference',
      column: 'vacancyId',
    },
  ],
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('applications', tenantId)),
  toRow: (values, parents) => ({
    reference: values.reference,
    vacancyId: parents.vacancyId ?? null,
    receivedAt: values.receivedAt,
  }),
};

export const APPLICATION_STAGES: RecordKind = {
  name: 'application_stages',
  typeName: 'ApplicationStage',
  noun: 'application stage',
  pluralName: 'ApplicationStages',
  description: 'A stage an application reached, and when: an application reaches each stage once.',
  table: tables.applicationStages,
  fields: [
    {
      name: 'applicationReference',
      csv: 'application_reference',
      type: 'text',
      maxLength: 100,
      required: true,
      description: 'The application, by your reference for it.',
    },
    {
      name: 'stage',
      csv: 'stage',
      type: 'enum',
      values: tables.applicationStage.enumValues,
      graphqlEnum: 'ApplicationStageName',
      required: true,
      description: 'The stage reached.',
    },
    { name: 'reachedAt', csv: 'reached_at', type: 'instant', required: true, description: 'When it was reached.' },
  ],
  key: (values) => `${values.applicationReference}|${values.stage}`,
  keyField: 'stage',
  parents: [
    {
      kind: 'applications',
      key: (values) => String(values.applicationReference),
      field: 'applicationReference',
      column: 'applicationId',
    },
  ],
  held: (tx, tenantId, keys) =>
    heldRecords(
      tx,
      keys,
      (wanted) => sql`select wanted.key, s.record_id, s.version
                   from application_stages s join applications a on a.tenant_id = s.tenant_id and a.record_id = s.application_id
                   join ${wanted} on wanted.key = a.reference || '|' || s.stage::text
                   where s.tenant_id = ${tenantId} and a.tenant_id = ${tenantId}`,
    ),
  toRow: (values, parents) => ({
    applicationId: parents.applicationId ?? null,
    stage: values.stage,
    reachedAt: values.reachedAt,
  }),
};
