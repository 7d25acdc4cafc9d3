import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceDocumentText, sourceDocumentUrl } from '../source-documents.ts';
import {
  GENERATED_URN_START,
  generateLancashireSchools,
  LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT,
  LANCASHIRE_SCHOOLS_SOURCE_QUOTE,
} from './generated-lancashire-schools.ts';
import { namedOrganisations, SOURCE_DOCUMENTS } from './named-organisations.ts';
import type { IdentifierScheme, Nation, OrganisationKind, SeedOrganisation } from './seed-organisation.ts';
import { orderParentsFirst, seedOrganisations } from './seed-organisations.ts';

const docUrl = sourceDocumentUrl;
const docsDir = path.dirname(fileURLToPath(docUrl('README.md')));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const readDocument = sourceDocumentText;

const all = seedOrganisations();
const bySlug = new Map(all.map((org) => [org.slug, org]));
const childrenOf = (slug: string): SeedOrganisation[] => all.filter((org) => org.parentSlug === slug);
function get(slug: string): SeedOrganisation {
  const org = bySlug.get(slug);
  if (org === undefined) throw new Error(`no organisation with slug ${slug}`);
  return org;
}

const LCC = 'lancashire-county-council';
const COUNCIL_KINDS: readonly OrganisationKind[] = [
  'county_council',
  'district_council',
  'unitary_council',
  'metropolitan_council',
  'city_council',
];

describe('source documents path', () => {
  it('resolves to seeds/source-documents inside the repository', () => {
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).name).toBe('shared-services-platform');
    expect(docsDir).toBe(path.resolve(repoRoot, 'seeds', 'source-documents'));
    for (const file of Object.values(SOURCE_DOCUMENTS)) {
      expect(existsSync(docUrl(file)), file).toBe(true);
    }
  });
});

describe('seed organisations: structure', () => {
  it('is the named organisations plus the generated schools, nothing lost or added', () => {
    const generated = generateLancashireSchools();
    expect(all).toHaveLength(namedOrganisations.length + generated.length);
    expect(new Set(all.map((o) => o.slug))).toEqual(new Set([...namedOrganisations, ...generated].map((o) => o.slug)));
  });

  it('has unique kebab-case slugs', () => {
    const slugs = all.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has non-empty names, unique within each parent', () => {
    const seen = new Set<string>();
    for (const org of all) {
      expect(org.name.trim(), org.slug).not.toBe('');
      const key = `${org.parentSlug ?? '(root)'}\u0000${org.name}`;
      expect(seen.has(key), `${org.name} twice under ${org.parentSlug ?? '(root)'}`).toBe(false);
      seen.add(key);
    }
  });

  it('puts every parent before its children, and every parentSlug names an organisation', () => {
    const placed = new Set<string>();
    for (const org of all) {
      if (org.parentSlug !== undefined) {
        expect(bySlug.has(org.parentSlug), `${org.slug} -> ${org.parentSlug}`).toBe(true);
        expect(placed.has(org.parentSlug), `${org.parentSlug} must come before ${org.slug}`).toBe(true);
      }
      placed.add(org.slug);
    }
  });

  it('has no cycles: every chain of parents ends at a root', () => {
    for (const org of all) {
      const visited = new Set<string>([org.slug]);
      let current = org;
      while (current.parentSlug !== undefined) {
        expect(visited.has(current.parentSlug), `cycle through ${current.parentSlug}`).toBe(false);
        visited.add(current.parentSlug);
        current = get(current.parentSlug);
      }
      expect(current.parentSlug).toBeUndefined();
    }
  });

  it('orderParentsFirst rejects cycles, unknown parents and duplicate slugs', () => {
    const base = {
      kind: 'other_public_body',
      nation: 'england_and_wales',
      generated: true,
      source: '',
      lifecycleStatus: 'active',
    } as const;
    expect(() =>
      orderParentsFirst([
        { ...base, slug: 'a', name: 'A', parentSlug: 'b' },
        { ...base, slug: 'b', name: 'B', parentSlug: 'a' },
      ]),
    ).toThrow(/cycle/);
    expect(() => orderParentsFirst([{ ...base, slug: 'a', name: 'A', parentSlug: 'missing' }])).toThrow(
      /unknown parent/,
    );
    expect(() =>
      orderParentsFirst([
        { ...base, slug: 'a', name: 'A' },
        { ...base, slug: 'a', name: 'A2' },
      ]),
    ).toThrow(/duplicate/);
    expect(
      orderParentsFirst([
        { ...base, slug: 'child', name: 'Child', parentSlug: 'parent' },
        { ...base, slug: 'parent', name: 'Parent' },
      ]).map((o) => o.slug),
    ).toEqual(['parent', 'child']);
  });

  it('uses only the known lifecycle statuses', () => {
    const statuses = new Set(['prospect', 'onboarding', 'active', 'suspended', 'offboarded']);
    for (const org of all) expect(statuses.has(org.lifecycleStatus), org.slug).toBe(true);
  });
});

