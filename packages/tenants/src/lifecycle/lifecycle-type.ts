import { describedEnumValues } from '@ssp/core';
import { builder } from '@ssp/schema';
import { OrganisationRef } from '../organisations/organisation-type.ts';
import { type LifecycleAction, nextLifecycleActions } from './lifecycle-rules.ts';

export const LifecycleActionEnum = builder.enumType('LifecycleAction', {
  description: 'A move in an organisation lifecycle.',
  values: describedEnumValues<LifecycleAction>({
    start_onboarding: 'Prospect to onboarding: the organisation is being set up.',
    activate: 'Onboarding to active: its members and clients act for it.',
    suspend: 'Active to suspended: every token of the organisation is refused.',
    reinstate: 'Suspended to active again.',
    offboard: 'To offboarded (final): its records are kept, nobody can act for it.',
  }),
});

builder.drizzleObjectFields(OrganisationRef, (t) => ({
  lifecycleActions: t.field({
    type: [LifecycleActionEnum],
    description: 'The lifecycle actions you may take on this organisation next (platform admins; empty otherwise).',
    select: { columns: { lifecycleStatus: true, kind: true } },
    resolve: (organisation, _args, context) =>
      context.actor?.platformScope && organisation.kind !== 'platform_operator'
        ? nextLifecycleActions(organisation.lifecycleStatus)
        : [],
  }),
}));
