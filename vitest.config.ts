import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships both index.mjs (which Vite picks for our source) and index.js (which Node
    // picks for the Pothos packages it loads): two copies break the schema at run time. Send
    // every import to the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'seeds/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Migrates and seeds one template database; each test file then gets its own copy.
    globalSetup: ['tests/support/global-setup.ts'],
    env: { NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files in a worker share its loaded modules (the platform's packages take seconds to
    // load, and every file loaded them again); each file still has its own database copy and app.
    isolate: false,
    // Two cores run two files at a time; more workers only share the same two cores.
    maxWorkers: 2,
  },
});