describe('seed organisations: identifiers', () => {
  const FORMAT: Record<IdentifierScheme, RegExp> = {
    gss: /^[ENSW]\d{8}$/,
    urn: /^\d{6}$/,
    ods: /^[A-Z0-9]{3,5}$/,
    police_force_code: /^\d{2}$/,
  };
  const KINDS_FOR_SCHEME: Record<IdentifierScheme, readonly OrganisationKind[]> = {
    gss: COUNCIL_KINDS,
    urn: ['school', 'academy'],
    ods: ['nhs_trust'],
    police_force_code: ['police_force'],
  };
  const NATION_FOR_GSS_LETTER: Record<string, Nation> = {
    E: 'england_and_wales',
    W: 'england_and_wales',
    S: 'scotland',
    N: 'northern_ireland',
  };
  const withIdentifier = all.filter((o) => o.identifier !== undefined);

  it('are unique within each scheme', () => {
    const seen = new Set<string>();
    for (const org of withIdentifier) {
      const key = `${org.identifier?.scheme}:${org.identifier?.value}`;
      expect(seen.has(key), `${key} used twice`).toBe(false);
      seen.add(key);
    }
  });

  it('have the format of their scheme and belong to a kind that scheme identifies', () => {
    for (const org of withIdentifier) {
      const { scheme, value } = org.identifier ?? { scheme: 'gss', value: '' };
      expect(value, `${org.slug} ${scheme}`).toMatch(FORMAT[scheme]);
      expect(KINDS_FOR_SCHEME[scheme], `${org.slug} is ${org.kind}, not a ${scheme} kind`).toContain(org.kind);
    }
  });

  it('GSS codes start with the letter of the organisation nation (E/W, S, N)', () => {
    const gss = withIdentifier.filter((o) => o.identifier?.scheme === 'gss');
    expect(gss.length).toBeGreaterThan(0);
    for (const org of gss) {
      const letter = org.identifier?.value.charAt(0) ?? '';
      expect(NATION_FOR_GSS_LETTER[letter], org.slug).toBe(org.nation);
    }
  });

  it('generated URNs are in the 9xxxxx range and no named record uses that range', () => {
    for (const org of all) {
      if (org.identifier?.scheme !== 'urn') continue;
      expect(org.identifier.value.startsWith('9'), org.slug).toBe(org.generated);
    }
  });
});

describe('seed organisations: provenance', () => {
  it('named records are not generated and quote their document verbatim', () => {
    expect(namedOrganisations.length).toBeGreaterThan(0);
    for (const org of namedOrganisations) {
      expect(org.generated, org.slug).toBe(false);
      expect(org.source.trim(), org.slug).not.toBe('');
      expect(org.sourceDocument, org.slug).toBeDefined();
      const document = readDocument(org.sourceDocument ?? '');
      expect(document.includes(collapse(org.source)), `${org.slug}: "${org.source}" not in ${org.sourceDocument}`).toBe(
        true,
      );
    }
  });

  it('generated records say so and quote nothing', () => {
    const generated = generateLancashireSchools();
    for (const org of generated) {
      expect(org.generated, org.slug).toBe(true);
      expect(org.source).toBe('');
      expect(org.sourceDocument).toBeUndefined();
    }
    expect(all.filter((o) => o.generated)).toHaveLength(generated.length);
  });
});

