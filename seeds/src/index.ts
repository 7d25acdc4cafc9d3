// Seed data taken from the source documents, loaded by `pnpm start` and by the tests.

export * from './catalogue/seed-catalogue.ts';
export * from './catalogue/seed-catalogue-ids.ts';
export * from './load-seed-data.ts';
export * from './organisations/platform-operator.ts';
export * from './organisations/seed-organisation.ts';
export * from './organisations/seed-organisation-ids.ts';
export * from './organisations/seed-organisations.ts';
export * from './performance/generate-lancashire-records.ts';
export * from './performance/lancashire-kpi-figures.ts';
export * from './performance/load-lancashire-performance.ts';
export * from './services/load-customer-services.ts';
