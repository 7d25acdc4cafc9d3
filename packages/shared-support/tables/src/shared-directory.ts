import { tenantPolicies } from '@ssp/core/tables';
import { nation, organisations } from '@ssp/tenants-tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipMemberWritePolicies, partnershipReadPolicy } from './partnership-policies.ts';
import { supportSkills } from './support-skills.ts';

// What a member publishes to its partnership while it is opted in. These rows belong to the
// partnership (tenant_id is the partnership's id) and hold only what the member chose to share:
// an unshared field is null here, so no query, however written, can read it from another member.
// The member rewrites its rows whenever its agreement or people change, and deletes them when it
// opts out.

/** A member that has opted in: its name, nation (for the rota's bank holidays) and what it shares. */
export const sharedMembers = pgTable.withRLS(
  'shared_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
    memberName: text('member_name').notNull(),
    nation: nation('nation').notNull(),
    sharesName: boolean('shares_name').notNull(),
    sharesRole: boolean('shares_role').notNull(),
    sharesSkills: boolean('shares_skills').notNull(),
    sharesContact: boolean('shares_contact').notNull(),
    sharesAvailability: boolean('shares_availability').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'shared_members_pkey', columns: [t.tenantId, t.memberOrganisationId] }),
    foreignKey({ name: 'shared_members_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    ...tenantPolicies('shared_members', t.tenantId),
    partnershipReadPolicy('shared_members', t.tenantId),
    ...partnershipMemberWritePolicies('shared_members', t.tenantId, t.memberOrganisationId, [
      'insert',
      'update',
      'delete',
    ]),
  ],
);

/** The partnership's weight for each member's share of the out-of-hours rota (set by the partnership). */
export const rotaShares = pgTable.withRLS(
  'rota_shares',
  {
    tenantId: uuid('tenant_id').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
    weight: integer('weight').notNull(),
  },
  (t) => [
    primaryKey({ name: 'rota_shares_pkey', columns: [t.tenantId, t.memberOrganisationId] }),
    foreignKey({ name: 'rota_shares_tenant_fk', columns: [t.tenantId], foreignColumns: [organisations.id] }),
    check('rota_shares_weight_check', sql`${t.weight} > 0`),
    ...tenantPolicies('rota_shares', t.tenantId),
    partnershipReadPolicy('rota_shares', t.tenantId),
  ],
);

/** A member's person as published: the id is the member's own person id. */
export const sharedPeople = pgTable.withRLS(
  'shared_people',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
    fullName: text('full_name'),
    roleTitle: text('role_title'),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [
    primaryKey({ name: 'shared_people_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'shared_people_member_fk',
      columns: [t.tenantId, t.memberOrganisationId],
      foreignColumns: [sharedMembers.tenantId, sharedMembers.memberOrganisationId],
    }).onDelete('cascade'),
    index('shared_people_tenant_member_idx').on(t.tenantId, t.memberOrganisationId, t.id),
    ...tenantPolicies('shared_people', t.tenantId),
    partnershipReadPolicy('shared_people', t.tenantId),
    ...partnershipMemberWritePolicies('shared_people', t.tenantId, t.memberOrganisationId, ['insert', 'delete']),
  ],
);

/** A published skill (only when the member shares skills). */
export const sharedPersonSkills = pgTable.withRLS(
  'shared_person_skills',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    skillCode: text('skill_code').notNull(),
    level: smallint('level').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'shared_person_skills_pkey', columns: [t.tenantId, t.personId, t.skillCode] }),
    foreignKey({
      name: 'shared_person_skills_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [sharedPeople.tenantId, sharedPeople.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'shared_person_skills_skill_fk', columns: [t.skillCode], foreignColumns: [supportSkills.code] }),
    // The directory search: a skill at or above a level, across the partnership.
    index('shared_person_skills_search_idx').on(t.tenantId, t.skillCode, t.level, t.personId),
    ...tenantPolicies('shared_person_skills', t.tenantId),
    partnershipReadPolicy('shared_person_skills', t.tenantId),
    ...partnershipMemberWritePolicies('shared_person_skills', t.tenantId, t.memberOrganisationId, ['insert', 'delete']),
  ],
);

/** A published period a person cannot be called on, without its reason (only when availability is shared). */
export const sharedPersonUnavailability = pgTable.withRLS(
  'shared_person_unavailability',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    memberOrganisationId: uuid('member_organisation_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'shared_person_unavailability_pkey', columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'shared_person_unavailability_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [sharedPeople.tenantId, sharedPeople.id],
    }).onDelete('cascade'),
    index('shared_person_unavailability_person_idx').on(t.tenantId, t.personId, t.startsOn),
    ...tenantPolicies('shared_person_unavailability', t.tenantId),
    partnershipReadPolicy('shared_person_unavailability', t.tenantId),
    ...partnershipMemberWritePolicies('shared_person_unavailability', t.tenantId, t.memberOrganisationId, [
      'insert',
      'delete',
    ]),
  ],
);