describe('seed organisations: named bodies', () => {
  const expected: ReadonlyArray<{
    slug: string;
    name: string;
    kind: OrganisationKind;
    parentSlug?: string;
    identifier?: string;
  }> = [
    { slug: 'bt-lancashire-services', name: 'BT Lancashire Services', kind: 'partnership' },
    {
      slug: LCC,
      name: 'Lancashire County Council',
      kind: 'county_council',
      parentSlug: 'bt-lancashire-services',
      identifier: 'gss:E10000017',
    },
    {
      slug: 'lancashire-constabulary',
      name: 'Lancashire Constabulary',
      kind: 'police_force',
      parentSlug: LCC,
      identifier: 'police_force_code:04',
    },
    {
      slug: 'police-and-crime-commissioner-for-lancashire',
      name: 'Police and Crime Commissioner for Lancashire',
      kind: 'police_and_crime_commissioner',
      parentSlug: LCC,
    },
    {
      slug: 'south-ribble-borough-council',
      name: 'South Ribble Borough Council',
      kind: 'district_council',
      parentSlug: LCC,
      identifier: 'gss:E07000126',
    },
    {
      slug: 'west-lancashire-borough-council',
      name: 'West Lancashire Borough Council',
      kind: 'district_council',
      parentSlug: LCC,
      identifier: 'gss:E07000127',
    },
    { slug: 'liverpool-direct', name: 'Liverpool Direct', kind: 'partnership' },
    {
      slug: 'liverpool-city-council',
      name: 'Liverpool City Council',
      kind: 'city_council',
      parentSlug: 'liverpool-direct',
      identifier: 'gss:E08000012',
    },
    {
      slug: 'security-industry-authority',
      name: 'Security Industry Authority',
      kind: 'other_public_body',
      parentSlug: 'liverpool-direct',
    },
    {
      slug: 'northumbria-police',
      name: 'Northumbria Police',
      kind: 'police_force',
      parentSlug: 'liverpool-direct',
      identifier: 'police_force_code:10',
    },
    { slug: 'grace-academy', name: 'Grace Academy', kind: 'academy', parentSlug: 'liverpool-direct' },
    {
      slug: 'south-tyneside-council',
      name: 'South Tyneside Council',
      kind: 'metropolitan_council',
      parentSlug: 'south-tyneside-partnership',
      identifier: 'gss:E08000023',
    },
    {
      slug: 'sandwell-metropolitan-borough-council',
      name: 'Sandwell Metropolitan Borough Council',
      kind: 'metropolitan_council',
      parentSlug: 'transform-sandwell',
      identifier: 'gss:E08000028',
    },
    {
      slug: 'suffolk-county-council',
      name: 'Suffolk County Council',
      kind: 'county_council',
      parentSlug: 'suffolk-partnership',
      identifier: 'gss:E10000029',
    },
    {
      slug: 'mid-suffolk-district-council',
      name: 'Mid Suffolk District Council',
      kind: 'district_council',
      parentSlug: 'suffolk-partnership',
      identifier: 'gss:E07000203',
    },
    {
      slug: 'rotherham-metropolitan-borough-council',
      name: 'Rotherham Metropolitan Borough Council',
      kind: 'metropolitan_council',
      parentSlug: 'rotherham-partnership',
      identifier: 'gss:E08000018',
    },
    {
      slug: 'city-of-edinburgh-council',
      name: 'The City of Edinburgh Council',
      kind: 'city_council',
      parentSlug: 'edinburgh-partnership',
      identifier: 'gss:S12000036',
    },
    {
      slug: 'lincolnshire-county-council',
      name: 'Lincolnshire County Council',
      kind: 'county_council',
      parentSlug: 'lincolnshire-public-sector-working-group',
      identifier: 'gss:E10000019',
    },
    {
      slug: 'lincolnshire-police',
      name: 'Lincolnshire Police',
      kind: 'police_force',
      parentSlug: 'lincolnshire-public-sector-working-group',
      identifier: 'police_force_code:32',
    },
    {
      slug: 'north-east-lincolnshire-care-trust-plus',
      name: 'North East Lincolnshire Care Trust Plus',
      kind: 'nhs_trust',
    },
    {
      slug: 'north-east-lincolnshire-council',
      name: 'North East Lincolnshire Council',
      kind: 'unitary_council',
      identifier: 'gss:E06000012',
    },
    {
      slug: 'northumberland-county-council',
      name: 'Northumberland County Council',
      kind: 'unitary_council',
      identifier: 'gss:E06000057',
    },
  ];

  it.each(expected)('$name exists with the right kind, parent and identifier', (want) => {
    const org = get(want.slug);
    expect(org.name).toBe(want.name);
    expect(org.kind).toBe(want.kind);
    expect(org.parentSlug).toBe(want.parentSlug);
    const identifier = org.identifier && `${org.identifier.scheme}:${org.identifier.value}`;
    expect(identifier).toBe(want.identifier);
  });

  it('only the Edinburgh records are Scottish; everything else observes England and Wales holidays', () => {
    expect(get('city-of-edinburgh-council').nation).toBe('scotland');
    expect(
      all
        .filter((o) => o.nation === 'scotland')
        .map((o) => o.slug)
        .sort(),
    ).toEqual(['city-of-edinburgh-council', 'edinburgh-partnership']);
    expect(all.filter((o) => o.nation === 'northern_ireland')).toEqual([]);
  });

  it('the Lincolnshire partnership has exactly the eight councils the document lists', () => {
    const councils = childrenOf('lincolnshire-public-sector-working-group').filter((o) =>
      COUNCIL_KINDS.includes(o.kind),
    );
    expect(councils.map((o) => o.name).sort()).toEqual([
      'Boston Borough Council',
      'City of Lincoln Council',
      'East Lindsey District Council',
      'Lincolnshire County Council',
      'North Kesteven District Council',
      'South Holland District Council',
      'South Kesteven District Council',
      'West Lindsey District Council',
    ]);
    expect(readDocument(SOURCE_DOCUMENTS.lincolnshire)).toContain('made up of eight local authority partners');
  });

  it('every partnership is a root with at least one member', () => {
    const partnerships = all.filter((o) => o.kind === 'partnership');
    expect(partnerships.length).toBeGreaterThanOrEqual(7);
    for (const partnership of partnerships) {
      expect(partnership.parentSlug, partnership.slug).toBeUndefined();
      expect(childrenOf(partnership.slug).length, partnership.slug).toBeGreaterThan(0);
    }
  });
});

