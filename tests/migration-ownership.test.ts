import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIGRATION_OWNERS, type MigrationOwner, migrationOwner, misplacedMigration } from '@ssp/schema';
import { describe, expect, it } from 'vitest';

/**
 * Each package holds the migrations of what it owns (docs/architecture.md, "Migrations"): a
 * domain's folder only migrations that change that domain's tables, the kernel's only those that
 * change no domain's table (roles, the `app` functions) and the shipped ones that change several
 * domains at once. What a migration changes is read from its SQL: CREATE, ALTER and DROP TABLE,
 * policies, indexes, triggers, grants and revokes on tables, comments, rows written. A foreign key
 * to a lower domain's table is not a change to it.
 */

const root = join(import.meta.dirname, '..');

/** Every migration.sql in the repository's packages, wherever it lies. */
function migrationFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'migration.sql' && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function migrationsOf(owner: MigrationOwner): { name: string; sql: string }[] {
  return readdirSync(owner.folder)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(owner.folder, name, 'migration.sql'), 'utf8') }));
}

describe('migration ownership', () => {
  it('every migration lies in the folder of the package that owns what it changes', () => {
    const misplaced = MIGRATION_OWNERS.flatMap((owner) =>
      migrationsOf(owner).flatMap((migration) => misplacedMigration(owner, migration)),
    );
    expect(misplaced).toEqual([]);
  });

  it('every package that owns tables holds migrations, and each folder holds only migrations', () => {
    for (const owner of MIGRATION_OWNERS) {
      const entries = readdirSync(owner.folder, { withFileTypes: true });
      expect(entries.length, owner.name).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.isDirectory() && /^\d{14}_[a-z0-9-]+$/.test(entry.name), `${owner.name}: ${entry.name}`).toBe(
          true,
        );
        expect(readdirSync(join(owner.folder, entry.name)).sort(), entry.name).toContain('migration.sql');
      }
    }
  });

  it("leaves no migration outside the owners' folders, where the migrator would never read it", () => {
    // A branch that still adds to the old one folder (packages/schema/migrations) is caught here.
    const stray = migrationFilesUnder(join(root, 'packages'))
      .filter((file) => !MIGRATION_OWNERS.some((owner) => relative(owner.folder, file).split('/').length === 2))
      .map((file) => relative(root, file));
    expect(stray).toEqual([]);
  });

  it("catches each way a migration changes another domain's table", () => {
    const billing = migrationOwner('billing');
    const crossDomain = [
      'CREATE TABLE "memberships_archive" ("id" uuid PRIMARY KEY);',
      'ALTER TABLE "organisations" ADD COLUMN "rating" integer;',
      `CREATE POLICY "subscriptions_billing_read" ON "subscriptions" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);`,
      'ALTER POLICY "delegations_tenant_isolation" ON "public"."delegations" USING (true);',
      'CREATE INDEX "service_requests_billing_idx" ON "service_requests" USING btree ("tenant_id");',
      'CREATE TRIGGER audit_events_billing AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION app.x();',
      'GRANT SELECT, UPDATE ON affordability_charges, api_clients TO ssp_runtime;',
      'REVOKE INSERT ON TABLE payrolls FROM ssp_runtime;',
      'COMMENT ON COLUMN dbs_checks.completed_on IS $$the day$$;',
      "INSERT INTO help_requests (tenant_id) VALUES ('00000000-0000-0000-0000-000000000000');",
      'ALTER TABLE sharing_agreements FORCE ROW LEVEL SECURITY;',
    ].join('\n--> statement-breakpoint\n');
    const own = [
      '-- Prose is not SQL: this grants nothing on organisations.',
      'ALTER TABLE "statement_credits" ADD CONSTRAINT "statement_credits_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id") ON UPDATE CASCADE;',
      'GRANT EXECUTE ON FUNCTION app.current_tenant_ids() TO ssp_runtime;',
      'GRANT USAGE ON SCHEMA app TO ssp_runtime;',
      `CREATE FUNCTION app.touch() RETURNS void LANGUAGE sql AS $$ update organisations set name = name $$;`,
      `CREATE POLICY "statement_credits_read" ON "statement_credits" FOR UPDATE TO ssp_runtime USING (tenant_id in (select id from organisations));`,
    ].join('\n');
    expect(misplacedMigration(billing, { name: '20990101000000_example', sql: `${crossDomain}\n${own}` })).toEqual([
      '20990101000000_example, in billing, changes api_clients, owned by tenants',
      '20990101000000_example, in billing, changes audit_events, owned by tenants',
      '20990101000000_example, in billing, changes dbs_checks, owned by services',
      '20990101000000_example, in billing, changes delegations, owned by tenants',
      '20990101000000_example, in billing, changes help_requests, owned by shared-support',
      '20990101000000_example, in billing, changes memberships_archive, which no domain declares',
      '20990101000000_example, in billing, changes organisations, owned by tenants',
      '20990101000000_example, in billing, changes payrolls, owned by services',
      '20990101000000_example, in billing, changes service_requests, owned by services',
      '20990101000000_example, in billing, changes sharing_agreements, owned by shared-support',
      '20990101000000_example, in billing, changes subscriptions, owned by services',
    ]);
  });

  it("keeps the kernel's folder to what no one domain owns", () => {
    const kernel = migrationOwner('kernel');
    const oneDomain = 'ALTER TABLE organisations ADD COLUMN rating integer;';
    expect(misplacedMigration(kernel, { name: '20990101000000_rating', sql: oneDomain })).toEqual([
      '20990101000000_rating, in kernel, changes organisations, owned by tenants',
    ]);
    const severalDomains = `${oneDomain}\nALTER TABLE subscriptions ADD COLUMN rating integer;`;
    expect(misplacedMigration(kernel, { name: '20990101000000_ratings', sql: severalDomains })).toHaveLength(2);
    expect(misplacedMigration(kernel, { name: '20261123043429_onboarding', sql: oneDomain })).toEqual([
      '20261123043429_onboarding is listed as changing several domains but changes organisations',
    ]);
    expect(
      misplacedMigration(kernel, {
        name: '20990101000000_context',
        sql: 'CREATE FUNCTION app.f() RETURNS void LANGUAGE sql AS $$ select 1 $$;',
      }),
    ).toEqual([]);
  });
});
