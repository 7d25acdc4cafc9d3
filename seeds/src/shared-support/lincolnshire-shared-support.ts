import { SOURCE_DOCUMENTS } from '../organisations/named-organisations.ts';

/**
 * Lincolnshire's shared ICT support (lincolnshire-shared-ict-support.txt). Every figure and name
 * below carries the verbatim quote it comes from; the seed test finds each quote in the document
 * and reads the figure back out of it. What the document does not give (the project's start date,
 * the agreed day rate, recovery objectives) is left empty for the partnership to record rather
 * than invented.
 */
export const LINCOLNSHIRE_DOCUMENT = SOURCE_DOCUMENTS.lincolnshire;

export const LINCOLNSHIRE_PARTNERSHIP_SLUG = 'lincolnshire-public-sector-working-group';

/** Money figures as the document writes them ("£90k", "£1.371m"), with the quote they are in. */
export interface QuotedAmount {
  /** The amount as written, e.g. "£254k". */
  written: string;
  quote: string;
}

export const lincolnshireProgramme = {
  name: { value: 'Shared IT Support across Lincolnshire', quote: 'Shared IT Support across Lincolnshire' },
  grant: {
    written: '£90k',
    quote: 'The East Midlands Centre of Excellence (EMCE) provided a grant allocation of £90k to fund this project',
  },
  grantFrom: { value: 'East Midlands Centre of Excellence', quote: 'The East Midlands Centre of Excellence (EMCE)' },
  cashable: { written: '£254k', quote: 'Cashable savings totalling £254k' },
  nonCashable: { written: '£1.371m', quote: 'non-cashable benefits totalling £1.371m' },
  qualitativeImprovementPercent: { value: 42, quote: 'a qualitative improvement of 42%' },
  forecastYears: { value: 5, quote: 'over a period of 5 years from commencement of this project' },
} as const;

/**
 * The eight authorities of the project ("Authorities involved"), which drew up the shared
 * directory; Lincolnshire Police is in the working group but not named in this project, so it is
 * a member that has not opted in. The NHS Trusts are not named, so they are not seeded.
 */
export const lincolnshireSharingMembers = {
  slugs: [
    'north-kesteven-district-council',
    'boston-borough-council',
    'south-kesteven-district-council',
    'south-holland-district-council',
    'east-lindsey-district-council',
    'lincolnshire-county-council',
    'city-of-lincoln-council',
    'west-lindsey-district-council',
  ],
  // The document says who is listed and why ("who to contact", "particular capabilities"): names,
  // roles, skills and contact details. It says nothing about availability, so that is not shared.
  quote:
    'a database was drawn up containing details of all employees working in IT support in partner organisations. If an organisation required particular capabilities they would know who to contact.',
  shares: { name: true, role: true, skills: true, contact: true, availability: false },
} as const;

/** The one person the document names at a member: the partnership's co-ordinator. */
export const lincolnshireNamedPerson = {
  memberSlug: 'north-kesteven-district-council',
  fullName: { value: 'David Haycox', quote: 'David Haycox' },
  roleTitle: { value: 'Partnership Co-ordinator', quote: 'Partnership Co-ordinator North Kesteven District Council' },
  phone: { value: '01529 414 155 ext. 2332', quote: 'tel: 01529 414 155 ext. 2332' },
  // The document escapes the underscore (Markdown): `david\_haycox`.
  email: { value: 'david_haycox@n-kesteven.gov.uk', quote: 'email: david\\_haycox@n-kesteven.gov.uk' },
} as const;

/** The generic disaster-recovery model and what it prioritises, in the document's order. */
export const lincolnshireRecoveryModel = {
  name: {
    value: 'Generic disaster recovery model',
    quote: 'a generic disaster recovery model that can be adapted for the different partners as required',
  },
  itemsQuote:
    'They have prioritised activities for disaster recovery planning for example the provision of hardware, networks and systems.',
  items: [
    { name: 'Hardware', category: 'hardware', priority: 1 },
    { name: 'Networks', category: 'network', priority: 2 },
    { name: 'Systems', category: 'system', priority: 3 },
  ],
  // Not in the document: a yearly test is the platform's default until the partnership sets one.
  testIntervalDays: 365,
} as const;

/** "£90k" → 9_000_000 pence, "£1.371m" → 137_100_000 pence: exact, no floats. */
export function penceOfWrittenAmount(written: string): number {
  const match = /^£(\d+)(?:\.(\d+))?([km])$/.exec(written);
  if (!match) throw new Error(`Cannot read the amount ${written}`);
  const [, whole = '0', fraction = '', unit] = match;
  const digits = unit === 'k' ? 3 : 6;
  if (fraction.length > digits) throw new Error(`Too many decimals in ${written}`);
  const pounds = BigInt(whole + fraction.padEnd(digits, '0'));
  return Number(pounds * 100n);
}
