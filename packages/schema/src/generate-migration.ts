// `pnpm db:generate [--owner <owner>] [--name <name>] [--custom]`: drizzle-kit's generate over
// the whole history, the new migration placed in the folder of the package that owns it. Without
// `--owner` the owner is the one domain whose tables the new SQL changes; a custom (empty)
// migration, and one for the kernel, name theirs. A migration that changes tables of several
// domains, or of a domain other than `--owner`, is refused and nothing is written: generate one per
// domain, changing one domain's tables at a time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MIGRATION_OWNER_NAMES, MIGRATION_OWNERS, type MigrationOwner, migrationOwner } from './migration-owners.ts';
import { misplacedMigration, tablesChangedBy } from './migration-ownership.ts';

const schemaPackage = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: { owner: { type: 'string' }, name: { type: 'string' }, custom: { type: 'boolean', default: false } },
  strict: true,
});
const named = values.owner as string | undefined;
if (named !== undefined && !(MIGRATION_OWNER_NAMES as readonly string[]).includes(named)) {
  fail(`--owner must be one of ${MIGRATION_OWNER_NAMES.join(', ')}`);
}
if (values.custom && named === undefined) fail('A custom migration names its owner: --owner <owner>');

/** Every package's migrations copied into one folder, as drizzle-kit reads a history. */
function assembleHistory(folder: string): Set<string> {
  const names = new Set<string>();
  for (const owner of MIGRATION_OWNERS) {
    for (const name of readdirSync(owner.folder)) {
      if (names.has(name)) fail(`Two packages hold the migration ${name}`);
      names.add(name);
      cpSync(join(owner.folder, name), join(folder, name), { recursive: true });
    }
  }
  return names;
}

/** The owner the new migration goes to, or why it has none. */
function ownerOf(name: string, sql: string): MigrationOwner {
  if (named !== undefined) {
    const owner = migrationOwner(named as MigrationOwner['name']);
    const misplaced = misplacedMigration(owner, { name, sql });
    if (misplaced.length > 0) fail(`Refused, nothing written:\n  ${misplaced.join('\n  ')}`);
    return owner;
  }
  const changed = tablesChangedBy(sql);
  const owners = new Set(changed.map((table) => MIGRATION_OWNERS.find((owner) => owner.tables.has(table))));
  const undeclared = changed.filter((table) => !MIGRATION_OWNERS.some((owner) => owner.tables.has(table)));
  if (undeclared.length > 0) fail(`Refused, nothing written: no domain declares ${undeclared.join(', ')}`);
  const [only] = owners;
  if (owners.size === 1 && only) return only;
  if (changed.length === 0)
    fail('Refused, nothing written: the migration changes no table, so name its owner: --owner <owner>');
  fail(
    `Refused, nothing written: the migration changes ${changed.join(', ')}, tables of several domains. ` +
      "Generate one migration per domain: change one domain's tables, generate, then the next.",
  );
}

const assembled = mkdtempSync(join(tmpdir(), 'ssp-migrations-'));
// On every way out, `fail` included (process.exit skips a finally block).
process.on('exit', () => rmSync(assembled, { recursive: true, force: true }));
const before = assembleHistory(assembled);
const args = ['exec', 'drizzle-kit', 'generate', ...(values.name ? [`--name=${values.name}`] : [])];
if (values.custom) args.push('--custom');
const run = spawnSync('pnpm', args, {
  cwd: schemaPackage,
  stdio: 'inherit',
  env: { ...process.env, SSP_ASSEMBLED_MIGRATIONS: assembled },
});
if (run.status !== 0) process.exit(run.status ?? 1);
for (const name of readdirSync(assembled).filter((entry) => !before.has(entry))) {
  const owner = ownerOf(name, readFileSync(join(assembled, name, 'migration.sql'), 'utf8'));
  cpSync(join(assembled, name), join(owner.folder, name), { recursive: true });
  process.stdout.write(`${name} placed in ${owner.name}'s migrations: ${join(owner.folder, name)}\n`);
}
