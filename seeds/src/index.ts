// Seed data taken from the source documents, loaded by `pnpm start` and by the tests.
export * from './load-seed-data.ts';
export * from './organisations/platform-operator.ts';
export * from './organisations/seed-organisation.ts';
export * from './organisations/seed-organisation-ids.ts';
export * from './organisations/seed-organisations.ts';
