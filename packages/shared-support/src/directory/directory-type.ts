import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  describedEnumValues,
  mayReadType,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import * as tables from '@ssp/shared-support-tables';
import { asc } from 'drizzle-orm';
import { findSharedNodes } from '../common/find-shared-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  checkDirectorySearch,
  loadSharedPeopleById,
  type SharedPersonRow,
  searchDirectory,
} from './search-directory.ts';
import { loadSupportPeople, type SupportPersonView } from './support-person-views.ts';

type SkillRow = typeof tables.supportSkills.$inferSelect;

export const SupportSkillCategoryEnum = builder.enumType('SupportSkillCategory', {
  description: 'A family of skills in the shared taxonomy.',
  values: describedEnumValues<(typeof tables.supportSkillCategory.enumValues)[number]>({
    networks: 'Networks: routing, switching, firewalls, Wi-Fi.',
    servers: 'Servers and virtualisation.',
    storage: 'Storage and backup.',
    security: 'Information security.',
    applications: 'Named applications (Oracle, Avaya...).',
    telephony: 'Telephony and contact centres.',
    databases: 'Databases.',
    end_user_computing: 'Desktops, laptops and user support.',
  }),
});

const SupportSkillRef = builder.objectRef<SkillRow>('SupportSkill').implement({
  description: 'A skill in the shared taxonomy every partnership directory uses.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. `firewalls`.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    category: t.field({ type: SupportSkillCategoryEnum, description: 'Its family.', resolve: (s) => s.category }),
  }),
});

export const SkillLevelRef = builder.objectRef<{ skillCode: string; level: number }>('SkillLevel').implement({
  description: 'A skill held at a level.',
  fields: (t) => ({
    skillCode: t.exposeString('skillCode', { description: 'The skill code from the taxonomy.' }),
    level: t.exposeInt('level', { description: '1 (aware), 2 (practitioner), 3 (senior), 4 (expert).' }),
  }),
});

builder.queryField('supportSkills', (t) =>
  t.connection(
    {
      type: SupportSkillRef,
      description: 'The shared skills taxonomy, by family and code.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, context) => {
        checkedPageSize(args);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, ({ limit, offset }) =>
          tx
            .select()
            .from(tables.supportSkills)
            .orderBy(asc(tables.supportSkills.category), asc(tables.supportSkills.code))
            .limit(limit)
            .offset(offset),
        );
      },
    },
    { name: 'SupportSkillConnection', description: 'A page of the skills taxonomy.' },
    { name: 'SupportSkillEdge', description: 'A skill, with its cursor.' },
  ),
);

// --- What a member keeps about its own people -------------------------------------------------

const UnavailabilityRef = builder
  .objectRef<{ startsOn: string; endsOn: string; reason: string | null }>('UnavailablePeriod')
  .implement({
    description: 'Days a person cannot be called on, both ends included.',
    fields: (t) => ({
      startsOn: t.exposeString('startsOn', { description: 'First day (YYYY-MM-DD).' }),
      endsOn: t.exposeString('endsOn', { description: 'Last day (YYYY-MM-DD).' }),
      reason: t.exposeString('reason', { nullable: true, description: 'Why (never shared with other members).' }),
    }),
  });

export const SupportPersonRef = builder.node(builder.objectRef<SupportPersonView>('SupportPerson'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.SupportPerson),
  description: "Someone in your organisation's ICT support, as you keep them (all fields, yours only).",
  id: { resolve: (p) => p.id, description: 'Opaque global id.' },
  // Only the member's own people: row-level security and the tenant condition both say so.
  loadMany: async (ids, context) => {
    const actor = requestActor(context);
    if (!mayReadType(SHARED_SUPPORT_READ_RULES.SupportPerson, actor)) return ids.map(() => null);
    const people = await loadSupportPeople(requestTransaction(context), actor.organisationId, { ids: [...ids] });
    return ids.map((id) => people.find((person) => person.id === id) ?? null);
  },
  fields: (t) => ({
    fullName: t.exposeString('fullName', { description: 'Their name.' }),
    roleTitle: t.exposeString('roleTitle', { description: 'Their job title.' }),
    email: t.exposeString('email', { nullable: true, description: 'Their email address.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their telephone number.' }),
    skills: t.field({ type: [SkillLevelRef], description: 'Their skills.', resolve: (p) => p.skills }),
    unavailability: t.field({
      type: [UnavailabilityRef],
      description: 'When they cannot be called on.',
      resolve: (p) => p.unavailability,
    }),
  }),
});

