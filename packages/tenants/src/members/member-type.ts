import {
  ConflictError,
  describedEnumValues,
  ForbiddenError,
  listableBy,
  NotFoundError,
  type PlatformTransaction,
  pageSizeOptions,
  readableBy,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/tenants-tables';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { changeMemberRoles, inviteMember, type MembershipRow, removeMember } from './manage-members.ts';

const MembershipStatusEnum = builder.enumType('MembershipStatus', {
  description: 'Where a membership stands.',
  values: describedEnumValues<(typeof tables.membershipStatus.enumValues)[number]>({
    invited: 'Invited: becomes active when the person first signs in.',
    active: 'Active: the person acts for the organisation.',
    removed: 'Removed: their tokens are refused; the record is kept.',
  }),
});

export const MembershipRef = builder.drizzleNode('memberships', {
  name: 'Membership',
  description: 'A person acting for an organisation, with roles.',
  ...readableBy(TENANTS_READ_RULES.Membership),
  id: { column: (membership) => membership.id, description: 'Opaque global id.' },
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: 'Their name.' }),
    email: t.exposeString('email', { nullable: true, description: 'Their email address.' }),
    issuer: t.exposeString('issuer', { description: 'The identity provider they sign in with.' }),
    subject: t.exposeString('subject', { description: 'Who they are to that identity provider.' }),
    roles: t.field({ type: [MembershipRoleEnum], description: 'What they may do.', resolve: (m) => m.roles }),
    status: t.expose('status', { type: MembershipStatusEnum, description: 'Invited, active or removed.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When they were invited.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'members', (t) =>
  t.relatedConnection(
    'memberships',
    {
      description: 'The people who act for this organisation, oldest first. Tenant admins only.',
      ...listableBy(TENANTS_READ_RULES.Membership),
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'MembershipConnection', description: 'A page of memberships.' },
    { name: 'MembershipEdge' },
  ),
);

const MembershipPayload = builder.objectRef<{ membership: MembershipRow }>('MembershipPayload').implement({
  description: 'The membership after the change.',
  fields: (t) => ({
    membership: t.field({ type: MembershipRef, description: 'The membership.', resolve: (p) => p.membership }),
  }),
});

const errors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

async function organisationKind(tx: PlatformTransaction, organisationId: string): Promise<string> {
  const organisation = await tx.query.organisations.findFirst({
    where: { id: organisationId },
    columns: { kind: true },
  });
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  return organisation.kind;
}

const InviteMemberInput = builder.inputType('InviteMemberInput', {
  description: 'A named person to invite.',
  fields: (t) => ({
    organisationId: t.globalID({
      for: OrganisationRef,
      required: false,
      description: 'Their organisation: yours (the default) or one delegated to you.',
    }),
    displayName: t.string({ required: true, description: 'Their name.' }),
    email: t.string({ required: false, description: 'Their email address.' }),
    issuer: t.string({ required: true, description: 'The identity provider they will sign in with (its issuer).' }),
    subject: t.string({ required: true, description: 'Who they are to that identity provider (the token subject).' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'What they may do.' }),
  }),
});

builder.mutationField('inviteMember', (t) =>
  t.field({
    type: MembershipPayload,
    description: 'Tenant admins: invite a person; the membership becomes active at their first sign-in.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: InviteMemberInput, required: true, description: 'The invitation.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['tenant_admin'], 'Inviting a member');
      const tx = requestTransaction(context);
      const organisationId = input.organisationId?.id ?? actor.organisationId;
      const membership = await inviteMember(tx, {
        organisationId,
        organisationKind: await organisationKind(tx, organisationId),
        issuer: input.issuer,
        subject: input.subject,
        displayName: input.displayName,
        email: input.email ?? null,
        roles: input.roles,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId,
          action: 'member.invited',
          targetType: 'Membership',
          targetId: membership.id,
          after: membership,
        },
      ]);
      return { membership };
    },
  }),
);

const ChangeMemberRolesInput = builder.inputType('ChangeMemberRolesInput', {
  description: 'New roles for a member.',
  fields: (t) => ({
    membershipId: t.globalID({ for: MembershipRef, required: true, description: 'The membership.' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'Their roles from now on.' }),
  }),
});

builder.mutationField('changeMemberRoles', (t) =>
  t.field({
    type: MembershipPayload,
    description: 'Tenant admins: change what a member may do (from their next token for our own tokens).',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: ChangeMemberRolesInput, required: true, description: 'The change.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['tenant_admin'], 'Changing a member');
      const tx = requestTransaction(context);
      const { before, after } = await changeMemberRoles(tx, {
        membershipId: input.membershipId.id,
        roles: input.roles,
        organisationKind: (organisationId) => organisationKind(tx, organisationId),
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: after.tenantId,
          action: 'member.roles_changed',
          targetType: 'Membership',
          targetId: after.id,
          before,
          after,
        },
      ]);
      return { membership: after };
    },
  }),
);

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  description: 'The member to remove.',
  fields: (t) => ({
    membershipId: t.globalID({ for: MembershipRef, required: true, description: 'The membership.' }),
  }),
});

builder.mutationField('removeMember', (t) =>
  t.field({
    type: MembershipPayload,
    description: 'Tenant admins: remove a member; their tokens are refused from the next request.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: RemoveMemberInput, required: true, description: 'The member.' }) },
    resolve: async (_root, { input }, context) => {
      requireRole(requestActor(context), ['tenant_admin'], 'Removing a member');
      const tx = requestTransaction(context);
      const { before, after } = await removeMember(tx, { membershipId: input.membershipId.id });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: after.tenantId,
          action: 'member.removed',
          targetType: 'Membership',
          targetId: after.id,
          before,
          after,
        },
      ]);
      return { membership: after };
    },
  }),
);
