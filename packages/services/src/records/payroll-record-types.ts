import { describedEnumValues, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { OrganisationRef } from '@ssp/tenants';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';

export const PayrollChangeKindEnum = builder.enumType('PayrollChangeKind', {
  description: 'What a payroll change is.',
  values: describedEnumValues<(typeof tables.payrollChangeKind.enumValues)[number]>({
    starter: 'A new starter.',
    leaver: 'A leaver.',
    pay_change: 'A change to pay.',
    arrears: 'Arrears or another adjustment.',
  }),
});

export const ErrorCauseEnum = builder.enumType('PayrollErrorCause', {
  description: 'Who caused a payroll error; only the partnership errors count against its indicator.',
  values: describedEnumValues<(typeof tables.errorCause.enumValues)[number]>({
    partnership: 'The partnership (counts against its error-rate indicator).',
    customer: 'The customer (for example late or wrong information).',
  }),
});

export const PayrollFrequencyEnum = builder.enumType('PayrollFrequency', {
  description: 'How often a payroll pays.',
  values: describedEnumValues<(typeof tables.payrollFrequency.enumValues)[number]>({
    monthly: 'Monthly.',
    four_weekly: 'Every four weeks.',
    fortnightly: 'Every two weeks.',
    weekly: 'Weekly.',
  }),
});

const PayrollChangeRef = builder.drizzleObject('payrollChanges', {
  name: 'PayrollChange',
  description: 'A change a payroll received, and when it was processed.',
  fields: (t) => ({
    kind: t.expose('kind', { type: PayrollChangeKindEnum, description: 'What kind of change.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When the partnership received it.' }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true, description: 'When it was processed.' }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: "The sending system's reference for it (null for changes recorded before imports).",
    }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
  }),
});

const PayrollErrorRef = builder.drizzleObject('payrollErrors', {
  name: 'PayrollError',
  description: 'An error in a pay period.',
  fields: (t) => ({
    causedBy: t.expose('causedBy', { type: ErrorCauseEnum, description: 'Who caused it.' }),
    description: t.exposeString('description', { description: 'What went wrong.' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When this version was recorded.' }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: "The reporting system's reference for it (null for errors recorded before imports).",
    }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
  }),
});

const PayPeriodRef = builder.drizzleObject('payPeriods', {
  name: 'PayPeriod',
  description: 'One pay period of a payroll, its published deadline for changes and the payments made.',
  fields: (t) => ({
    periodStart: t.exposeString('periodStart', { description: 'First day of the period (ISO date).' }),
    publishedDeadline: t.expose('publishedDeadline', {
      type: 'DateTime',
      description: 'Changes received by then must make this payroll (the 99 % indicator).',
    }),
    paymentsMade: t.exposeInt('paymentsMade', { description: 'Salary payments made in the period.' }),
    changes: t.relatedConnection(
      'changes',
      {
        description: 'The changes received for the period.',
        query: { orderBy: { receivedAt: 'asc', id: 'asc' } },
        ...pageSizeOptions,
      },
      { name: 'PayrollChangeConnection', description: 'A page of payroll changes.' },
      { name: 'PayrollChangeEdge' },
    ),
    errors: t.relation('errors', { description: 'The errors recorded against the period.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
  }),
});

export const PayrollRef = builder.drizzleNode('payrolls', {
  name: 'Payroll',
  ...readableBy(SERVICES_READ_RULES.Payroll),
  description: 'A payroll the partnership runs for an organisation.',
  id: { column: (payroll) => payroll.id, description: 'Opaque global id.' },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Its code, unique within the organisation.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
    periods: t.relatedConnection(
      'periods',
      {
        description: 'Its pay periods, newest first.',
        query: { orderBy: { periodStart: 'desc', id: 'desc' } },
        ...pageSizeOptions,
      },
      { name: 'PayPeriodConnection', description: 'A page of pay periods.' },
      { name: 'PayPeriodEdge' },
    ),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'payrolls', (t) =>
  t.relatedConnection(
    'payrolls',
    {
      description: 'The payrolls run for this organisation, by code.',
      query: { orderBy: { code: 'asc', id: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'PayrollConnection', description: 'A page of payrolls.' },
    { name: 'PayrollEdge' },
  ),
);

export { PayPeriodRef, PayrollChangeRef, PayrollErrorRef };
