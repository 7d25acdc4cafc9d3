import { v5 as uuidv5 } from 'uuid';

// Fixed ids for the seeded catalogue, like the seeded organisations: tests and re-runs agree on
// them without asking the database.
const CATALOGUE_NAMESPACE = '3b8f0c52-9d1e-5a47-8c6b-1f2e3d4c5b6a';

export function seedOfferingId(code: string): string {
  return uuidv5(`offering:${code}`, CATALOGUE_NAMESPACE);
}

export function seedSlaDefinitionId(code: string, version: number): string {
  return uuidv5(`sla:${code}:${version}`, CATALOGUE_NAMESPACE);
}
