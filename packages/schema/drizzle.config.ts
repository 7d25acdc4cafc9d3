import { defineConfig } from 'drizzle-kit';

// One migration history for the tables every domain package owns (see docs/architecture.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/all-tables.ts',
  out: './migrations',
  entities: { roles: true },
});
