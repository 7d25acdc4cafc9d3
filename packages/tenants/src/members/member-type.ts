import { describedEnumValues, listableBy, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/tenants-tables';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';

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
