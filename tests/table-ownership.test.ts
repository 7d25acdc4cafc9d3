import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as billingTables from '@ssp/billing-tables';
import * as servicesTables from '@ssp/services-tables';
import * as sharedSupportTables from '@ssp/shared-support-tables';
import * as tenantsTables from '@ssp/tenants-tables';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

/**
 * Each domain package owns its tables (packages/<domain>/tables): only its own code reads or
 * writes them; every other package calls its exported functions. This test reads the source of
 * every package and fails on each place that reaches another domain's table: an import of its
 * tables package (or of `@ssp/schema`'s `tables`, every domain's at once), a relational query on
 * one (`tx.query.<table>`), or SQL naming one. A domain's table declarations may reference a lower
 * domain's tables (a foreign key is not a read), and `@ssp/schema` assembles them all: neither is
 * scanned. Tests, seeds and benchmarks set up data as a client could not, and are not scanned either.
 */

const root = join(import.meta.dirname, '..');
const OWNED = {
  tenants: tenantsTables,
  services: servicesTables,
  billing: billingTables,
  'shared-support': sharedSupportTables,
} as const;
type Domain = keyof typeof OWNED;
/** Every package whose code is held to the rule, and the domain it is (the gateway owns no table). */
const PACKAGES: readonly { name: string; domain: Domain | null }[] = [
  { name: 'core', domain: null },
  { name: 'tenants', domain: 'tenants' },
  { name: 'services', domain: 'services' },
  { name: 'billing', domain: 'billing' },
  { name: 'shared-support', domain: 'shared-support' },
  { name: 'gateway', domain: null },
];

interface Owned {
  domain: Domain;
  /** The table's export name: its key in the relations, as in `tx.query.<key>`. */
  key: string;
  sqlName: string;
}

function ownedTables(): Owned[] {
  return Object.entries(OWNED).flatMap(([domain, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => is(value, PgTable))
      .map(([key, table]) => ({ domain: domain as Domain, key, sqlName: getTableConfig(table as PgTable).name })),
  );
}

interface SourceFile {
  path: string;
  text: string;
}

function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

/** The text of SQL a file sends: template literals and strings that begin like a statement. */
function sqlTexts(source: string): string[] {
  const templates = [...source.matchAll(/`([^`]*)`/g)].map((match) => match[1]!);
  const strings = [...source.matchAll(/'((?:select|insert|update|delete|with)\b[^']*)'/gi)].map((match) => match[1]!);
  return [...templates, ...strings];
}

/** Every place in one package's source that reaches a table another domain owns. */
function ownershipViolations(domain: Domain | null, files: readonly SourceFile[]): string[] {
  const foreign = ownedTables().filter((table) => table.domain !== domain);
  const byKey = new Map(foreign.map((table) => [table.key, table]));
  const violations: string[] = [];
  for (const { path: where, text: source } of files) {
    for (const match of source.matchAll(/from '@ssp\/([a-z-]+)-tables'/g)) {
      if (match[1] !== domain) violations.push(`${where} imports @ssp/${match[1]}-tables`);
    }
    if (/import[^;]*\btables\b[^;]*from '@ssp\/schema'/.test(source)) {
      violations.push(`${where} imports every domain's tables from @ssp/schema`);
    }
    for (const match of source.matchAll(/\.query\.([A-Za-z]+)\./g)) {
      const table = byKey.get(match[1]!);
      if (table) violations.push(`${where} queries ${table.key}, owned by ${table.domain}`);
    }
    for (const text of sqlTexts(source)) {
      for (const table of foreign) {
        if (new RegExp(`\\b(from|join|into|update|table)\\s+"?${table.sqlName}\\b`, 'i').test(text)) {
          violations.push(`${where} names ${table.sqlName} in SQL, owned by ${table.domain}`);
        }
      }
    }
  }
  return violations;
}

describe('table ownership', () => {
  it('knows the owner of every table in the schema', () => {
    const tables = ownedTables();
    expect(new Set(tables.map((table) => table.sqlName)).size).toBe(tables.length);
    expect(new Set(tables.map((table) => table.domain))).toEqual(new Set(Object.keys(OWNED)));
  });

  it('no package reads or writes a table another domain owns', () => {
    const violations = PACKAGES.flatMap(({ name, domain }) =>
      ownershipViolations(domain, sourceFiles(join(root, 'packages', name, 'src'))),
    );
    expect(violations).toEqual([]);
  });

  it('catches each way of reaching a foreign table', () => {
    const crossDomain = [
      "import * as services from '@ssp/services-tables';",
      "import { tables } from '@ssp/schema';",
      'const parent = await tx.query.organisations.findFirst({ where: { id } });',
      'await tx.execute(sql`insert into memberships (tenant_id) values ($1)`);',
      "await queryRows(tx, 'select count(*) from service_requests');",
    ].join('\n');
    const own = [
      "import * as tables from '@ssp/billing-tables';",
      'await tx.query.savingsOpportunities.findMany();',
      "await tx.execute(sql`update savings_opportunities set status = 'delivered'`);",
      '// Prose is not SQL: a statement is written from organisations and their requests.',
    ].join('\n');
    expect(ownershipViolations('billing', [{ path: 'example.ts', text: `${crossDomain}\n${own}` }])).toEqual([
      'example.ts imports @ssp/services-tables',
      "example.ts imports every domain's tables from @ssp/schema",
      'example.ts queries organisations, owned by tenants',
      'example.ts names memberships in SQL, owned by tenants',
      'example.ts names service_requests in SQL, owned by services',
    ]);
  });
});
