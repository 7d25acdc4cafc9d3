import {
  ConflictError,
  describedEnumValues,
  NotFoundError,
  requestActor,
  requestTransaction,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { changeOrganisationLifecycle, type OrganisationRow } from './change-organisation-lifecycle.ts';
import { type LifecycleAction, nextLifecycleActions } from './lifecycle-rules.ts';

const ChangeOrganisationLifecycleInput = builder.inputType('ChangeOrganisationLifecycleInput', {
  description: 'A lifecycle move and why.',
  fields: (t) => ({
    organisationId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation.' }),
    action: t.field({ type: LifecycleActionEnum, required: true, description: 'The move.' }),
    reason: t.string({ required: true, description: 'Why (kept in the audit trail).' }),
  }),
});

const OrganisationPayload = builder.objectRef<{ organisation: OrganisationRow }>('OrganisationPayload').implement({
  description: 'The organisation after the change.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'The organisation.', resolve: (p) => p.organisation }),
  }),
});

builder.mutationField('changeOrganisationLifecycle', (t) =>
  t.field({
    type: OrganisationPayload,
    description: 'Platform admins: move an organisation through onboarding, active, suspended and offboarded.',
    authScopes: { platformAdmin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: ChangeOrganisationLifecycleInput, required: true, description: 'The move.' }) },
    resolve: async (_root, { input }, context) => {
      requestActor(context);
      const tx = requestTransaction(context);
      const { before, after } = await changeOrganisationLifecycle(tx, {
        organisationId: input.organisationId.id,
        action: input.action,
        reason: input.reason,
        now: new Date(),
      });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: after.id,
          action: `organisation.${input.action}`,
          targetType: 'Organisation',
          targetId: after.id,
          before: { lifecycleStatus: before.lifecycleStatus },
          after: { lifecycleStatus: after.lifecycleStatus, reason: input.reason.trim() },
        },
      ]);
      return { organisation: after };
    },
  }),
);

