import { MIGRATION_OWNERS, type MigrationOwner } from './migration-owners.ts';

/**
 * The shipped migrations that change several domains' tables in one file. They shipped before
 * each domain held its own migrations, and a shipped migration is never edited (drizzle records it
 * applied by name: an edit would reach fresh databases only), so they stay whole in the kernel's
 * folder. A new change to several domains is one migration per domain.
 */
export const SHIPPED_CROSS_DOMAIN_MIGRATIONS: ReadonlySet<string> = new Set([
  // Onboarding: services' onboarding_requests, with tenants' policies and grants for registering
  // an organisation beneath a visible one.
  '20261123043429_onboarding',
  '20261123043430_onboarding-grants',
  // Every tenant table's write policy, checked by the kernel's `app.in_tenant_context`.
  '20261123051930_tenant-writes-in-context',
]);

/** A table name, optionally schema-qualified and quoted; only `public` holds the domains' tables. */
const NAME = String.raw`(?:"?(\w+)"?\s*\.\s*)?"?(\w+)"?`;
const NAME_LIST = String.raw`${NAME}(?:\s*,\s*${NAME})*`;

/** What a GRANT or REVOKE may be on besides tables; none of them is a table. */
const NOT_TABLES =
  /^(function|functions|procedure|procedures|routine|routines|schema|sequence|sequences|all|type|domain|database|language|large|tablespace|foreign|parameter)\b/i;

const STATEMENT_TARGETS: readonly RegExp[] = [
  new RegExp(
    String.raw`^(?:create|alter|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?(?:only\s+)?(?<target>${NAME_LIST})`,
    'i',
  ),
  new RegExp(String.raw`^(?:create|alter|drop)\s+policy\s+(?:if\s+exists\s+)?${NAME}\s+on\s+(?<target>${NAME})`, 'i'),
  new RegExp(
    String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:${NAME}\s+)?on\s+(?:only\s+)?(?<target>${NAME})`,
    'i',
  ),
  new RegExp(
    String.raw`^create\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\s+[\s\S]*?\son\s+(?<target>${NAME})`,
    'i',
  ),
  new RegExp(String.raw`^drop\s+trigger\s+(?:if\s+exists\s+)?${NAME}\s+on\s+(?<target>${NAME})`, 'i'),
  new RegExp(String.raw`^comment\s+on\s+table\s+(?<target>${NAME})`, 'i'),
  new RegExp(String.raw`^comment\s+on\s+column\s+(?<target>${NAME})\s*\.\s*"?\w+"?`, 'i'),
  new RegExp(
    String.raw`^(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?(?<target>${NAME_LIST})`,
    'i',
  ),
];
const GRANT = /^(?:grant|revoke)\s+[\s\S]*?\son\s+([\s\S]*?)\s+(?:to|from)\s/i;

/** A migration's statements without comments, quoted text and function bodies (run later, not by the migration). */
function statementsOf(sql: string): string[] {
  const bare = sql
    .replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, "''")
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^']|'')*'/g, "''");
  return bare
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** The public tables a name list names (a schema other than `public` holds no domain's table). */
function tablesIn(list: string): string[] {
  return [...list.matchAll(new RegExp(NAME, 'g'))]
    .filter(([, schema]) => schema === undefined || schema.toLowerCase() === 'public')
    .map(([, , table]) => table!.toLowerCase());
}

/**
 * The tables a migration creates, alters, drops, grants on, puts a policy, index or trigger on,
 * or writes rows to. Foreign keys are not counted: referencing a lower domain's table is allowed,
 * as in the table declarations.
 */
export function tablesChangedBy(sql: string): string[] {
  const tables = new Set<string>();
  for (const statement of statementsOf(sql)) {
    for (const pattern of STATEMENT_TARGETS) {
      const match = pattern.exec(statement);
      for (const table of tablesIn(match?.groups?.target ?? '')) tables.add(table);
    }
    const grant = GRANT.exec(statement);
    if (grant && !NOT_TABLES.test(grant[1]!)) {
      for (const table of tablesIn(grant[1]!.replace(/^table\s+/i, ''))) tables.add(table);
    }
  }
  return [...tables].sort();
}

function ownerOfTable(table: string, owners: readonly MigrationOwner[]): MigrationOwner | undefined {
  return owners.find((owner) => owner.tables.has(table));
}

/**
 * Why a migration does not belong in the given owner's folder, one message per reason: a domain's
 * migration changes only that domain's tables; the kernel's changes none, apart from the shipped
 * migrations that change several domains at once.
 */
export function misplacedMigration(
  owner: MigrationOwner,
  migration: { name: string; sql: string },
  owners: readonly MigrationOwner[] = MIGRATION_OWNERS,
): string[] {
  const changed = tablesChangedBy(migration.sql);
  if (owner.name === 'kernel' && SHIPPED_CROSS_DOMAIN_MIGRATIONS.has(migration.name)) {
    const domains = new Set(changed.map((table) => ownerOfTable(table, owners)?.name));
    return domains.size > 1
      ? []
      : [`${migration.name} is listed as changing several domains but changes ${changed.join(', ')}`];
  }
  return changed
    .filter((table) => !owner.tables.has(table))
    .map((table) => {
      const tableOwner = ownerOfTable(table, owners);
      return tableOwner
        ? `${migration.name}, in ${owner.name}, changes ${table}, owned by ${tableOwner.name}`
        : `${migration.name}, in ${owner.name}, changes ${table}, which no domain declares`;
    });
}
