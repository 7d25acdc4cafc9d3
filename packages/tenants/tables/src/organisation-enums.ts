import { MEMBERSHIP_ROLES, NATIONS } from '@ssp/core/tables';
import { pgEnum } from 'drizzle-orm/pg-core';

/** What kind of public body an organisation is; decides which offerings it may take. */
export const organisationKind = pgEnum('organisation_kind', [
  'partnership',
  'county_council',
  'district_council',
  'unitary_council',
  'metropolitan_council',
  'city_council',
  'school',
  'academy',
  'police_force',
  'police_and_crime_commissioner',
  'nhs_trust',
  'other_public_body',
  // The operator of this platform itself: only its members may hold the platform admin role.
  'platform_operator',
]);

/** Where an organisation is in its life with the platform. */
export const lifecycleStatus = pgEnum('lifecycle_status', [
  'prospect',
  'onboarding',
  'active',
  'suspended',
  'offboarded',
]);

/** The nation whose bank holidays the organisation's working-time clocks follow. */
export const nation = pgEnum('nation', NATIONS);

/** The official register an organisation's identifier comes from. */
export const identifierScheme = pgEnum('identifier_scheme', [
  'gss', // ONS Government Statistical Service code: councils
  'urn', // DfE Unique Reference Number: schools and academies
  'ods', // NHS Organisation Data Service code
  'police_force_code', // Home Office police force code
]);

/** What a member may do for the organisation it belongs to. */
export const membershipRole = pgEnum('membership_role', MEMBERSHIP_ROLES);

export const membershipStatus = pgEnum('membership_status', ['invited', 'active', 'removed']);
