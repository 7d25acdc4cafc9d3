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

export const ApplicationStageRef = builder.drizzleObject('applicationStages', {
  name: 'ApplicationStage',
  description: 'A stage an application reached, and when (its newest version).',
  fields: (t) => ({
    stage: t.expose('stage', { type: ApplicationStageNameEnum, description: 'The stage reached.' }),
    reachedAt: t.expose('reachedAt', { type: 'DateTime', description: 'When the application reached it.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
  }),
});

export const ApplicationRef = builder.drizzleNode('applications', {
  name: 'Application',
  ...readableBy(SERVICES_READ_RULES.Application),
  description: 'An application for a vacancy, and when recruitment received it.',
  id: { column: (application) => application.id, description: 'Opaque global id (of this version).' },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The customer reference for the application.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When recruitment received it.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
    stages: t.relation('stages', {
      description: 'The stages it has reached, earliest first (each in its newest version).',
      query: { orderBy: { reachedAt: 'asc', id: 'asc' } },
    }),
  }),
});

export const VacancyRef = builder.drizzleNode('vacancies', {
  name: 'Vacancy',
  ...readableBy(SERVICES_READ_RULES.Vacancy),
  description: 'A post recruitment advertises for an organisation.',
  id: { column: (vacancy) => vacancy.id, description: 'Opaque global id (of this version).' },
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The customer reference for the vacancy.' }),
    title: t.exposeString('title', { description: 'The post.' }),
    openedOn: t.exposeString('openedOn', { description: 'When it opened (ISO date).' }),
    closesOn: t.exposeString('closesOn', { nullable: true, description: 'When it closes (ISO date), if set.' }),
    version: t.exposeInt('version', {
      description: 'Which version of the record this is: 1 as first recorded, then one more for each correction.',
    }),
    recordedAt: t.expose('recordedAt', {
      type: 'DateTime',
      description: 'When we recorded this version (the database clock), as opposed to when things happened.',
    }),
    applications: t.relatedConnection(
      'applications',
      {
        description: 'The applications received for it, earliest first (each in its newest version).',
        query: { orderBy: { receivedAt: 'asc', id: 'asc' } },
        ...pageSizeOptions,
      },
      { name: 'ApplicationConnection', description: 'A page of applications.' },
      { name: 'ApplicationEdge' },
    ),
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
  vacancies: t.relatedConnection(
    'vacancies',
    {
      description: 'The vacancies recruitment advertises for this organisation, newest opened first.',
      query: { orderBy: { openedOn: 'desc', id: 'desc' } },
      ...pageSizeOptions,
    },
    { name: 'VacancyConnection', description: 'A page of vacancies.' },
    { name: 'VacancyEdge' },
  ),
}));
