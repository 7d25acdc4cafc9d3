import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  ForbiddenError,
  type Nation,
  NotFoundError,
  queryRows,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor, NationEnum, OrganisationRef, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { partnershipContext } from '../common/partnership-context.ts';
import { BENEFIT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import {
  currentAgreement,
  joinSharedSupport,
  leaveSharedSupport,
  type SharedFields,
  type SharingAgreementRow,
} from './manage-sharing-agreement.ts';


const LeaveSharedSupportInput = builder.inputType('LeaveSharedSupportInput', {
  description: "Opt your organisation out of a partnership's shared support.",
  fields: (t) => ({
    partnershipId: t.globalID({ for: OrganisationRef, required: true, description: 'The partnership.' }),
  }),
});

builder.mutationField('leaveSharedSupport', (t) =>
  t.field({
    type: SharingAgreementPayload,
    description:
      'Tenant admins of a member: opt out. Everything you published is withdrawn, and from the next request no other member sees anything of you (nor you of them).',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: LeaveSharedSupportInput, required: true, description: 'The partnership.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['tenant_admin'], 'Leaving shared support');
      if (actor.platformScope)
        throw new ForbiddenError('A member opts out for itself', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
      const tx = requestTransaction(context);
      const { before, after } = await leaveSharedSupport(tx, {
        memberId: actor.organisationId,
        partnershipId: input.partnershipId.id,
        changedBy: actor.principal.subject,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'sharing_agreement.opted_out',
          targetType: 'SharingAgreement',
          targetId: after.id,
          before,
          after,
        },
      ]);
      return { agreement: after };
    },
  }),
);

