/**
 * Every organisation the source documents (seeds/source-documents) name as a customer
 * or partner of a shared-services partnership, with its real name and its place in the hierarchy.
 *
 * Rules followed here:
 * - `source` is a short verbatim quote from `sourceDocument` that names the body; the seed test
 *   checks it really occurs in the document (after collapsing whitespace).
 * - One parent per organisation. A partnership is the parent of the customers the document says
 *   it serves; Lancashire's own hierarchy (County Council above the Constabulary, the Police and
 *   Crime Commissioner, South Ribble and West Lancashire borough councils and the schools) is
 *   kept, with the partnership BT Lancashire Services above the County Council.
 * - Identifiers are included only where the official value is known with confidence
 *   (GSS codes of councils, Home Office police force numbers, an NHS ODS code); otherwise omitted.
 * - Suppliers and private companies that are not customers (Tech Mahindra, Liquidlogic, Egress,
 *   Xerox, Microsoft...) and funders/regulators (NHS England) are not tenants and are left out.
 *
 * Parents always come before their children in this array.
 */
import type { SeedOrganisation } from './seed-organisation.ts';

/** File names of the source documents, as they are in seeds/source-documents. */
export const SOURCE_DOCUMENTS = {
  lancashire: 'lancashire-partnership-performance-report.txt',
  localGovernmentPartnerships: 'local-government-partnerships.txt',
  northumberland: 'northumberland-strategic-change-business-case.txt',
  lincolnshire: 'lincolnshire-shared-ict-support.txt',
  nelctp: 'nelctp-agile-working-case-study.txt',
} as const;

const LANCASHIRE = SOURCE_DOCUMENTS.lancashire;
const LGP = SOURCE_DOCUMENTS.localGovernmentPartnerships;
const NORTHUMBERLAND = SOURCE_DOCUMENTS.northumberland;
const LINCOLNSHIRE = SOURCE_DOCUMENTS.lincolnshire;
const NELCTP = SOURCE_DOCUMENTS.nelctp;

