import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordImports } from './record-imports.ts';
import { recordVersionColumns, recordVersionConstraints } from './record-versions.ts';
import { applicationStage } from './service-enums.ts';

/** A DBS check: the KPI counts working days from complete information to processing. */
export const dbsChecks = pgTable.withRLS(
  'dbs_checks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The applicant or post, as the customer refers to it (no personal data needed here). */
    reference: text('reference').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    informationCompleteAt: timestamp('information_complete_at', { withTimezone: true }),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'dbs_checks_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dbs_checks_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('dbs_checks_tenant_complete_idx').on(t.tenantId, t.informationCompleteAt),
    uniqueIndex('dbs_checks_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    ...recordVersionConstraints('dbs_checks', t, recordImports),
    ...tenantPolicies('dbs_checks', t.tenantId),
  ],
);

/** A contract letter: the change made in the HR system, and when the letter was issued. */
export const contractLetters = pgTable.withRLS(
  'contract_letters',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    systemChangeDate: date('system_change_date', { mode: 'string' }).notNull(),
    issuedDate: date('issued_date', { mode: 'string' }),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'contract_letters_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contract_letters_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    index('contract_letters_tenant_change_idx').on(t.tenantId, t.systemChangeDate),
    uniqueIndex('contract_letters_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    ...recordVersionConstraints('contract_letters', t, recordImports),
    ...tenantPolicies('contract_letters', t.tenantId),
  ],
);

/** A post recruitment advertises for an organisation. */
export const vacancies = pgTable.withRLS(
  'vacancies',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The customer's reference for the vacancy; corrections keep it. */
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'vacancies_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'vacancies_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    uniqueIndex('vacancies_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    ...recordVersionConstraints('vacancies', t, recordImports),
    ...tenantPolicies('vacancies', t.tenantId),
  ],
);

/** An application for a vacancy, and when recruitment received it. */
export const applications = pgTable.withRLS(
  'applications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The customer's reference for the application (no personal data needed here). */
    reference: text('reference').notNull(),
    /** The vacancy's record id (its first version's id). */
    vacancyId: uuid('vacancy_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'applications_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'applications_vacancy_fk',
      columns: [t.tenantId, t.vacancyId],
      foreignColumns: [vacancies.tenantId, vacancies.id],
    }),
    uniqueIndex('applications_tenant_reference_key').on(t.tenantId, t.reference).where(sql`corrects_id is null`),
    index('applications_tenant_vacancy_idx').on(t.tenantId, t.vacancyId),
    ...recordVersionConstraints('applications', t, recordImports),
    ...tenantPolicies('applications', t.tenantId),
  ],
);

/** A stage an application reached (shortlisted, interviewed, offered...), and when. */
export const applicationStages = pgTable.withRLS(
  'application_stages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The application's record id (its first version's id). */
    applicationId: uuid('application_id').notNull(),
    stage: applicationStage('stage').notNull(),
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull(),
    ...recordVersionColumns(),
  },
  (t) => [
    primaryKey({ name: 'application_stages_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'application_stages_application_fk',
      columns: [t.tenantId, t.applicationId],
      foreignColumns: [applications.tenantId, applications.id],
    }),
    // An application reaches each stage once; a corrected time is a new version of that stage.
    uniqueIndex('application_stages_tenant_application_stage_key')
      .on(t.tenantId, t.applicationId, t.stage)
      .where(sql`corrects_id is null`),
    ...recordVersionConstraints('application_stages', t, recordImports),
    ...tenantPolicies('application_stages', t.tenantId),
  ],
);
