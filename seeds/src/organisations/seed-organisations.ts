/**
 * All seed organisations: the ones the documents name, then the generated Lancashire schools,
 * ordered so that every parent comes before its children (a loader can insert them in order
 * and resolve each parentSlug to an id already written).
 */
import { generateLancashireSchools } from './generated-lancashire-schools.ts';
import { namedOrganisations } from './named-organisations.ts';
import type { SeedOrganisation } from './seed-organisation.ts';

/**
 * Parents-first order: keeps the input order, except that a record whose parent has not been
 * placed yet is deferred to a later pass (after its parent). Throws on a duplicate slug, a parentSlug that names no
 * organisation, or a cycle, so bad data fails at seed time rather than half-way through a load.
 */
export function orderParentsFirst(organisations: readonly SeedOrganisation[]): SeedOrganisation[] {
  const bySlug = new Map<string, SeedOrganisation>();
  for (const org of organisations) {
    if (bySlug.has(org.slug)) throw new Error(`duplicate organisation slug: ${org.slug}`);
    bySlug.set(org.slug, org);
  }
  for (const org of organisations) {
    if (org.parentSlug !== undefined && !bySlug.has(org.parentSlug)) {
      throw new Error(`organisation ${org.slug} has unknown parent ${org.parentSlug}`);
    }
  }
  const placed = new Set<string>();
  const ordered: SeedOrganisation[] = [];
  let pending = [...organisations];
  while (pending.length > 0) {
    const waiting: SeedOrganisation[] = [];
    for (const org of pending) {
      if (org.parentSlug === undefined || placed.has(org.parentSlug)) {
        ordered.push(org);
        placed.add(org.slug);
      } else {
        waiting.push(org);
      }
    }
    if (waiting.length === pending.length) {
      throw new Error(`organisation hierarchy has a cycle: ${waiting.map((o) => o.slug).join(', ')}`);
    }
    pending = waiting;
  }
  return ordered;
}

export function seedOrganisations(): readonly SeedOrganisation[] {
  return orderParentsFirst([...namedOrganisations, ...generateLancashireSchools()]);
}
