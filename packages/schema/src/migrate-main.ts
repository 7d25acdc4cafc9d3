// `pnpm db:migrate`: migrates the PostgreSQL server of DATABASE_URL (on a Citus coordinator, and
// places its tables: see migratePostgres) and says what it did. `pnpm start` does the same first.
import { loadAppConfig, migratePostgres } from '@ssp/core';
import { platformSchema } from './platform-schema.ts';

const { databaseUrl } = loadAppConfig(process.env);
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL is not set: the embedded database migrates itself when it opens\n');
  process.exit(1);
}
const report = await migratePostgres(databaseUrl, platformSchema.migrationsFolders);
if (report === null) process.stdout.write('migrated (PostgreSQL)\n');
else {
  process.stdout.write(
    `migrated (Citus): ${report.placed.length} tables placed, ${report.foreignKeysReadded} foreign keys added back\n`,
  );
  for (const { table, placement } of report.placed) process.stdout.write(`  ${table}: ${placement}\n`);
}
