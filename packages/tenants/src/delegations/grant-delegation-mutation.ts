import { ConflictError, NotFoundError, readableBy, requestActor, requestTransaction, ValidationError } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/tenants-tables';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { grantDelegation } from './grant-delegation.ts';

const GrantDelegationInput = builder.inputType('GrantDelegationInput', {
  description: 'Who may act for whom, and why.',
  fields: (t) => ({
    granteeOrganisationId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The organisation whose members will act.',
    }),
    delegatedOrganisationId: t.globalID({
      for: OrganisationRef,
      required: true,
      description: 'The organisation they will act for; it must be beneath the grantee.',
    }),
    reason: t.string({ required: true, description: 'Why (kept with the grant).' }),
  }),
});

type DelegationRow = typeof tables.delegations.$inferSelect;

const GrantDelegationPayload = builder.objectRef<{ delegation: DelegationRow }>('GrantDelegationPayload').implement({
  description: 'The delegation granted.',
  fields: (t) => ({
    delegation: t.field({
      type: DelegationRef,
      description: 'The new delegation.',
      resolve: (payload) => payload.delegation,
    }),
  }),
});

builder.mutationField('grantDelegation', (t) =>
  t.field({
    type: GrantDelegationPayload,
    description: 'Platform admins: let one organisation act for another beneath it in the hierarchy.',
    authScopes: { platformAdmin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: GrantDelegationInput, required: true, description: 'The grant.' }) },
    resolve: async (_root, { input }, context) => {
      const tx = requestTransaction(context);
      const delegation = await grantDelegation(tx, {
        granteeOrganisationId: input.granteeOrganisationId.id,
        delegatedOrganisationId: input.delegatedOrganisationId.id,
        reason: input.reason,
        grantedBy: requestActor(context).principal.subject,
      });
      // Both trails show it: the grantee gains a view, the delegated organisation is seen.
      const change = {
        action: 'delegation.granted',
        targetType: 'Delegation',
        targetId: delegation.id,
        after: delegation,
      };
      await recordAuditEvents(tx, auditActor(context), [
        { organisationId: delegation.tenantId, ...change },
        { organisationId: delegation.delegatedOrganisationId, ...change },
      ]);
      return { delegation };
    },
  }),
);

