// The assembly between the kernel and the domains: every domain's tables gathered into one set of
// relations (`@pothos/plugin-drizzle` plans a selection into one SQL statement from them), the
// one Pothos builder typed by them with the types every schema has, and the list of every package's migrations.
import './graphql/root-types.ts';
import './graphql/node-fields.ts';
import './graphql/date-time-scalar.ts';
import './graphql/json-scalar.ts';
import './graphql/error-types.ts';

export * as tables from './all-tables.ts';
export * from './graphql/builder.ts';
export * from './graphql/define-mutation.ts';
export * from './graphql/error-types.ts';
export * from './graphql/money-type.ts';
export * from './migration-owners.ts';
export * from './migration-ownership.ts';
export * from './platform-schema.ts';
export * from './relations.ts';
export * from './shipped-migrations.ts';
