import { platformOperator, type SeedOrganisation, seedOrganisations } from '@ssp/seeds/organisations';
import { distance } from 'fastest-levenshtein';

/** Every organisation `pnpm cli token` can mint for: the platform operator and the seeds. */
export function tokenOrganisations(): readonly SeedOrganisation[] {
  return [platformOperator, ...seedOrganisations()];
}

/** The organisations of a kind and/or whose slug or name contains the search text, by slug. */
export function findOrganisations(
  organisations: readonly SeedOrganisation[],
  filter: { kind?: string; search?: string },
): SeedOrganisation[] {
  const search = filter.search?.toLowerCase();
  return organisations
    .filter((organisation) => filter.kind === undefined || organisation.kind === filter.kind)
    .filter(
      (organisation) =>
        search === undefined || organisation.slug.includes(search) || organisation.name.toLowerCase().includes(search),
    )
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * The slugs closest to a mistyped one: those sharing a word with it first, then by edit
 * distance, so "lancs-county-council" suggests Lancashire before an unrelated short slug.
 */
export function closestSlugs(organisations: readonly SeedOrganisation[], slug: string, count = 5): string[] {
  const words = slug
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3);
  const sharedWords = (candidate: string) => words.filter((word) => candidate.includes(word)).length;
  return organisations
    .map((organisation) => organisation.slug)
    .map((candidate) => ({ candidate, shared: sharedWords(candidate), edits: distance(slug.toLowerCase(), candidate) }))
    .sort((a, b) => b.shared - a.shared || a.edits - b.edits || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** The kinds present among the organisations, for the message on an unknown `--kind`. */
export function organisationKinds(organisations: readonly SeedOrganisation[]): string[] {
  return [...new Set(organisations.map((organisation) => organisation.kind))].sort();
}
