/**
 * Generated Lancashire schools and academies.
 *
 * The Lancashire performance report says BT Lancashire Services' payroll and recruitment serve
 * "in excess of 560 Schools and Academies" but names none of them, so they are generated here:
 * plausible names built from towns in the Lancashire County Council area (not Blackpool or
 * Blackburn with Darwen, which are unitary), every record marked `generated: true`.
 *
 * Pure and deterministic: a fixed-seed 32-bit linear congruential generator, no Math.random,
 * no clock, so every call returns the same records in the same order.
 */
import type { SeedOrganisation } from './seed-organisation.ts';

/** The report's wording for the number of schools and academies (verbatim). */
export const LANCASHIRE_SCHOOLS_SOURCE_QUOTE = 'in excess of 560 Schools and Academies';

/** "in excess of 560" means more than 560, so the smallest count that honours it: 561. */
export const LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT = 561;

/**
 * Generated URNs start here and go up by one (900001...). Real URNs are also 6 digits; this
 * 9xxxxx range was chosen for seed data only, so a generated record is recognisable at a glance.
 * Never submit these to Get Information About Schools or any other DfE service.
 */
export const GENERATED_URN_START = 900001;

export const LANCASHIRE_COUNTY_COUNCIL_SLUG = 'lancashire-county-council';

const SEED = 0x1a4c_2018; // any fixed value: changing it changes every generated name

/** Towns and villages of the twelve Lancashire County Council districts. */
const TOWNS: readonly string[] = [
  // Preston
  'Preston',
  'Fulwood',
  'Ribbleton',
  'Ashton-on-Ribble',
  'Ingol',
  'Grimsargh',
  'Broughton',
  'Goosnargh',
  // Lancaster
  'Lancaster',
  'Morecambe',
  'Heysham',
  'Carnforth',
  'Bolton-le-Sands',
  'Silverdale',
  'Caton',
  'Galgate',
  // Chorley
  'Chorley',
  'Adlington',
  'Coppull',
  'Euxton',
  'Clayton-le-Woods',
  'Whittle-le-Woods',
  'Eccleston',
  'Croston',
  // South Ribble
  'Leyland',
  'Penwortham',
  'Bamber Bridge',
  'Lostock Hall',
  'Longton',
  'Walton-le-Dale',
  'Farington',
  'Much Hoole',
  // West Lancashire
  'Ormskirk',
  'Skelmersdale',
  'Burscough',
  'Tarleton',
  'Hesketh Bank',
  'Aughton',
  'Up Holland',
  'Parbold',
  // Fylde
  'Lytham St Annes',
  'Kirkham',
  'Freckleton',
  'Wesham',
  'Warton',
  'Wrea Green',
  'Staining',
  'Elswick',
  // Wyre
  'Fleetwood',
  'Thornton-Cleveleys',
  'Poulton-le-Fylde',
  'Garstang',
  'Preesall',
  'Knott End',
  'Hambleton',
  'Pilling',
  // Ribble Valley
  'Clitheroe',
  'Longridge',
  'Whalley',
  'Read',
  'Sabden',
  'Chipping',
  'Ribchester',
  'Gisburn',
  // Burnley
  'Burnley',
  'Padiham',
  'Worsthorne',
  'Cliviger',
  'Hapton',
  'Briercliffe',
  'Rosegrove',
  'Harle Syke',
  // Pendle
  'Nelson',
  'Colne',
  'Brierfield',
  'Barnoldswick',
  'Earby',
  'Barrowford',
  'Trawden',
  'Foulridge',
  // Hyndburn
  'Accrington',
  'Oswaldtwistle',
  'Great Harwood',
  'Rishton',
  'Clayton-le-Moors',
  'Church',
  'Huncoat',
  'Baxenden',
  // Rossendale
  'Rawtenstall',
  'Bacup',
  'Haslingden',
  'Whitworth',
  'Waterfoot',
  'Helmshore',
  'Crawshawbooth',
  'Stacksteads',
];

/** The larger towns among TOWNS: high schools and special schools are placed only in these. */
const LARGER_TOWNS: readonly string[] = [
  'Preston',
  'Fulwood',
  'Lancaster',
  'Morecambe',
  'Heysham',
  'Carnforth',
  'Chorley',
  'Adlington',
  'Leyland',
  'Penwortham',
  'Bamber Bridge',
  'Ormskirk',
  'Skelmersdale',
  'Burscough',
  'Tarleton',
  'Lytham St Annes',
  'Kirkham',
  'Fleetwood',
  'Thornton-Cleveleys',
  'Poulton-le-Fylde',
  'Garstang',
  'Clitheroe',
  'Longridge',
  'Whalley',
  'Burnley',
  'Padiham',
  'Nelson',
  'Colne',
  'Barnoldswick',
  'Brierfield',
  'Accrington',
  'Oswaldtwistle',
  'Great Harwood',
  'Rawtenstall',
  'Bacup',
  'Haslingden',
  'Whitworth',
];

