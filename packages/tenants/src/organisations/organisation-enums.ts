import { describedEnumValues } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/tenants-tables';

const organisationKinds: Record<(typeof tables.organisationKind.enumValues)[number], string> = {
  partnership: 'A shared-services partnership that delivers services to its members.',
  county_council: 'A county council (upper tier).',
  district_council: 'A district or borough council (lower tier).',
  unitary_council: 'A unitary authority.',
  metropolitan_council: 'A metropolitan borough council.',
  city_council: 'A city council.',
  school: 'A maintained school.',
  academy: 'An academy or free school.',
  police_force: 'A territorial police force.',
  police_and_crime_commissioner: 'A police and crime commissioner.',
  nhs_trust: 'An NHS trust or other NHS body.',
  other_public_body: 'Any other public (or publicly funded) body.',
  platform_operator: 'The operator of this platform; its members may be platform admins.',
};

export const OrganisationKindEnum = builder.enumType('OrganisationKind', {
  description: 'What kind of public body an organisation is.',
  values: describedEnumValues(organisationKinds),
});

export const LifecycleStatusEnum = builder.enumType('LifecycleStatus', {
  description: 'Where an organisation is in its life with the platform.',
  values: describedEnumValues<(typeof tables.lifecycleStatus.enumValues)[number]>({
    prospect: 'Known to the partnership, not yet being onboarded.',
    onboarding: 'Being set up; its admins may act, services are not live yet.',
    active: 'Live: its members and clients act for it.',
    suspended: 'Temporarily stopped: every token of the organisation is refused.',
    offboarded: 'Gone: its records are kept, nobody can act for it.',
  }),
});

export const NationEnum = builder.enumType('Nation', {
  description: 'The nation whose bank holidays apply to an organisation.',
  values: describedEnumValues<(typeof tables.nation.enumValues)[number]>({
    england_and_wales: 'England and Wales.',
    scotland: 'Scotland.',
    northern_ireland: 'Northern Ireland.',
  }),
});

export const IdentifierSchemeEnum = builder.enumType('IdentifierScheme', {
  description: 'The official register an organisation identifier comes from.',
  values: describedEnumValues<(typeof tables.identifierScheme.enumValues)[number]>({
    gss: 'ONS Government Statistical Service code (councils), e.g. E10000017.',
    urn: 'DfE Unique Reference Number (schools and academies), six digits.',
    ods: 'NHS Organisation Data Service code.',
    police_force_code: 'Home Office police force code, two digits.',
  }),
});

export const MembershipRoleEnum = builder.enumType('MembershipRole', {
  description: 'What a member or client may do for its organisation.',
  values: describedEnumValues<(typeof tables.membershipRole.enumValues)[number]>({
    platform_admin: 'Operates the whole platform (platform operator members only).',
    tenant_admin: 'Administers its organisation: members, clients, onboarding.',
    finance: 'Reads and reconciles charges, reductions and savings.',
    service_agent: 'Works service requests for the organisations the partnership serves.',
    requester: 'Raises and follows service requests.',
  }),
});
