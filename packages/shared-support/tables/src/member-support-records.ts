import { tenantPolicies } from '@ssp/core/tables';
import { organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { supportSkills } from './support-skills.ts';

/**
 * A member's agreement to share with a partnership it belongs to (its parent organisation of kind
 * partnership), and what it shares of its people. The member's own row: only it changes it, and
 * `app.set_partnership_context()` reads it to decide which partnerships' shared rows the member's
 * transactions may see. Opting out sets `opted_in` false; the next request no longer sees them.
 */
export const sharingAgreements = pgTable.withRLS(
  'sharing_agreements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    partnershipId: uuid('partnership_id').notNull(),
    optedIn: boolean('opted_in').notNull(),
    sharesName: boolean('shares_name').notNull(),
    sharesRole: boolean('shares_role').notNull(),
    sharesSkills: boolean('shares_skills').notNull(),
    sharesContact: boolean('shares_contact').notNull(),
    sharesAvailability: boolean('shares_availability').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'sharing_agreements_pkey', columns: [t.tenantId, t.id] }),
    unique('sharing_agreements_tenant_partnership_key').on(t.tenantId, t.partnershipId),
    foreignKey({ name: 'sharing_agreements_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    foreignKey({
      name: 'sharing_agreements_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [organisations.id],
    }),
    ...tenantPolicies('sharing_agreements', t.tenantId),
  ],
);

/** Someone who works in ICT support at a member (not necessarily a platform user). Private to the member. */
export const supportPeople = pgTable.withRLS(
  'support_people',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fullName: text('full_name').notNull(),
    roleTitle: text('role_title').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The key the member added the person with, and a hash of that input. */
    idempotencyKey: text('idempotency_key'),
    inputHash: text('input_hash'),
  },
  (t) => [
    primaryKey({ name: 'support_people_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'support_people_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    unique('support_people_idempotency_key').on(t.tenantId, t.idempotencyKey),
    index('support_people_tenant_name_idx').on(t.tenantId, t.fullName, t.id),
    ...tenantPolicies('support_people', t.tenantId),
  ],
);

/** A person's skill from the shared taxonomy, at a level from 1 (aware) to 4 (expert). */
export const supportPersonSkills = pgTable.withRLS(
  'support_person_skills',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    skillCode: text('skill_code').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ name: 'support_person_skills_pkey', columns: [t.tenantId, t.personId, t.skillCode] }),
    foreignKey({
      name: 'support_person_skills_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [supportPeople.tenantId, supportPeople.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'support_person_skills_skill_fk',
      columns: [t.skillCode],
      foreignColumns: [supportSkills.code],
    }),
    check('support_person_skills_level_check', sql`${t.level} between 1 and 4`),
    ...tenantPolicies('support_person_skills', t.tenantId),
  ],
);

/** A period a person cannot be called on (leave, training); the reason stays with the member. */
export const supportPersonUnavailability = pgTable.withRLS(
  'support_person_unavailability',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ name: 'support_person_unavailability_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'support_person_unavailability_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [supportPeople.tenantId, supportPeople.id],
    }).onDelete('cascade'),
    index('support_person_unavailability_person_idx').on(t.tenantId, t.personId, t.startsOn),
    check('support_person_unavailability_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    ...tenantPolicies('support_person_unavailability', t.tenantId),
  ],
);
