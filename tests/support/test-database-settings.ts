/** Where the tests' databases come from: a PostgreSQL server when TEST_DATABASE_URL is set. */
export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** The migrated, seeded database every test file copies. */
export const TEMPLATE_DATABASE = 'ssp_test_template';
/** Prefix of the per-file copies on a server, dropped by the global teardown. */
export const TEST_DATABASE_PREFIX = 'ssp_test_file_';

/** The same server URL pointed at another database. */
export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
