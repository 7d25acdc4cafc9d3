import { v5 as uuidv5 } from 'uuid';

// Fixed ids for seeded shared-support rows, like the seeded organisations and catalogue: tests
// and re-runs agree on them without asking the database.
const SHARED_SUPPORT_NAMESPACE = '8d2b6e41-7c3a-5f19-b0e4-6a5c4d3b2e1f';

export function seedSharedSupportId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, SHARED_SUPPORT_NAMESPACE);
}
