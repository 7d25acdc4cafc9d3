import { computedFromRowExtension, pageSizeOptions, readableBy } from '@ssp/core';
import { builder } from '@ssp/schema';
import { TENANTS_READ_RULES } from '../access/read-rules.ts';
import { IdentifierSchemeEnum, LifecycleStatusEnum, NationEnum, OrganisationKindEnum } from './organisation-enums.ts';

interface OfficialIdentifier {
  scheme: 'gss' | 'urn' | 'ods' | 'police_force_code';
  value: string;
}

const OfficialIdentifierRef = builder.objectRef<OfficialIdentifier>('OfficialIdentifier').implement({
  description: 'The identifier an official register gives the organisation; unique on the platform.',
  fields: (t) => ({
    scheme: t.expose('scheme', { type: IdentifierSchemeEnum, description: 'The register.' }),
    value: t.exposeString('value', { description: 'The identifier in that register, e.g. E10000017.' }),
  }),
});

/** A tenant: a public body (or partnership) the platform serves. */
export const OrganisationRef = builder.drizzleNode('organisations', {
  name: 'Organisation',
  description: 'A public body, or a partnership of them, served by the platform. Each is a tenant.',
  ...readableBy(TENANTS_READ_RULES.Organisation),
  id: { column: (organisation) => organisation.id, description: 'Opaque global id.' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'A stable, human-readable handle, unique on the platform.' }),
    name: t.exposeString('name', { description: 'The name the body goes by.' }),
    kind: t.expose('kind', { type: OrganisationKindEnum, description: 'What kind of body it is.' }),
    lifecycleStatus: t.expose('lifecycleStatus', {
      type: LifecycleStatusEnum,
      description: 'Where it is in its life with the platform.',
    }),
    nation: t.expose('nation', {
      type: NationEnum,
      description: 'Whose bank holidays its working-time clocks follow.',
    }),
    officialIdentifier: t.field({
      type: OfficialIdentifierRef,
      nullable: true,
      description: 'Its identifier in the official register for its kind, where it has one.',
      select: { columns: { identifierScheme: true, identifier: true } },
      extensions: computedFromRowExtension,
      resolve: (organisation) =>
        organisation.identifierScheme && organisation.identifier
          ? { scheme: organisation.identifierScheme, value: organisation.identifier }
          : null,
    }),
    generated: t.exposeBoolean('generated', {
      description: 'True when this record was generated as seed data rather than taken from a source document.',
    }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The organisation above it, when there is one and you may see it.',
    }),
    children: t.relatedConnection(
      'children',
      {
        description: 'The organisations directly beneath it that you may see, by name.',
        query: { orderBy: { name: 'asc', id: 'asc' } },
        totalCount: true,
        ...pageSizeOptions,
      },
      {
        name: 'OrganisationChildrenConnection',
        description: 'A page of the organisations beneath one.',
        fields: (connection) => ({
          // Redeclared only to describe it; the extension is how the drizzle plugin plans the count.
          totalCount: connection.int({
            description: 'How many organisations beneath it you may see, across all pages.',
            extensions: { pothosDrizzleTotalCount: true },
            resolve: (page) => (page as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
      { name: 'OrganisationChildrenEdge' },
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered on the platform.' }),
  }),
});
