import { type Actor, compiledViewerReadExtension, requestTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { MembershipRoleEnum } from '../organisations/organisation-enums.ts';
import { OrganisationRef } from '../organisations/organisation-type.ts';

const ViewerRef = builder.objectRef<Actor>('Viewer').implement({
  description: 'Who is calling: the member or machine client behind the token, and what it may do.',
  fields: (t) => ({
    subject: t.string({
      description: 'The caller as its token names it (a person, or `client:<client id>`).',
      resolve: (actor) => actor.principal.subject,
    }),
    issuer: t.string({ description: 'Who issued the token.', resolve: (actor) => actor.principal.issuer }),
    isMachineClient: t.boolean({
      description: 'True for an API client using the client-credentials grant.',
      resolve: (actor) => actor.principal.kind === 'client',
    }),
    roles: t.field({
      type: [MembershipRoleEnum],
      description: 'The roles the caller holds in the organisation it acts for.',
      resolve: (actor) => actor.roles,
    }),
    organisation: t.drizzleField({
      type: OrganisationRef,
      description: 'The organisation the caller acts for.',
      resolve: async (query, actor, _args, context) => {
        const organisation = await requestTransaction(context).query.organisations.findFirst(
          query({ where: { id: actor.organisationId } }),
        );
        if (!organisation) throw new Error('The acting organisation is not visible to its own actor');
        return organisation;
      },
    }),
    tokenExpiresAt: t.field({
      type: 'DateTime',
      description: 'When the current access token expires.',
      resolve: (actor) => actor.principal.expiresAt,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The caller; null for an anonymous request.',
    // Asked only for its organisation, the selection compiler answers it as `organisation(id:)`.
    extensions: compiledViewerReadExtension({ table: 'organisations', organisationField: 'organisation' }),
    resolve: (_root, _args, context) => context.actor,
  }),
);
