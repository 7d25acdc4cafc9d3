// The seeded organisations and their ids, without the loaders (`@ssp/seeds/organisations`): the
// CLI mints tokens for them without loading the platform's packages.

export * from './platform-operator.ts';
export * from './seed-organisation.ts';
export * from './seed-organisation-ids.ts';
export * from './seed-organisations.ts';
