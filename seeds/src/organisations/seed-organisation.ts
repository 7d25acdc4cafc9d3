/**
 * The shape of one organisation (tenant) in the seed data.
 *
 * Seeds are plain typed data with no database or framework dependency, so the same records
 * can be loaded into Postgres/PGlite by the seed runner, used as fixtures by tests, and
 * checked against the source documents in seeds/source-documents.
 */

/**
 * What kind of body an organisation is. The kind decides which service offerings it may
 * subscribe to and which official identifier scheme applies to it (see `IdentifierScheme`).
 * 'partnership' is a kind of its own because the partnership that runs the platform (e.g.
 * BT Lancashire Services, Liverpool Direct) is itself a tenant, with its customers beneath it.
 */
export type OrganisationKind =
  | 'partnership'
  | 'county_council'
  | 'district_council'
  | 'unitary_council'
  | 'metropolitan_council'
  | 'city_council'
  | 'school'
  | 'academy'
  | 'police_force'
  | 'police_and_crime_commissioner'
  | 'nhs_trust'
  | 'other_public_body'
  /** The operator of the platform itself, home of the platform admins (not from a document). */
  | 'platform_operator';

/**
 * The nation whose bank holidays the organisation observes; SLA clocks count working time on
 * that nation's calendar. Wales shares England's bank holidays, so it is 'england_and_wales'
 * (a Welsh body is told apart by its GSS code starting with W, not by this field).
 */
export type Nation = 'england_and_wales' | 'scotland' | 'northern_ireland';

/**
 * The official identifier scheme:
 * - 'gss': ONS Government Statistical Service code of a council, e.g. E10000017
 *   (letter = nation: E England, W Wales, S Scotland, N Northern Ireland, then 8 digits);
 * - 'urn': Unique Reference Number of a school or academy (Get Information About Schools), 6 digits;
 * - 'ods': NHS Organisation Data Service code of an NHS body, 3-5 uppercase letters/digits;
 * - 'police_force_code': the Home Office two-digit police force number, e.g. '04' Lancashire.
 */
export type IdentifierScheme = 'gss' | 'urn' | 'ods' | 'police_force_code';

/**
 * Where the organisation is in its relationship with the platform. Customers the documents
 * say are served are 'active'; bodies only mentioned as possible future customers (or as
 * partners that are not served) are 'prospect'.
 */
export type LifecycleStatus = 'prospect' | 'onboarding' | 'active' | 'suspended' | 'offboarded';

export interface SeedOrganisation {
  /** kebab-case, unique across the platform, e.g. 'lancashire-county-council'; stable key for seeds and tests. */
  slug: string;
  /** The body's real name as the document (or official usage) gives it. */
  name: string;
  kind: OrganisationKind;
  /**
   * Hierarchy: a council's schools, a partnership's members... One parent per organisation;
   * absent for a root. Delegation down this hierarchy is explicit, never implied by it.
   */
  parentSlug?: string;
  /** Whose bank holidays apply; Wales is in 'england_and_wales'. */
  nation: Nation;
  /** Included only when the value is known with confidence (or, for generated records, generated). */
  identifier?: { scheme: IdentifierScheme; value: string };
  /** true when the name/identifier was generated, not taken from a source. */
  generated: boolean;
  /**
   * A short verbatim quote from the document that names the organisation (the document's file
   * name is NOT included: that is `sourceDocument`); '' for generated records.
   */
  source: string;
  /** File name of the document the quote comes from; required when `generated` is false. */
  sourceDocument?: string;
  /** Where the organisation is in its relationship with the platform; see `LifecycleStatus`. */
  lifecycleStatus: LifecycleStatus;
}
