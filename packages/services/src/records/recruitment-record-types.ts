import { describedEnumValues, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { OrganisationRef } from '@ssp/tenants';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';

export const ApplicationStageNameEnum = builder.enumType('ApplicationStageName', {
  description: 'A stage an application reaches.',
  values: describedEnumValues<(typeof tables.applicationStage.enumValues)[number]>({
    shortlisted: 'Shortlisted for interview.',
    interviewed: 'Interviewed.',
    offered: 'Offered the post.',
    appointed: 'Appointed.',
    withdrawn: 'Withdrawn by the applicant.',
    rejected: 'Not taken further.',
  }),
});

export const DbsCheckRef = builder.drizzleNode('dbsChecks', {
  name: 'DbsCheck',
  ...readableBy(SERVICES_READ_RULES.DbsCheck),
  description:
    'A Disclosure and Barring Service check: the indicator counts two working days from complete information to processing.',
  id: { column: (check) => check.id, description: 'Opaque global id.' },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The customer reference for the applicant or post.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When the application arrived.' }),
    informationCompleteAt: t.expose('informationCompleteAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When all necessary information was in: the clock starts here.',
    }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true, description: 'When it was processed.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
  }),
});

export const ContractLetterRef = builder.drizzleNode('contractLetters', {
  name: 'ContractLetter',
  ...readableBy(SERVICES_READ_RULES.ContractLetter),
  description: 'A contract letter: the change made in the HR system, and when the letter was issued.',
  id: { column: (letter) => letter.id, description: 'Opaque global id.' },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The customer reference for the employee or post.' }),
    systemChangeDate: t.exposeString('systemChangeDate', { description: 'When the HR system was changed (ISO date).' }),
    issuedDate: t.exposeString('issuedDate', { nullable: true, description: 'When the letter was issued (ISO date).' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
  }),
});

builder.drizzleObjectFields(OrganisationRef, (t) => ({
  dbsChecks: t.relatedConnection(
    'dbsChecks',
    {
      description: 'The DBS checks handled for this organisation, newest complete information first.',
      query: { orderBy: { receivedAt: 'desc', id: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'DbsCheckConnection', description: 'A page of DBS checks.' },
    { name: 'DbsCheckEdge' },
  ),
  contractLetters: t.relatedConnection(
    'contractLetters',
    {
      description: 'The contract letters issued for this organisation, newest first.',
      query: { orderBy: { systemChangeDate: 'desc', id: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'ContractLetterConnection', description: 'A page of contract letters.' },
    { name: 'ContractLetterEdge' },
  ),
}));
