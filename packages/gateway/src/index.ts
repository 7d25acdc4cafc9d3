export * from './graphql/create-graphql-handler.ts';
export * from './graphql/mutation-savepoints.ts';
export * from './graphql/platform-schema.ts';
export * from './http/platform-server.ts';
export * from './lifecycle/data-folder-lock.ts';
export * from './lifecycle/graceful-stop.ts';
export * from './platform-app.ts';
