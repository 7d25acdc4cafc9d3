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