builder.queryField('supportPeople', (t) =>
  t.connection(
    {
      type: SupportPersonRef,
      description: "Your organisation's ICT support people, by name (tenant admins and service agents).",
      authScopes: { authenticated: true },
      resolve: async (_root, args, context) => {
        checkedPageSize(args);
        const actor = requireReadAccess(SHARED_SUPPORT_READ_RULES.SupportPerson, context, 'Reading support people');
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          return loadSupportPeople(tx, actor.organisationId, { limit, offset });
        });
      },
    },
    { name: 'SupportPersonConnection', description: 'A page of your support people.' },
    { name: 'SupportPersonEdge', description: 'A person, with its cursor.' },
  ),
);

// --- The shared directory ---------------------------------------------------------------------

export const SharedPersonRef = builder.node(builder.objectRef<SharedPersonRow>('SharedPerson'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.SharedPerson),
  description:
    "Someone in a member's ICT support as the member shares them: a field the member does not share is null.",
  id: { resolve: (p) => p.id, description: 'Opaque global id.' },
  loadMany: (ids, context) =>
    findSharedNodes(context, ids, loadSharedPeopleById, 'shared_directory', (p) => [p.memberOrganisationId]),
  fields: (t) => ({
    memberOrganisationId: t.globalID({
      description: 'The global id of their organisation.',
      resolve: (p) => ({ type: 'Organisation', id: p.memberOrganisationId }),
    }),
    memberName: t.exposeString('memberName', { description: 'Their organisation.' }),
    fullName: t.exposeString('fullName', { nullable: true, description: 'Their name, if shared.' }),
    roleTitle: t.exposeString('roleTitle', { nullable: true, description: 'Their job title, if shared.' }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'Their email address, if contact details are shared.',
    }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'Their telephone number, if contact details are shared.',
    }),
    skills: t.field({
      type: [SkillLevelRef],
      nullable: true,
      description: 'Their skills, if shared.',
      resolve: (p) => p.skills,
    }),
    available: t.exposeBoolean('available', {
      nullable: true,
      description:
        'Whether they are free for the whole period searched; null when their organisation does not share availability or no period was given.',
    }),
  }),
});

builder.objectField(SharedSupportRef, 'directory', (t) =>
  t.connection(
    {
      type: SharedPersonRef,
      description:
        'Searches the people the members share: by skill at or above a level, and free over a period. Highest level first. Each read of another member is recorded in your audit trail.',
      args: {
        skillCode: t.arg.string({ required: false, description: 'A skill code from the taxonomy.' }),
        minimumLevel: t.arg.int({ required: false, description: 'The lowest level wanted (1 to 4; 1 when left out).' }),
        availableFrom: t.arg.string({ required: false, description: 'First day they must be free (YYYY-MM-DD).' }),
        availableTo: t.arg.string({ required: false, description: 'Last day they must be free (YYYY-MM-DD).' }),
      },
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        requireReadAccess(SHARED_SUPPORT_READ_RULES.SharedPerson, context, 'Searching the directory');
        const search = {
          partnershipId: support.partnershipId,
          skillCode: args.skillCode ?? null,
          minimumLevel: args.minimumLevel ?? 1,
          availableFrom: args.availableFrom ?? null,
          availableTo: args.availableTo ?? null,
        };
        checkDirectorySearch(search);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const people = await searchDirectory(tx, { ...search, limit, offset });
          await recordSharedReads(
            context,
            support.partnershipId,
            'shared_directory',
            people.map((p) => ({ memberOrganisationId: p.memberOrganisationId, ids: [p.id] })),
          );
          return people;
        });
      },
    },
    { name: 'SharedPersonConnection', description: 'A page of the shared directory.' },
    { name: 'SharedPersonEdge', description: 'A person, with their cursor.' },
  ),
);
