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


const JoinSharedSupportInput = builder.inputType('JoinSharedSupportInput', {
  description: "Opt your organisation in to its partnership's shared support, or change what it shares.",
  fields: (t) => ({
    partnershipId: t.globalID({ for: OrganisationRef, required: true, description: 'Your partnership.' }),
    shares: t.field({ type: SharedFieldsInput, required: true, description: 'What you share of your people.' }),
  }),
});

const errors = [ValidationError, NotFoundError, ForbiddenError];

builder.mutationField('joinSharedSupport', (t) =>
  t.field({
    type: SharingAgreementPayload,
    description:
      "Tenant admins of a member: opt in to the partnership's shared support (or change what you share). Your directory is published with only the fields you share.",
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: JoinSharedSupportInput, required: true, description: 'The agreement.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, ['tenant_admin'], 'Joining shared support');
      if (actor.platformScope)
        throw new ForbiddenError('A member opts in for itself', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
      const tx = requestTransaction(context);
      const { before, after } = await joinSharedSupport(tx, {
        memberId: actor.organisationId,
        partnershipId: input.partnershipId.id,
        shares: input.shares,
        changedBy: actor.principal.subject,
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: before?.optedIn ? 'sharing_agreement.changed' : 'sharing_agreement.opted_in',
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

