import * as tables from '@ssp/services-tables';
import { sql } from 'drizzle-orm';
import { byReference, heldRecords } from './held-records.ts';
import type { FieldSpec, RecordKind, RecordValues } from './record-kind.ts';
import { laterThan } from './record-times.ts';

const payrollCode: FieldSpec = {
  name: 'payrollCode',
  csv: 'payroll_code',
  type: 'text',
  maxLength: 60,
  required: true,
  description: 'The payroll, by its code (e.g. `LCC-CORPORATE`).',
};
const periodStart: FieldSpec = {
  name: 'periodStart',
  csv: 'period_start',
  type: 'date',
  // Periods are published ahead: a starter is sent in March for April's pay.
  mayBeAhead: true,
  required: true,
  description: 'The first day of the pay period (ISO date): with the payroll code it names the period.',
};
const reference = (what: string): FieldSpec => ({
  name: 'reference',
  csv: 'reference',
  type: 'text',
  maxLength: 100,
  required: true,
  description: `Your system's reference for the ${what}: it names the record, and a correction repeats it.`,
});

/** A pay period's key: its payroll's code and its first day. */
const periodKey = (values: RecordValues) => `${values.payrollCode}|${values.periodStart}`;

const payPeriodParent = {
  kind: 'pay_periods',
  key: periodKey,
  field: 'periodStart',
  column: 'payPeriodId',
} as const;

export const PAYROLLS: RecordKind = {
  name: 'payrolls',
  typeName: 'Payroll',
  noun: 'payroll',
  pluralName: 'Payrolls',
  description: 'A payroll the partnership runs for the organisation.',
  table: tables.payrolls,
  fields: [
    { ...payrollCode, name: 'code', csv: 'code', description: 'Its code, unique within the organisation.' },
    { name: 'name', csv: 'name', type: 'text', maxLength: 200, required: true, description: 'Its name.' },
    {
      name: 'frequency',
      csv: 'frequency',
      type: 'enum',
      values: tables.payrollFrequency.enumValues,
      graphqlEnum: 'PayrollFrequency',
      required: true,
      description: 'How often it pays.',
    },
  ],
  key: (values) => String(values.code),
  keyField: 'code',
  held: (tx, tenantId, keys) =>
    heldRecords(
      tx,
      keys,
      (wanted) => sql`select p.code as key, p.record_id, p.version from payrolls p join ${wanted} on wanted.key = p.code
                      where p.tenant_id = ${tenantId}`,
    ),
  toRow: (values) => ({ code: values.code, name: values.name, frequency: values.frequency }),
};

export const PAY_PERIODS: RecordKind = {
  name: 'pay_periods',
  typeName: 'PayPeriod',
  noun: 'pay period',
  pluralName: 'PayPeriods',
  description: 'A pay period of a payroll: its published deadline for changes, and the salary payments made in it.',
  table: tables.payPeriods,
  fields: [
    payrollCode,
    { ...periodStart, description: 'Its first day (ISO date); may be ahead (periods are published in advance).' },
    {
      name: 'publishedDeadline',
      csv: 'published_deadline',
      type: 'instant',
      mayBeAhead: true,
      required: true,
      description: 'The published deadline: changes received by then must be processed by then.',
    },
    {
      name: 'paymentsMade',
      csv: 'payments_made',
      type: 'count',
      required: true,
      description: 'Salary payments made in the period (0 until it is paid; a correction gives the final count).',
    },
  ],
  key: periodKey,
  keyField: 'periodStart',
  parents: [
    { kind: 'payrolls', key: (values) => String(values.payrollCode), field: 'payrollCode', column: 'payrollId' },
  ],
  held: (tx, tenantId, keys) =>
    heldRecords(
      tx,
      keys,
      (wanted) => sql`select wanted.key, p.record_id, p.version
                   from pay_periods p join payrolls r on r.tenant_id = p.tenant_id and r.record_id = p.payroll_id
                   join ${wanted} on wanted.key = r.code || '|' || p.period_start::text
                   where p.tenant_id = ${tenantId} and r.tenant_id = ${tenantId}`,
    ),
  toRow: (values, parents) => ({
    payrollId: parents.payrollId ?? null,
    periodStart: values.periodStart,
    publishedDeadline: values.publishedDeadline,
    paymentsMade: values.paymentsMade,
  }),
};

export const PAYROLL_CHANGES: RecordKind = {
  name: 'payroll_changes',
  typeName: 'PayrollChange',
  noun: 'payroll change',
  pluralName: 'PayrollChanges',
  description: 'A change a payroll received (starter, leaver, pay change, arrears), and when it was processed.',
  table: tables.payrollChanges,
  fields: [
    reference('change'),
    { ...payrollCode, description: 'The payroll it is for, by its code.' },
    {
      ...periodStart,
      description: 'The pay period it was meant for (its first day): its deadline is the one that counts.',
    },
    {
      name: 'kind',
      csv: 'kind',
      type: 'enum',
      values: tables.payrollChangeKind.enumValues,
      graphqlEnum: 'PayrollChangeKind',
      required: true,
      description: 'What kind of change.',
    },
    {
      name: 'receivedAt',
      csv: 'received_at',
      type: 'instant',
      required: true,
      description: 'When the partnership received it.',
    },
    {
      name: 'processedAt',
      csv: 'processed_at',
      type: 'instant',
      required: false,
      description: 'When it was processed; absent while unprocessed (a correction adds it).',
    },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  check: (values) => laterThan(values, 'processedAt', 'receivedAt'),
  parents: [payPeriodParent],
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('payroll_changes', tenantId)),
  toRow: (values, parents) => ({
    reference: values.reference,
    payPeriodId: parents.payPeriodId ?? null,
    kind: values.kind,
    receivedAt: values.receivedAt,
    processedAt: values.processedAt,
  }),
};

export const PAYROLL_ERRORS: RecordKind = {
  name: 'payroll_errors',
  typeName: 'PayrollError',
  noun: 'payroll error',
  pluralName: 'PayrollErrors',
  description: 'An error found in a pay run, and who caused it (only the partnership errors count against it).',
  table: tables.payrollErrors,
  fields: [
    reference('error'),
    { ...payrollCode, description: 'The payroll, by its code.' },
    { ...periodStart, description: 'The pay period whose run had the error (its first day).' },
    {
      name: 'causedBy',
      csv: 'caused_by',
      type: 'enum',
      values: tables.errorCause.enumValues,
      graphqlEnum: 'PayrollErrorCause',
      required: true,
      description: 'Who caused it.',
    },
    {
      name: 'description',
      csv: 'description',
      type: 'text',
      maxLength: 2_000,
      required: true,
      description: 'What went wrong.',
    },
  ],
  key: (values) => String(values.reference),
  keyField: 'reference',
  parents: [payPeriodParent],
  held: (tx, tenantId, keys) => heldRecords(tx, keys, byReference('payroll_errors', tenantId)),
  toRow: (values, parents) => ({
    reference: values.reference,
    payPeriodId: parents.payPeriodId ?? null,
    causedBy: values.causedBy,
    description: values.description,
  }),
};
