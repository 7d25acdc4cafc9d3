import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { checkedPageSize, type Nation, queryRows, requestActor, requestTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { NationEnum, OrganisationRef } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { partnershipContext } from '../common/partnership-context.ts';
import { BENEFIT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { currentAgreement, type SharedFields, type SharingAgreementRow } from './sharing-agreement.ts';

/** The partnership whose shared support a field reads; the caller's context includes it. */
export interface SharedSupport {
  partnershipId: string;
}

export const SharedFieldsRef = builder.objectRef<SharedFields>('SharedFields').implement({
  description: 'What a member shares of its people with the other members of its partnership.',
  fields: (t) => ({
    name: t.exposeBoolean('name', { description: 'Their names.' }),
    role: t.exposeBoolean('role', { description: 'Their job titles.' }),
    skills: t.exposeBoolean('skills', { description: 'Their skills and levels (needed to be found by skill).' }),
    contact: t.exposeBoolean('contact', { description: 'Their email addresses and telephone numbers.' }),
    availability: t.exposeBoolean('availability', { description: 'When they cannot be called on (not why).' }),
  }),
});

export const SharedFieldsInput = builder.inputType('SharedFieldsInput', {
  description: 'What to share of your people; anything not shared stays invisible to the other members.',
  fields: (t) => ({
    name: t.boolean({ required: true, description: 'Share their names.' }),
    role: t.boolean({ required: true, description: 'Share their job titles.' }),
    skills: t.boolean({ required: true, description: 'Share their skills and levels.' }),
    contact: t.boolean({ required: true, description: 'Share their email addresses and telephone numbers.' }),
    availability: t.boolean({ required: true, description: 'Share when they cannot be called on.' }),
  }),
});

function sharedFieldsOf(row: SharingAgreementRow | SharedMemberRow): SharedFields {
  return {
    name: row.sharesName,
    role: row.sharesRole,
    skills: row.sharesSkills,
    contact: row.sharesContact,
    availability: row.sharesAvailability,
  };
}

export const SharingAgreementRef = builder.objectRef<SharingAgreementRow>('SharingAgreement').implement({
  description: "Your organisation's agreement to take part in a partnership's shared support, and what it shares.",
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (a) => ({ type: 'SharingAgreement', id: a.id }) }),
    partnershipId: t.globalID({
      description: 'The global id of the partnership (an Organisation).',
      resolve: (a) => ({ type: 'Organisation', id: a.partnershipId }),
    }),
    optedIn: t.exposeBoolean('optedIn', {
      description: 'True while you take part: the other members see what you share, and you see theirs.',
    }),
    shares: t.field({ type: SharedFieldsRef, description: 'What you share.', resolve: (a) => sharedFieldsOf(a) }),
    changedBy: t.exposeString('changedBy', { description: 'Who last changed it.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', description: 'When it was last changed.' }),
  }),
});

export const SharedSupportRef = builder.objectRef<SharedSupport>('SharedSupport').implement({
  description:
    "A partnership's shared support as one of its opted-in members sees it: only what each member shares, every read of another member's rows recorded in your audit trail.",
  fields: (t) => ({
    partnershipId: t.globalID({
      description: 'The global id of the partnership (an Organisation).',
      resolve: (s) => ({ type: 'Organisation', id: s.partnershipId }),
    }),
  }),
});

interface SharedMemberRow {
  memberOrganisationId: string;
  memberName: string;
  nation: Nation;
  sharesName: boolean;
  sharesRole: boolean;
  sharesSkills: boolean;
  sharesContact: boolean;
  sharesAvailability: boolean;
  rotaWeight: number;
  publishedAt: Date;
}

