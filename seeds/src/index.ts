// Seed data taken from the source documents, loaded by `pnpm start` and by the tests.

export * from './billing/business-cases/business-case-seeds.ts';
export * from './billing/business-cases/load-business-cases.ts';
export * from './catalogue/seed-catalogue.ts';
export * from './catalogue/seed-catalogue-ids.ts';
export * from './load-seed-data.ts';
export * from './organisations/index.ts';
export * from './performance/generate-lancashire-records.ts';
export * from './performance/lancashire-kpi-figures.ts';
export * from './performance/load-lancashire-performance.ts';
export * from './services/load-customer-services.ts';
export * from './shared-support/generate-large-partnership.ts';
export * from './shared-support/lincolnshire-shared-support.ts';
export * from './shared-support/load-shared-support.ts';
export * from './shared-support/seed-shared-support-ids.ts';
