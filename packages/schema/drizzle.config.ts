import { defineConfig } from 'drizzle-kit';

// drizzle-kit diffs the tables against the whole history, and the history lives in every package
// that owns migrations (see docs/architecture.md). `pnpm db:generate` (src/generate-migration.ts)
// gathers it into one folder, names it here, and moves the new migration to its owner's folder.
const out = process.env.SSP_ASSEMBLED_MIGRATIONS;
if (!out) throw new Error("Run drizzle-kit through `pnpm db:generate`: it gathers every package's migrations first");

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/all-tables.ts',
  out,
  entities: { roles: true },
});
