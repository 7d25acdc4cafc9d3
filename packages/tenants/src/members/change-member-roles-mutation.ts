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

