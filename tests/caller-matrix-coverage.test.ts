import { describe, expect, it } from 'vitest';
import { BILLING_MATRIX } from './support/caller-matrix/billing-matrix.ts';
import { CALLER_KINDS, isMutation, type MatrixTable, rootFields } from './support/caller-matrix/caller-matrix.ts';
import { SERVICES_MATRIX } from './support/caller-matrix/services-matrix.ts';
import { SHARED_SUPPORT_MATRIX } from './support/caller-matrix/shared-support-matrix.ts';
import { TENANTS_MATRIX } from './support/caller-matrix/tenants-matrix.ts';

// Every root field of the schema has one row in one domain's caller matrix, so a new query or
// mutation without its expectations per caller fails here (the rows are run by
// tests/*/caller-matrix.test.ts).

const TABLES: Record<string, MatrixTable> = {
  tenants: TENANTS_MATRIX,
  services: SERVICES_MATRIX,
  billing: BILLING_MATRIX,
  'shared-support': SHARED_SUPPORT_MATRIX,
};

describe('the caller matrix', () => {
  it('has exactly one row for every Query and Mutation field of the schema', () => {
    const rows = Object.values(TABLES).flatMap((table) => Object.keys(table));
    expect(rows.length).toBe(new Set(rows).size);
    const named = rows.map((field) => `${isMutation(field) ? 'Mutation' : 'Query'}.${field}`).sort();
    expect(named).toEqual(rootFields());
  });

  it('says what every kind of caller gets from every row', () => {
    for (const [domain, table] of Object.entries(TABLES)) {
      for (const [field, entry] of Object.entries(table)) {
        expect(Object.keys(entry.outcomes).sort(), `${domain}: ${field}`).toEqual([...CALLER_KINDS].sort());
      }
    }
  });

  it('lets nobody anonymous write', () => {
    for (const table of Object.values(TABLES)) {
      for (const [field, entry] of Object.entries(table)) {
        if (isMutation(field)) expect(entry.outcomes.anonymous, field).toBe('UNAUTHENTICATED');
      }
    }
  });
});
