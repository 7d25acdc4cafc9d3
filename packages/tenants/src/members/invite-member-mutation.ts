import {
  ConflictError,
  describedEnumValues,
  ForbiddenError,
  mayListType,
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

