import { v5 as uuidv5 } from 'uuid';

// Seed tenants get fixed ids (derived from their slugs) so tests, the CLI and a re-run of the
// loader all agree on them without asking the database.
const SEED_NAMESPACE = '6f1c2a8e-4b7d-5e3f-9a10-2c4d6e8f0a1b';

/** The fixed id of a seeded organisation. */
export function seedOrganisationId(slug: string): string {
  return uuidv5(`organisation:${slug}`, SEED_NAMESPACE);
}
