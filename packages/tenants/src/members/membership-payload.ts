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

const MembershipPayload = builder.objectRef<{ membership: MembershipRow }>('MembershipPayload').implement({
  description: 'The membership after the change.',
  fields: (t) => ({
    membership: t.field({ type: MembershipRef, description: 'The membership.', resolve: (p) => p.membership }),
  }),
});