const SharedMemberRef = builder.objectRef<SharedMemberRow>('SharedMember').implement({
  description: 'A member that has opted in, and what it shares.',
  fields: (t) => ({
    organisationId: t.globalID({
      description: 'The global id of the member organisation.',
      resolve: (m) => ({ type: 'Organisation', id: m.memberOrganisationId }),
    }),
    name: t.exposeString('memberName', { description: 'Its name.' }),
    nation: t.field({
      type: NationEnum,
      description: 'Whose bank holidays its out-of-hours cover follows.',
      resolve: (m) => m.nation,
    }),
    shares: t.field({ type: SharedFieldsRef, description: 'What it shares.', resolve: (m) => sharedFieldsOf(m) }),
    rotaWeight: t.exposeInt('rotaWeight', {
      description: 'Its agreed weight in the out-of-hours rota (1 unless the partnership set another).',
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'When it last published its directory.' }),
  }),
});

builder.queryField('sharedSupport', (t) =>
  t.field({
    type: SharedSupportRef,
    nullable: true,
    description:
      "A partnership's shared support, for a member that has opted in, or for the partnership itself (tenant admins, service agents and finance). Null for anyone else: an organisation outside the partnership, or a member that has not opted in, sees nothing of it.",
    authScopes: { authenticated: true },
    args: {
      partnershipId: t.arg.globalID({ for: OrganisationRef, required: true, description: 'The partnership.' }),
    },
    resolve: async (_root, { partnershipId }, context) => {
      const actor = requestActor(context);
      if (actor.platformScope || !BENEFIT_ROLES.some((role) => actor.roles.includes(role))) return null;
      // The partnership's own people see what its members publish to it (its own tenant's rows);
      // a member sees it only while its opted-in agreement stands.
      if (actor.organisationId === partnershipId.id) return { partnershipId: partnershipId.id };
      const ids = await partnershipContext(requestTransaction(context));
      return ids.includes(partnershipId.id) ? { partnershipId: partnershipId.id } : null;
    },
  }),
);

builder.queryField('sharingAgreement', (t) =>
  t.field({
    type: SharingAgreementRef,
    nullable: true,
    description: "Your organisation's sharing agreement with a partnership; null when it has never opted in.",
    authScopes: { authenticated: true },
    args: {
      partnershipId: t.arg.globalID({ for: OrganisationRef, required: true, description: 'The partnership.' }),
    },
    resolve: async (_root, { partnershipId }, context) => {
      const actor = requestActor(context);
      return (await currentAgreement(requestTransaction(context), actor.organisationId, partnershipId.id)) ?? null;
    },
  }),
);

builder.objectField(SharedSupportRef, 'members', (t) =>
  t.connection(
    {
      type: SharedMemberRef,
      description: 'The members that have opted in, by name.',
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const rows = await queryRows<Record<string, unknown>>(
            tx,
            sql`select m.member_organisation_id, m.member_name, m.nation, m.shares_name, m.shares_role, m.shares_skills,
                       m.shares_contact, m.shares_availability, m.published_at, coalesce(r.weight, 1) as rota_weight
                  from shared_members m
                  left join rota_shares r on r.tenant_id = m.tenant_id and r.member_organisation_id = m.member_organisation_id
                 where m.tenant_id = ${support.partnershipId}
                 order by m.member_name, m.member_organisation_id limit ${limit} offset ${offset}`,
          );
          const members = rows.map((row) => ({
            memberOrganisationId: String(row.member_organisation_id),
            memberName: String(row.member_name),
            nation: row.nation as Nation,
            sharesName: Boolean(row.shares_name),
            sharesRole: Boolean(row.shares_role),
            sharesSkills: Boolean(row.shares_skills),
            sharesContact: Boolean(row.shares_contact),
            sharesAvailability: Boolean(row.shares_availability),
            rotaWeight: Number(row.rota_weight),
            publishedAt: new Date(String(row.published_at)),
          }));
          await recordSharedReads(
            context,
            support.partnershipId,
            'shared_members',
            members.map((m) => ({ memberOrganisationId: m.memberOrganisationId, ids: [m.memberOrganisationId] })),
          );
          return members;
        });
      },
    },
    { name: 'SharedMemberConnection', description: 'A page of opted-in members.' },
    { name: 'SharedMemberEdge', description: 'An opted-in member, with its cursor.' },
  ),
);