describe('Lancashire schools and academies', () => {
  it('Lancashire County Council has more school/academy children than the report\'s "in excess of" figure', () => {
    const document = readDocument(SOURCE_DOCUMENTS.lancashire);
    expect(document).toContain(LANCASHIRE_SCHOOLS_SOURCE_QUOTE);
    const match = /in excess of (\d+) Schools and Academies/.exec(document);
    const floor = Number(match?.[1]);
    expect(floor).toBe(560);
    const schools = childrenOf(LCC).filter((o) => o.kind === 'school' || o.kind === 'academy');
    expect(schools.length).toBeGreaterThan(floor);
    expect(schools.length).toBeGreaterThanOrEqual(LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT);
  });

  it('are generated deterministically', () => {
    expect(generateLancashireSchools()).toEqual(generateLancashireSchools());
  });

  it('have the right count, parent, nation, status and consecutive generated URNs', () => {
    const schools = generateLancashireSchools();
    expect(schools).toHaveLength(LANCASHIRE_SCHOOLS_AND_ACADEMIES_COUNT);
    schools.forEach((school, index) => {
      expect(school.parentSlug).toBe(LCC);
      expect(school.nation).toBe('england_and_wales');
      expect(school.lifecycleStatus).toBe('active');
      expect(['school', 'academy']).toContain(school.kind);
      expect(school.identifier).toEqual({ scheme: 'urn', value: String(GENERATED_URN_START + index) });
      expect(school.name).toMatch(/(School|Academy)$/);
    });
  });

  it('have unique names and slugs and a realistic mix of schools and academies', () => {
    const schools = generateLancashireSchools();
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.slug)).size).toBe(schools.length);
    const academies = schools.filter((s) => s.kind === 'academy').length;
    expect(academies / schools.length).toBeGreaterThan(0.1);
    expect(academies / schools.length).toBeLessThan(0.5);
  });
});