export const namedOrganisations: readonly SeedOrganisation[] = [
  // ---------------------------------------------------------------------------------------------
  // Lancashire: BT Lancashire Services (lancashire-partnership-performance-report.txt)
  // Payroll and recruitment for "Lancashire County Council, Lancashire Constabulary, Lancashire
  // Police and Crime Commissioner, South Ribble Borough Council, West Lancashire Borough Council
  // and in excess of 560 Schools and Academies" (the schools are generated-lancashire-schools.ts).
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'bt-lancashire-services',
    name: 'BT Lancashire Services',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LANCASHIRE,
    source: "the County Council's strategic partnership with BT Lancashire Services",
  },
  {
    slug: 'lancashire-county-council',
    name: 'Lancashire County Council',
    kind: 'county_council',
    parentSlug: 'bt-lancashire-services',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E10000017' },
    generated: false,
    sourceDocument: LANCASHIRE,
    source:
      'Service Provision Agreement between Lancashire County Council and BT Lancashire Services dated 16 April 2014',
  },
  {
    slug: 'lancashire-constabulary',
    name: 'Lancashire Constabulary',
    kind: 'police_force',
    parentSlug: 'lancashire-county-council',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'police_force_code', value: '04' },
    generated: false,
    sourceDocument: LANCASHIRE,
    source: 'employees working within Lancashire County Council, Lancashire Constabulary',
  },
  {
    // Official title; the report calls it "Lancashire Police and Crime Commissioner".
    slug: 'police-and-crime-commissioner-for-lancashire',
    name: 'Police and Crime Commissioner for Lancashire',
    kind: 'police_and_crime_commissioner',
    parentSlug: 'lancashire-county-council',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LANCASHIRE,
    source: 'Lancashire Police and Crime Commissioner',
  },
  {
    slug: 'south-ribble-borough-council',
    name: 'South Ribble Borough Council',
    kind: 'district_council',
    parentSlug: 'lancashire-county-council',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000126' },
    generated: false,
    sourceDocument: LANCASHIRE,
    source: 'South Ribble Borough Council',
  },
  {
    // Also served by BT Lancashire Services' Revenue and Benefits Service (West Lancashire).
    slug: 'west-lancashire-borough-council',
    name: 'West Lancashire Borough Council',
    kind: 'district_council',
    parentSlug: 'lancashire-county-council',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000127' },
    generated: false,
    sourceDocument: LANCASHIRE,
    source: 'West Lancashire Borough Council',
  },
  {
    // Leaving the County Council and moving off BT Lancashire Services ICT; still 'active' because
    // it keeps access to EPIC, Oracle, BACS and historical data "for a minimum of 2 years".
    slug: 'local-pensions-partnership',
    name: 'Local Pensions Partnership',
    kind: 'other_public_body',
    parentSlug: 'lancashire-county-council',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LANCASHIRE,
    source:
      'the move away from the utilization of BT Lancashire Services Information and Communications Technology Services by the Local Pensions Partnership as they leave the County Council',
  },
  {
    // Official name (the report says "Lancashire Care Foundation Trust"); since 2019 renamed
    // Lancashire & South Cumbria NHS Foundation Trust, same ODS code RW5. Only a proof-of-concept
    // engagement, not a contracted customer: 'prospect'.
    slug: 'lancashire-care-nhs-foundation-trust',
    name: 'Lancashire Care NHS Foundation Trust',
    kind: 'nhs_trust',
    parentSlug: 'bt-lancashire-services',
    nation: 'england_and_wales',
    lifecycleStatus: 'prospect',
    identifier: { scheme: 'ods', value: 'RW5' },
    generated: false,
    sourceDocument: LANCASHIRE,
    source: 'an initiative started by Lancashire Care Foundation Trust',
  },

  // ---------------------------------------------------------------------------------------------
  // Liverpool: Liverpool Direct, the BT partnership with Liverpool City Council
  // (local-government-partnerships.txt): "making its advanced IT infrastructure available to 30
  // customers across the public and independent sectors". Its "over 300 individual schools" are
  // not named and not generated here.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'liverpool-direct',
    name: 'Liverpool Direct',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'Under the Liverpool Direct banner',
  },
  {
    slug: 'liverpool-city-council',
    name: 'Liverpool City Council',
    kind: 'city_council',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E08000012' },
    generated: false,
    sourceDocument: LGP,
    source: 'The BT partnership model with Liverpool City Council',
  },
  {
    slug: 'security-industry-authority',
    name: 'Security Industry Authority',
    kind: 'other_public_body',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'process licences for the private security industry with the Security Industry Authority',
  },
  {
    // A programme rather than a body; the customer for a managed ICT service for 8 secondary schools.
    slug: 'building-schools-for-the-future-programme',
    name: 'Building Schools for the Future programme',
    kind: 'other_public_body',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source:
      'the Building Schools for the Future programme, under which they will provide a managed ICT service for 8 secondary schools',
  },
  {
    slug: 'northumbria-police',
    name: 'Northumbria Police',
    kind: 'police_force',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'police_force_code', value: '10' },
    generated: false,
    sourceDocument: LGP,
    source: 'Other partnership customers include, Northumbria Police',
  },
  {
    // Sport governing body (independent sector); 'other_public_body' is the nearest kind.
    slug: 'amateur-boxing-association-of-england',
    name: 'Amateur Boxing Association of England',
    kind: 'other_public_body',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'the Amateur Boxing Association of England (websites)',
  },
  {
    // Which Grace Academy (Solihull, Coventry, Darlaston) is not said, so no URN.
    slug: 'grace-academy',
    name: 'Grace Academy',
    kind: 'academy',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'the Grace Academy (ICT)',
  },
  {
    // Housing association (independent sector); 'other_public_body' is the nearest kind.
    slug: 'one-vision-housing',
    name: 'One Vision Housing',
    kind: 'other_public_body',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'One Vision Housing (resourcing services)',
  },
  {
    // A BT business, served by the partnership for payroll and HR; 'other_public_body' is the nearest kind.
    slug: 'bt-local-government-services',
    name: 'BT Local Government Services',
    kind: 'other_public_body',
    parentSlug: 'liverpool-direct',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'BT Local Government Services (Payroll and HR)',
  },

  // ---------------------------------------------------------------------------------------------
  // South Tyneside: the BT strategic partnership with South Tyneside Council
  // (local-government-partnerships.txt). The document gives the partnership no trading name.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'south-tyneside-partnership',
    name: 'South Tyneside partnership',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'as part of a strategic partnership with South Tyneside Council',
  },
  {
    slug: 'south-tyneside-council',
    name: 'South Tyneside Council',
    kind: 'metropolitan_council',
    parentSlug: 'south-tyneside-partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E08000023' },
    generated: false,
    sourceDocument: LGP,
    source: 'The Leader of South Tyneside Council',
  },
  {
    // Regional development agency (abolished 2012): a partner in the regeneration, not a served
    // customer, so 'prospect'.
    slug: 'one-north-east',
    name: 'ONE North East',
    kind: 'other_public_body',
    parentSlug: 'south-tyneside-partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'prospect',
    generated: false,
    sourceDocument: LGP,
    source: 'BT, ONE North East and South Tyneside Council have secured the investment',
  },

  // ---------------------------------------------------------------------------------------------
  // Sandwell: Transform Sandwell (local-government-partnerships.txt)
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'transform-sandwell',
    name: 'Transform Sandwell',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'Transform Sandwell is taking the authority beyond a commitment to improve efficiency',
  },
  {
    slug: 'sandwell-metropolitan-borough-council',
    name: 'Sandwell Metropolitan Borough Council',
    kind: 'metropolitan_council',
    parentSlug: 'transform-sandwell',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E08000028' },
    generated: false,
    sourceDocument: LGP,
    source: 'their partnership with BT Sandwell Metropolitan Borough Council',
  },

  // ---------------------------------------------------------------------------------------------
  // Suffolk: the Suffolk partnership, two-tier (local-government-partnerships.txt). The document
  // gives it no trading name.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'suffolk-partnership',
    name: 'Suffolk partnership',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'The Suffolk partnership',
  },
  {
    slug: 'suffolk-county-council',
    name: 'Suffolk County Council',
    kind: 'county_council',
    parentSlug: 'suffolk-partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E10000029' },
    generated: false,
    sourceDocument: LGP,
    source: 'looks after Suffolk County Council and Mid Suffolk District Council',
  },
  {
    slug: 'mid-suffolk-district-council',
    name: 'Mid Suffolk District Council',
    kind: 'district_council',
    parentSlug: 'suffolk-partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000203' },
    generated: false,
    sourceDocument: LGP,
    source: 'Mid Suffolk District Council',
  },

  // ---------------------------------------------------------------------------------------------
  // Rotherham: the Rotherham partnership, procurement (local-government-partnerships.txt)
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'rotherham-partnership',
    name: 'Rotherham partnership',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'The Rotherham partnership has helped Rotherham Metropolitan Borough Council',
  },
  {
    slug: 'rotherham-metropolitan-borough-council',
    name: 'Rotherham Metropolitan Borough Council',
    kind: 'metropolitan_council',
    parentSlug: 'rotherham-partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E08000018' },
    generated: false,
    sourceDocument: LGP,
    source: 'Rotherham Metropolitan Borough Council to streamline the way it buys in goods and services',
  },

  // ---------------------------------------------------------------------------------------------
  // Edinburgh: the BT partnership with The City of Edinburgh Council (local-government-partnerships.txt).
  // Scottish: Scotland's bank holidays apply to both records.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'edinburgh-partnership',
    name: 'Edinburgh partnership',
    kind: 'partnership',
    nation: 'scotland',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LGP,
    source: 'the BT partnership set about working with The City of Edinburgh Council',
  },
  {
    slug: 'city-of-edinburgh-council',
    name: 'The City of Edinburgh Council',
    kind: 'city_council',
    parentSlug: 'edinburgh-partnership',
    nation: 'scotland',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'S12000036' },
    generated: false,
    sourceDocument: LGP,
    source: 'The City of Edinburgh Council to standardise the delivery of IT services',
  },

  // ---------------------------------------------------------------------------------------------
  // Lincolnshire: the Lincolnshire Public Sector Working Group, shared ICT support among eight
  // councils (lincolnshire-shared-ict-support.txt). Names below are the councils' official names;
  // the quotes are the document's abbreviations ("DC", "BC", "CC"). "the NHS Trusts" in the group
  // are not named, so they are not seeded.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'lincolnshire-public-sector-working-group',
    name: 'Lincolnshire Public Sector Working Group',
    kind: 'partnership',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'The Lincolnshire Public Sector Working Group (PSWG) was formed in 2001',
  },
  {
    slug: 'north-kesteven-district-council',
    name: 'North Kesteven District Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000139' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'North Kesteven DC',
  },
  {
    slug: 'boston-borough-council',
    name: 'Boston Borough Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000136' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'Boston BC',
  },
  {
    slug: 'south-kesteven-district-council',
    name: 'South Kesteven District Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000141' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'South Kesteven DC',
  },
  {
    slug: 'south-holland-district-council',
    name: 'South Holland District Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000140' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'South Holland DC',
  },
  {
    slug: 'east-lindsey-district-council',
    name: 'East Lindsey District Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000137' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'East Lindsey DC',
  },
  {
    slug: 'lincolnshire-county-council',
    name: 'Lincolnshire County Council',
    kind: 'county_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E10000019' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'Lincolnshire CC',
  },
  {
    slug: 'city-of-lincoln-council',
    name: 'City of Lincoln Council',
    kind: 'city_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000138' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'Lincoln City',
  },
  {
    slug: 'west-lindsey-district-council',
    name: 'West Lindsey District Council',
    kind: 'district_council',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'gss', value: 'E07000142' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'West Lindsey DC',
  },
  {
    slug: 'lincolnshire-police',
    name: 'Lincolnshire Police',
    kind: 'police_force',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    identifier: { scheme: 'police_force_code', value: '32' },
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'eight local authority partners as well as the Lincolnshire Police',
  },
  {
    // Funded and supported the project (grant of £90k); not a member or customer, so 'prospect'.
    slug: 'east-midlands-centre-of-excellence',
    name: 'East Midlands Centre of Excellence',
    kind: 'other_public_body',
    parentSlug: 'lincolnshire-public-sector-working-group',
    nation: 'england_and_wales',
    lifecycleStatus: 'prospect',
    generated: false,
    sourceDocument: LINCOLNSHIRE,
    source: 'The East Midlands Centre of Excellence (EMCE) provided a grant allocation of £90k to fund this project',
  },

  // ---------------------------------------------------------------------------------------------
  // North East Lincolnshire (nelctp-agile-working-case-study.txt): BT's three-year managed service
  // for the Care Trust Plus. The Council is its partner in health and social care, not a BT
  // customer in this document, so it is a separate root and a 'prospect'.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'north-east-lincolnshire-care-trust-plus',
    name: 'North East Lincolnshire Care Trust Plus',
    kind: 'nhs_trust',
    nation: 'england_and_wales',
    lifecycleStatus: 'active',
    generated: false,
    sourceDocument: NELCTP,
    source:
      'North East Lincolnshire Care Trust Plus (NELCTP) has responsibility for commissioning health and adult social care services',
  },
  {
    slug: 'north-east-lincolnshire-council',
    name: 'North East Lincolnshire Council',
    kind: 'unitary_council',
    nation: 'england_and_wales',
    lifecycleStatus: 'prospect',
    identifier: { scheme: 'gss', value: 'E06000012' },
    generated: false,
    sourceDocument: NELCTP,
    source: 'the partnership with North East Lincolnshire Council',
  },

  // ---------------------------------------------------------------------------------------------
  // Northumberland (northumberland-strategic-change-business-case.txt): a DRAFT business case for
  // the council's own Employee Service Centre and Transactions Hub; no partnership serves it yet,
  // so it is a root and a 'prospect'.
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'northumberland-county-council',
    name: 'Northumberland County Council',
    kind: 'unitary_council',
    nation: 'england_and_wales',
    lifecycleStatus: 'prospect',
    identifier: { scheme: 'gss', value: 'E06000057' },
    generated: false,
    sourceDocument: NORTHUMBERLAND,
    source: 'Northumberland County Council benchmarked well against statistical neighbours',
  },
];