const SAINTS: readonly string[] = [
  'Mary',
  'Joseph',
  'John',
  'Peter',
  'Paul',
  'Michael',
  'Anne',
  'Andrew',
  'Patrick',
  'Thomas',
  'Bernadette',
  'Teresa',
  'Wilfrid',
  'Augustine',
  'Oswald',
  'Chad',
  'Cuthbert',
  'Leonard',
  'James',
  'Stephen',
  'Francis',
  'Gregory',
  'Aidan',
  'Hilda',
  'Catherine',
  'Margaret',
  'George',
  'Luke',
  'Matthew',
  'Mark',
  'Bede',
  'Kentigern',
  'Clare',
  'Hubert',
  'Wulstan',
  'Maria Goretti',
];

const FEATURES: readonly string[] = [
  'Moor',
  'Park',
  'Brook',
  'Hill',
  'Green',
  'Meadow',
  'Lane',
  'Fold',
  'Bridge',
  'Field',
  'Wood',
  'Vale',
  'Grange',
  'Heights',
  'Bank',
  'Gate',
  'Hall',
  'Cross',
  'Mill',
  'Dale',
  'Ridge',
  'Moss',
  'Brow',
  'Clough',
  'Heath',
  'Chapel',
  'Orchard',
  'Riverside',
];

/** 32-bit LCG (Numerical Recipes constants); Math.imul keeps the arithmetic exact. */
function createSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000; // [0, 1)
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** kebab-case slug: lower case, apostrophes dropped, every other non-alphanumeric run becomes '-'. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Phase = 'nursery' | 'primary' | 'secondary' | 'special';

/** Roughly the shape of a county's estate: mostly primaries, some high schools, a few nursery and special schools. */
function pickPhase(next: () => number): Phase {
  const r = next();
  if (r < 0.04) return 'nursery';
  if (r < 0.8) return 'primary';
  if (r < 0.95) return 'secondary';
  return 'special';
}

/** Share of each phase that has converted to academy status. */
const ACADEMY_SHARE: Record<Phase, number> = { nursery: 0, primary: 0.15, secondary: 0.45, special: 0.2 };

function schoolName(next: () => number, phase: Phase, academy: boolean): string {
  const town = pick(next, phase === 'secondary' || phase === 'special' ? LARGER_TOWNS : TOWNS);
  const saint = `St ${pick(next, SAINTS)}'s`;
  const feature = pick(next, FEATURES);
  const form = next();
  switch (phase) {
    case 'nursery':
      return form < 0.5 ? `${town} Nursery School` : `${town} ${feature} Nursery School`;
    case 'special':
      return academy ? `${town} ${feature} Academy` : `${town} ${feature} School`;
    case 'secondary':
      if (academy) {
        if (form < 0.35) return `${town} Academy`;
        if (form < 0.7) return `${town} ${feature} Academy`;
        return `${town} ${saint} Catholic High School`;
      }
      if (form < 0.4) return `${town} High School`;
      if (form < 0.7) return `${town} ${feature} High School`;
      if (form < 0.85) return `${town} ${saint} Catholic High School`;
      return `${town} ${saint} Church of England High School`;
    case 'primary':
      if (academy) {
        if (form < 0.5) return `${town} ${feature} Primary Academy`;
        if (form < 0.75) return `${town} ${saint} Church of England Primary Academy`;
        return `${town} ${saint} Catholic Primary School`; // converters often keep their name
      }
      if (form < 0.3) return `${town} ${feature} Primary School`;
      if (form < 0.45) return `${town} ${feature} Community Primary School`;
      if (form < 0.7) return `${town} ${saint} Church of England Primary School`;
      if (form < 0.9) return `${town} ${saint} Catholic Primary School`;
      return `${town} County Primary School`;
  }
}

/**
 * The Lancashire schools and academies under Lancashire County Council: exactly
 * LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT records, unique names and slugs, URNs from
 * GENERATED_URN_START upward, the same on every call.
 */
export function generateLancashireSchools(): SeedOrganisation[] {
  const next = createSequence(SEED);
  const names = new Set<string>();
  const slugs = new Set<string>();
  const schools: SeedOrganisation[] = [];
  let attempts = 0;
  while (schools.length < LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT) {
    attempts += 1;
    if (attempts > LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT * 20) {
      throw new Error('generateLancashireSchools: could not find enough unique names');
    }
    const phase = pickPhase(next);
    const academy = next() < ACADEMY_SHARE[phase];
    const name = schoolName(next, phase, academy);
    const slug = slugify(name);
    if (names.has(name) || slugs.has(slug)) continue; // draw again; still deterministic
    names.add(name);
    slugs.add(slug);
    schools.push({
      slug,
      name,
      kind: academy ? 'academy' : 'school',
      parentSlug: LANCASHIRE_COUNTY_COUNCIL_SLUG,
      nation: 'england_and_wales',
      identifier: { scheme: 'urn', value: String(GENERATED_URN_START + schools.length) },
      generated: true,
      source: '',
      lifecycleStatus: 'active',
    });
  }
  return schools;
}
